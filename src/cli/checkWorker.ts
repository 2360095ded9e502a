/**
 * One worker thread of `cchc check` (checkPool.ts): checks the files it is given, one at a time,
 * with the options of the run, and answers each with its report; an error no file explains (a bug)
 * is answered with its stack, and the run stops.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkOneFile, type FileCheckOptions } from './commands/check';
import type { WorkerAnswer } from './checkPool';

const port = parentPort;
if (!port) throw new Error('checkWorker.ts runs only as a worker thread');
const options = workerData as FileCheckOptions;
port.on('message', ({ index, file }: { index: number; file: string }) => {
  checkOneFile(file, options).then(
    (check) => port.postMessage({ index, check } satisfies WorkerAnswer),
    (e: unknown) =>
      port.postMessage({
        index,
        crash: e instanceof Error ? (e.stack ?? e.message) : String(e),
      } satisfies WorkerAnswer),
  );
});
port.postMessage('ready');
