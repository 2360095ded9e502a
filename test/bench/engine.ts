/**
 * Engine throughput: workbooks holding 1, 10, 100 and 1000 unit copies of the templates (the eight
 * Appendix 1 sections and the PAR list; a consolidating office holds one copy per district or
 * department), filled with seeded random values: mostly valid, with the bad inputs officials
 * really type (numbers as text, decimal commas, "85%", stray spaces, Excel errors, dates, a value
 * in a heading row…).
 *
 * Reported per size: input cells validated, wall time of validateWorkbook (median of repeated runs,
 * at least 3, after a warm-up; and the best run), cells per second, nanoseconds per cell (flat =
 * linear), the same per CPU second (a shared machine's other processes inflate wall time, not CPU
 * time), findings, the time to read every PAR summary (built on first read), and heap: the peak
 * heapUsed sampled while the sheets are validated one by one with every summary read, and that peak
 * above the heap before the run (the results kept plus the engine's working memory).
 * Snapshots are built before timing starts and share their unchanging rows between copies.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { APPENDIX1, TEMPLATE_IDS, parRow } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { validateSheet, validateWorkbook } from '../../src/engine';
import type { CellValue, SheetResult, SheetSnapshot, WorkbookResult } from '../../src/engine/types';
import { columnNumber } from '../../src/layout/a1';
import { makeSnapshot, planOf } from '../engine/snapshot';
import { prng } from '../shared/prng';

export interface EngineBenchRow {
  copies: number;
  sheets: number;
  cellsChecked: number;
  cellsFilled: number;
  findings: number;
  /** validateWorkbook wall time, median of `runs`; bestMs the fastest run. */
  ms: number;
  bestMs: number;
  runs: number;
  cellsPerSecond: number;
  nsPerCell: number;
  /** CPU time (user + system, GC threads included) of the median run. */
  cpuMs: number;
  cellsPerCpuSecond: number;
  /** Reading every PAR summary of the result (they are built on first read). */
  parSummaryMs: number;
  parRows: number;
  /** Largest heapUsed sampled while validating (the workbook's snapshots included). */
  peakHeapBytes: number;
  /** That peak above the heap before validation: results kept plus the engine's working memory. */
  heapAboveBaselineBytes: number;
  /** Heap taken by the workbook's snapshots themselves, for scale. */
  workbookBytes: number;
}

export interface EngineBench {
  /** Wall clock, at the largest size (1000 copies). */
  cellsPerSecond: number;
  /** The same per CPU second: less disturbed by other processes on a shared machine. */
  cellsPerCpuSecond: number;
  /** Largest heapUsed sampled during any measured run. */
  peakMemoryBytes: number;
  table: EngineBenchRow[];
  /** Share of filled input cells given a bad value. */
  invalidShare: number;
  seed: number;
}

const SIZES = [1, 10, 100, 1000];
const SEED = 20210805;
const INVALID_SHARE = 0.1;
const EMPTY_SHARE = 0.05;
export const COPY_IDS: TemplateId[] = TEMPLATE_IDS.filter((id) => id !== 'STATUS');

/**
 * Bad inputs, as generators: each form (number as text, decimal comma, "85%", stray spaces…) with
 * random digits, so that a workbook holds many distinct bad values, as real ones do; Excel errors
 * and Đạt/Không đạt variants repeat, as they do in real workbooks.
 */
type Bad = (rand: () => number) => CellValue;
const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pad3 = (n: number): string => String(n).padStart(3, '0');
const BAD: Record<string, Bad[]> = {
  count: [
    (r) => String(int(r, 0, 5000)),
    (r) => `${int(r, 1, 99)}.${pad3(int(r, 0, 999))}`,
    (r) => `${int(r, 1, 99)},${pad3(int(r, 0, 999))}`,
    (r) => `${int(r, 0, 99)},${int(r, 1, 9)}`,
    (r) => ` ${int(r, 0, 5000)} `,
    (r) => `${int(r, 0, 5000)}\u00A0`,
    (r) => `-${int(r, 1, 500)}`,
    (r) => int(r, 0, 500) + 0.5,
    () => '#REF!',
    () => '#N/A',
    (r) => `${int(r, 1, 28)}/${int(r, 1, 12)}/2020`,
    () => 'mười',
    (r) => -int(r, 1, 500),
  ],
  percent: [
    (r) => int(r, 2, 100),
    (r) => `${int(r, 0, 100)}%`,
    (r) => `${int(r, 0, 99)},${int(r, 1, 9)} %`,
    (r) => `0,${int(r, 1, 99)}`,
    (r) => int(r, 101, 500),
    () => '#DIV/0!',
    () => 'cao',
    (r) => -int(r, 1, 99) / 100,
  ],
  flag: [(r) => int(r, 2, 9), () => 'có', () => 'không', () => '1', () => true, () => '#VALUE!'],
  passfail: [() => 'đạt', () => 'DAT', () => ' Không  đạt', () => 'khong dat', () => 'Tốt', () => 1, () => '#NAME?'],
  text: [() => '#REF!', () => ' '],
  parScore: [
    (r) => `0,${pad3(int(r, 1, 999))}`,
    (r) => `1.${pad3(int(r, 0, 999))}`,
    (r) => int(r, 11, 99),
    (r) => -int(r, 1, 9) / 10,
    (r) => int(r, 1, 9999) / 10000 + 0.00001,
    () => '#N/A',
    (r) => `${int(r, 1, 100)}%`,
  ],
};

interface InputCell {
  r: number;
  c: number;
  kind: string;
  max: number;
  target: number;
  key: string;
  columnId: string;
}

interface TemplateBase {
  id: TemplateId;
  snapshot: SheetSnapshot;
  /** Rows that hold inputs (cloned per copy); every other row is shared. */
  inputRows: Set<number>;
  inputs: InputCell[];
  groupCells: Array<{ r: number; c: number }>;
  sums: Array<{ total: string; parts: string[] }>;
  bounds: Array<{ lesser: string; greater: string }>;
}

export function templateBase(id: TemplateId): TemplateBase {
  const plan = planOf(id);
  const snapshot = makeSnapshot(id);
  const inputs: InputCell[] = [];
  const inputRows = new Set<number>();
  const groupCells: Array<{ r: number; c: number }> = [];
  for (const row of plan.rows) {
    for (const [columnId, letter] of Object.entries(row.inputs)) {
      const kind =
        row.kind === 'par-leaf'
          ? columnId === 'score'
            ? 'parScore'
            : 'text'
          : row.kind === 'meta'
            ? 'text'
            : row.kind;
      const par = parRow(row.key);
      inputs.push({
        r: row.row - 1,
        c: columnNumber(letter) - 1,
        kind,
        max: par?.max ?? 0,
        target: par?.target ?? 0,
        key: row.key,
        columnId,
      });
      inputRows.add(row.row - 1);
    }
    if (row.kind === 'group') {
      const sub = plan.rows.find((x) => x.key.startsWith(`${row.key}.`) && Object.keys(x.inputs).length > 0);
      for (const letter of Object.values(sub?.inputs ?? {}))
        groupCells.push({ r: row.row - 1, c: columnNumber(letter) - 1 });
      inputRows.add(row.row - 1);
    }
  }
  const template = APPENDIX1.find((t) => t.id === id);
  const sums = (template?.relations ?? []).flatMap((r) =>
    r.kind === 'sum' ? [{ total: r.total, parts: r.parts }] : [],
  );
  const bounds = (template?.relations ?? []).flatMap((r) =>
    r.kind === 'atMost' ? [{ lesser: r.lesser, greater: r.greater }] : [],
  );
  return { id, snapshot, inputRows, inputs, groupCells, sums, bounds };
}

function validValue(cell: InputCell, rand: () => number, base: number): CellValue {
  switch (cell.kind) {
    case 'count':
      // Steady from year to year (±20 %), so plausibility stays quiet on valid data.
      return Math.round(base * (0.8 + 0.4 * rand()));
    case 'percent':
      return Math.round(rand() * 1000) / 1000;
    case 'flag':
      return rand() < 0.5 ? 0 : 1;
    case 'passfail':
      return rand() < 0.7 ? 'Đạt' : 'Không đạt';
    case 'parScore': {
      // Most criteria reach their target; one in ten falls short.
      const target = cell.target;
      const score = rand() < 0.9 ? target + rand() * (cell.max - target) : rand() * target;
      return Math.round(score * 1000) / 1000;
    }
    default:
      return cell.columnId === 'reporter' ? 'UBND quận Ba Đình' : `Quyết định số ${Math.floor(rand() * 999)}/QĐ-UBND`;
  }
}

/** One copy of one template: input rows cloned and filled, other rows shared with the base. */
function fillCopy(b: TemplateBase, copy: number, rand: () => number, invalidShare: number): SheetSnapshot {
  const src = b.snapshot;
  const values = src.values.map((row, r) => (b.inputRows.has(r) ? row.slice() : row));
  const formulas = (src.formulas as CellValue[][]).map((row, r) => (b.inputRows.has(r) ? row.slice() : row));
  const byKey = new Map<string, Map<string, { r: number; c: number; valid: boolean }>>();
  let rowBase = 0;
  let lastKey = '';
  for (const cell of b.inputs) {
    if (cell.key !== lastKey) {
      rowBase = 1 + Math.floor(rand() * 2000);
      lastKey = cell.key;
    }
    const u = rand();
    let v: CellValue;
    let valid = false;
    if (u < EMPTY_SHARE) v = '';
    else if (u < EMPTY_SHARE + invalidShare) {
      const pool = BAD[cell.kind] ?? BAD.text;
      v = pool[Math.floor(rand() * pool.length)](rand);
    } else {
      v = validValue(cell, rand, rowBase);
      valid = true;
    }
    values[cell.r][cell.c] = v;
    formulas[cell.r][cell.c] = v;
    let m = byKey.get(cell.key);
    if (!m) byKey.set(cell.key, (m = new Map()));
    m.set(cell.columnId, { r: cell.r, c: cell.c, valid });
  }
  // Bounds hold (có mặt ≤ được giao…) and totals equal their parts where all are valid, as in a
  // carefully filled return.
  for (const bound of b.bounds) {
    const lesser = byKey.get(bound.lesser);
    const greater = byKey.get(bound.greater);
    if (!lesser || !greater) continue;
    for (const [columnId, l] of lesser) {
      const g = greater.get(columnId);
      if (!g || !l.valid || !g.valid) continue;
      const v = Math.floor((values[g.r][g.c] as number) * (0.7 + 0.3 * rand()));
      if ((values[l.r][l.c] as number) > (values[g.r][g.c] as number)) {
        values[l.r][l.c] = v;
        formulas[l.r][l.c] = v;
      }
    }
  }
  for (const s of b.sums) {
    const total = byKey.get(s.total);
    if (!total) continue;
    for (const [columnId, t] of total) {
      if (!t.valid) continue;
      const parts = s.parts.map((p) => byKey.get(p)?.get(columnId));
      if (parts.some((p) => !p || !p.valid)) continue;
      const sum = parts.reduce((a, p) => a + (values[(p as { r: number }).r][(p as { c: number }).c] as number), 0);
      values[t.r][t.c] = sum;
      formulas[t.r][t.c] = sum;
    }
  }
  // One copy in twenty types a figure into a heading row.
  if (b.groupCells.length > 0 && rand() < 0.05) {
    const g = b.groupCells[Math.floor(rand() * b.groupCells.length)];
    values[g.r][g.c] = 100;
    formulas[g.r][g.c] = 100;
  }
  return { ...src, name: `${src.name} #${copy}`.slice(0, 31), values, formulas };
}

export function buildWorkbook(bases: TemplateBase[], copies: number, invalidShare = INVALID_SHARE): SheetSnapshot[] {
  const rand = prng(SEED + copies);
  const out: SheetSnapshot[] = [];
  for (let i = 1; i <= copies; i++) for (const b of bases) out.push(fillCopy(b, i, rand, invalidShare));
  return out;
}

/**
 * A full collection before each heap baseline, so that garbage from the timing runs does not count.
 * With `node --expose-gc` it is global.gc; otherwise the flag is set at run time and the function
 * fetched from a fresh context, as V8 only installs it in contexts created after the flag.
 */
function collector(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchEngine(): Promise<EngineBench> {
  const bases = COPY_IDS.map(templateBase);
  // Warm-up: let the JIT settle on the hot path before anything is timed.
  const warm = buildWorkbook(bases, 20);
  for (let i = 0; i < 15; i++) validateWorkbook(warm);

  const gc = collector();
  const table: EngineBenchRow[] = [];
  let peakMemoryBytes = 0;
  for (const copies of SIZES) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const snapshots = buildWorkbook(bases, copies);
    gc();
    const workbookBytes = process.memoryUsage().heapUsed - before;

    // Time: the public entry, repeated until ~0.3 s has passed (at least 3 runs) for small sizes.
    // CPU time is taken too: on a shared machine wall time also counts other processes' turns.
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let cellsChecked = 0;
    let cellsFilled = 0;
    let findings = 0;
    let spent = 0;
    let last: WorkbookResult | undefined;
    do {
      last = undefined;
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const result = validateWorkbook(snapshots);
      const ns = Number(process.hrtime.bigint() - t0);
      const cpu = process.cpuUsage(cpu0);
      times.push(ns);
      cpuTimes.push((cpu.user + cpu.system) * 1000);
      spent += ns;
      cellsChecked = result.sheets.reduce((a, s) => a + s.cellsChecked, 0);
      cellsFilled = result.sheets.reduce((a, s) => a + s.cellsFilled, 0);
      findings = result.findings.length;
      last = result;
    } while ((times.length < 3 || spent < 3e8) && times.length < 50);
    const ns = median(times);
    const cpuNs = median(cpuTimes);

    // PAR summaries are built when read: the cost of reading every one of them, for a consolidation.
    const s0 = process.hrtime.bigint();
    let parRows = 0;
    for (const sheet of (last as WorkbookResult).sheets) parRows += sheet.par?.rows.length ?? 0;
    const parSummaryNs = Number(process.hrtime.bigint() - s0);
    last = undefined;

    // Memory: the same work sheet by sheet, every PAR summary read (built), sampling the heap as
    // the results accumulate.
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const kept: SheetResult[] = [];
    const every = Math.max(1, Math.floor(snapshots.length / 200));
    for (let i = 0; i < snapshots.length; i++) {
      const result = validateSheet(snapshots[i]);
      if (result.par && result.par.rows.length === 0) throw new Error('empty PAR summary');
      kept.push(result);
      if (i % every === 0 || i === snapshots.length - 1) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    peakMemoryBytes = Math.max(peakMemoryBytes, peak);
    table.push({
      copies,
      sheets: snapshots.length,
      cellsChecked,
      cellsFilled,
      findings,
      ms: Math.round(ns / 1e4) / 100,
      bestMs: Math.round(Math.min(...times) / 1e4) / 100,
      runs: times.length,
      cellsPerSecond: Math.round(cellsChecked / (ns / 1e9)),
      nsPerCell: Math.round((ns / cellsChecked) * 10) / 10,
      cpuMs: Math.round(cpuNs / 1e4) / 100,
      cellsPerCpuSecond: Math.round(cellsChecked / (cpuNs / 1e9)),
      parSummaryMs: Math.round(parSummaryNs / 1e4) / 100,
      parRows,
      peakHeapBytes: peak,
      heapAboveBaselineBytes: peak - baseline,
      workbookBytes,
    });
    if (kept.length !== snapshots.length) throw new Error('memory pass lost results');
  }
  return {
    cellsPerSecond: table[table.length - 1].cellsPerSecond,
    cellsPerCpuSecond: table[table.length - 1].cellsPerCpuSecond,
    peakMemoryBytes,
    table,
    invalidShare: INVALID_SHARE,
    seed: SEED,
  };
}
