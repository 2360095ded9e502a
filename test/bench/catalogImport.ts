/**
 * Benchmark of `cchc catalog import` on the 2021 PAR-index table (97 rows, merged lead, task and
 * deadline cells), as the city's IT runs it once a year: the command's own function in-process,
 * reading the .xlsx from disk, checking every row and writing the data file.
 * - importMs: median of RUNS imports, after one warm-up;
 * - exportMs: writing the table (`cchc catalog export`), median likewise;
 * - peakMemoryMB: the Node process's peak resident memory during the imports (sampled every 5 ms
 *   and at the end of each run; the process already holds the catalog and ExcelJS);
 * - heapGrowthMB: heap used after the imports (after a GC when --expose-gc) minus before.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { runCatalogExport, runCatalogImport } from '../../src/cli/commands/catalogTable';
import { memoryIo } from '../../src/cli/io';
import { tempDir } from '../cli/helpers';

export interface CatalogImportBench {
  rows: number;
  tableBytes: number;
  importMs: number;
  exportMs: number;
  peakMemoryMB: number;
  heapGrowthMB: number;
  runs: number;
}

const RUNS = 7;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const MB = 1024 * 1024;

export async function benchCatalogImport(): Promise<CatalogImportBench> {
  const { dir, remove } = tempDir('cchc-bench-par-');
  try {
    const io = memoryIo({ cwd: dir });
    const exportMs: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const started = performance.now();
      if ((await runCatalogExport(['--year', '2021', '--out', 'par-2021.xlsx', '--force'], io)) !== 0)
        throw new Error(`export failed: ${io.stderr.text()}`);
      if (run > 0) exportMs.push(performance.now() - started);
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const importMs: number[] = [];
    try {
      for (let run = 0; run <= RUNS; run++) {
        const started = performance.now();
        const code = await runCatalogImport(
          ['par-2021.xlsx', '--year', '2021', '--out', 'par-2021.json', '--force'],
          io,
        );
        if (code !== 0) throw new Error(`import failed: ${io.stderr.text()}`);
        if (run > 0) importMs.push(performance.now() - started);
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    } finally {
      clearInterval(timer);
    }
    gc?.();
    const rows = (/\(([0-9]+) dòng/.exec(io.stdout.text()) ?? [])[1];
    return {
      rows: Number(rows),
      tableBytes: statSync(path.join(dir, 'par-2021.xlsx')).size,
      importMs: Math.round(median(importMs)),
      exportMs: Math.round(median(exportMs)),
      peakMemoryMB: Math.round(peak / MB),
      heapGrowthMB: Math.round(((process.memoryUsage().heapUsed - heapBefore) / MB) * 10) / 10,
      runs: RUNS,
    };
  } finally {
    remove();
  }
}
