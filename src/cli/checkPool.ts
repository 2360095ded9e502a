/**
 * `cchc check` on every core: the files are a queue that this thread and a few worker threads
 * (checkWorker.ts) take from, each file read and validated whole by one of them, the reports put
 * back in the order the files were given. A worker costs about half a second to start (tsx compiles
 * the checker's modules in it), so workers are started only for long runs (WORKER_MIN_FILES files
 * per worker), and this thread checks files meanwhile: a short run is never slower than one thread.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileCheck, FileCheckOptions } from './commands/check';

/** Files a worker must have ahead of it to be worth its start-up (50 files take about as long as one start-up). */
export const WORKER_MIN_FILES = 50;
/** Beyond four threads the disk and the copying of reports back gain nothing on a Department's PC. */
const MAX_THREADS = 4;

/** How many worker threads a run of `files` files starts; `wanted`: the user's --threads (threads in all, this one included). */
export function workerCount(files: number, wanted?: number): number {
  if (wanted !== undefined) return Math.max(0, Math.min(wanted, MAX_THREADS, files) - 1);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(Math.min(cores, MAX_THREADS) - 1, Math.floor(files / WORKER_MIN_FILES)));
}

/** What a worker answers for one file: its check, or the stack of an error no file explains (a bug). */
export type WorkerAnswer = { index: number; check: FileCheck } | { index: number; crash: string };

/**
 * Checks `files` with `checkHere` in this thread (null: only in the workers) and with `workers`
 * worker threads; `onFile` after each file, in the order they finish. The first unexpected error
 * stops every thread and is thrown.
 */
export async function checkInThreads(
  files: readonly string[],
  options: FileCheckOptions,
  workers: number,
  checkHere: ((file: string) => Promise<FileCheck>) | null,
  onFile?: (file: string) => void,
): Promise<FileCheck[]> {
  if (checkHere === null && workers < 1) throw new Error('checkInThreads: no thread to check the files');
  const results: FileCheck[] = new Array<FileCheck>(files.length);
  let next = 0;
  let failure: unknown = null;
  const done = (index: number, check: FileCheck) => {
    results[index] = check;
    onFile?.(files[index]);
  };
  const started: Worker[] = [];
  const workerRuns = Array.from(
    { length: Math.min(workers, files.length) },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(path.join(__dirname, 'checkWorker.js'), { workerData: options });
        started.push(worker);
        // The index of the file the worker holds, or -1: a worker that stops holding one has failed.
        let holding = -1;
        const give = () => {
          if (failure !== null || next >= files.length) {
            void worker.terminate();
            return;
          }
          holding = next++;
          worker.postMessage({ index: holding, file: files[holding] });
        };
        worker.on('message', (answer: WorkerAnswer | 'ready') => {
          if (answer === 'ready') return give();
          holding = -1;
          if ('crash' in answer) {
            failure ??= new Error(answer.crash);
            void worker.terminate();
            return;
          }
          done(answer.index, answer.check);
          give();
        });
        // An uncaught error is followed by 'exit': the run's verdict is given there.
        worker.on('error', (e) => {
          failure ??= e;
        });
        worker.on('exit', (code) => {
          if (holding >= 0) failure ??= new Error(`a worker thread stopped (${code}) while checking ${files[holding]}`);
          if (failure !== null) reject(failure as Error);
          else resolve();
        });
      }),
  );
  const here = (async () => {
    while (checkHere !== null && failure === null && next < files.length) {
      const index = next++;
      try {
        done(index, await checkHere(files[index]));
      } catch (e) {
        failure ??= e;
        throw e;
      }
    }
  })();
  try {
    await Promise.all([here, ...workerRuns]);
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
  return results;
}
