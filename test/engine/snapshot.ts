/**
 * Builds sheet snapshots for the engine tests from the layout plan, as the adapter would read a
 * freshly injected sheet: the plan's constants, formulas and number formats, computed cells
 * evaluated, then the keyed rows' cells filled by column id.
 */
import { APPENDIX1, latestParList, parList } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import { buildSheetPlan } from '../../src/layout';
import { columnNumber, parseCell } from '../../src/layout/a1';
import type { RowPlan, SheetPlan } from '../../src/layout/types';

/** key → column id → cell content. */
export type Fill = Record<string, Record<string, CellValue>>;

export interface SnapshotOptions {
  /** Cell values (and, for Range.formulas, the same constant) by key and column id. */
  values?: Fill;
  /** Range.formulas text by key and column id (a formula typed into an input, say). */
  formulas?: Record<string, Record<string, string>>;
  /** Number formats by key and column id. */
  numberFormats?: Record<string, Record<string, string>>;
  /** Sheet name as in the workbook (default: the plan's). */
  name?: string;
  /** Leave out formulas and number formats, as a caller without them would. */
  valuesOnly?: boolean;
  /** PAR: the year of the list (default the newest); the snapshot says it as a marker would. */
  parYear?: number;
}

const plans = new Map<string, SheetPlan>();
export function planOf(id: TemplateId, parYear?: number): SheetPlan {
  const k = `${id}@${parYear ?? ''}`;
  let p = plans.get(k);
  if (!p) {
    p = buildSheetPlan(id, { parYear });
    plans.set(k, p);
  }
  return p;
}

export function rowPlan(id: TemplateId, key: string, parYear?: number): RowPlan {
  const r = planOf(id, parYear).rows.find((x) => x.key === key);
  if (!r) throw new Error(`No row ${key} in template ${id}`);
  return r;
}

/** The column letter of a column id on a keyed row: its input, its formula cell, or the sheet column. */
export function letterOf(id: TemplateId, key: string, columnId: string, parYear?: number): string {
  const r = rowPlan(id, key, parYear);
  const letter =
    r.inputs[columnId] ??
    r.formulas[columnId] ??
    planOf(id, parYear).columns.find((c) => c.columnId === columnId)?.letter;
  if (!letter) throw new Error(`No column ${columnId} on row ${key} of ${id}`);
  return letter;
}

/** Address of a keyed row's cell in a freshly built (unmoved) sheet. */
export function cellOf(id: TemplateId, key: string, columnId: string): string {
  return `${letterOf(id, key, columnId)}${rowPlan(id, key).row}`;
}

export function makeSnapshot(id: TemplateId, options: SnapshotOptions = {}): SheetSnapshot {
  const year = options.parYear;
  const plan = planOf(id, year);
  const height = Math.max(...plan.rows.map((r) => r.row), ...plan.cells.map((c) => parseCell(c.address).row));
  const width = Math.max(...plan.columns.map((c) => columnNumber(c.letter)));
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(''));
    formulas.push(new Array<CellValue>(width).fill(''));
    formats.push(new Array<string>(width).fill('General'));
  }
  for (const c of plan.cells) {
    const { row, col } = parseCell(c.address);
    if (c.value !== undefined) {
      values[row - 1][col - 1] = c.value;
      formulas[row - 1][col - 1] = c.value;
    }
    if (c.formula !== undefined) formulas[row - 1][col - 1] = c.formula;
    if (c.numberFormat !== undefined) formats[row - 1][col - 1] = c.numberFormat;
  }
  const at = (key: string, columnId: string): [number, number] => {
    const r = rowPlan(id, key, year).row - 1;
    return [r, columnNumber(letterOf(id, key, columnId, year)) - 1];
  };
  for (const [key, cols] of Object.entries(options.values ?? {}))
    for (const [columnId, v] of Object.entries(cols)) {
      const [r, c] = at(key, columnId);
      values[r][c] = v;
      formulas[r][c] = v;
    }
  for (const [key, cols] of Object.entries(options.formulas ?? {}))
    for (const [columnId, f] of Object.entries(cols)) {
      const [r, c] = at(key, columnId);
      formulas[r][c] = f;
    }
  for (const [key, cols] of Object.entries(options.numberFormats ?? {}))
    for (const [columnId, f] of Object.entries(cols)) {
      const [r, c] = at(key, columnId);
      formats[r][c] = f;
    }
  if (id === 'PAR') evaluateParFormulas(plan, values, formulas);
  const snapshot: SheetSnapshot = {
    name: options.name ?? plan.name,
    templateId: id,
    version: plan.version,
    ...(plan.year !== undefined ? { year: plan.year } : {}),
    origin: 'A1',
    values,
  };
  if (!options.valuesOnly) {
    snapshot.formulas = formulas;
    snapshot.numberFormats = formats;
  }
  return snapshot;
}

/** Results of the PAR sheet's formulas, as Excel shows them: G of a parent, H of every row. */
function evaluateParFormulas(plan: SheetPlan, values: CellValue[][], formulas: CellValue[][]): void {
  const rowOf = new Map(plan.rows.map((r) => [r.key, r.row - 1]));
  const list = plan.year === undefined ? latestParList() : parList(plan.year);
  const parRow = (key: string) => list.rows.find((r) => r.id === key);
  const G = columnNumber('G') - 1;
  const F = columnNumber('F') - 1;
  const H = columnNumber('H') - 1;
  const isFormula = (r: number, c: number): boolean => {
    const f = formulas[r][c];
    return typeof f === 'string' && f.startsWith('=');
  };
  const scoreOf = (key: string): CellValue => {
    const r = rowOf.get(key) as number;
    const row = parRow(key);
    if (!row || row.children.length === 0 || !isFormula(r, G)) return values[r][G];
    const kids = row.children.map(scoreOf);
    const v = kids.every((k) => typeof k === 'number')
      ? Math.round((kids as number[]).reduce((a, b) => a + b, 0) * 1000) / 1000
      : '';
    values[r][G] = v;
    return v;
  };
  scoreOf('total');
  for (const [, r] of rowOf) {
    if (!isFormula(r, H)) continue;
    const g = values[r][G];
    const f = values[r][F];
    values[r][H] = typeof g === 'number' && typeof f === 'number' ? Math.round((g - f) * 1000) / 1000 : '';
  }
}

/** The snapshot with its rows below the header reordered by `order` (indexes into those rows). */
export function permuteRows(snapshot: SheetSnapshot, firstRow: number, order: readonly number[]): SheetSnapshot {
  const move = <T>(grid: T[][] | undefined): T[][] | undefined => {
    if (!grid) return undefined;
    const head = grid.slice(0, firstRow - 1);
    const body = grid.slice(firstRow - 1);
    return [...head, ...order.map((i) => body[i])];
  };
  const out: SheetSnapshot = { ...snapshot, values: move(snapshot.values) as CellValue[][] };
  if (snapshot.formulas) out.formulas = move(snapshot.formulas);
  if (snapshot.numberFormats) out.numberFormats = move(snapshot.numberFormats);
  return out;
}

/** Every input cell of a template: key, column id, kind. */
export function inputsOf(id: TemplateId): Array<{ key: string; columnId: string; kind: RowPlan['kind'] }> {
  return planOf(id).rows.flatMap((r) =>
    Object.keys(r.inputs).map((columnId) => ({ key: r.key, columnId, kind: r.kind })),
  );
}

/** A valid value for an input cell of the given kind. */
export function validValue(kind: RowPlan['kind'], columnId: string, key: string): CellValue {
  switch (kind) {
    case 'count':
      return 7;
    case 'percent':
      return 0.85;
    case 'flag':
      return 1;
    case 'passfail':
      return 'Đạt';
    case 'par-leaf':
      return columnId === 'score' ? (latestParList().rows.find((r) => r.id === key)?.max ?? 0) : 'QĐ 123/QĐ-UBND';
    default:
      return 'Sở Nội vụ';
  }
}

/**
 * A completely and correctly filled sheet: every input valid, totals equal to their parts,
 * bounds respected, counts steady from year to year.
 */
export function validFill(id: TemplateId): Fill {
  const fill: Fill = {};
  for (const { key, columnId, kind } of inputsOf(id)) (fill[key] ??= {})[columnId] = validValue(kind, columnId, key);
  const template = APPENDIX1.find((t) => t.id === id);
  for (const rel of template?.relations ?? [])
    if (rel.kind === 'sum')
      for (const columnId of Object.keys(fill[rel.total] ?? {}))
        fill[rel.total][columnId] = rel.parts.reduce((a, p) => a + (fill[p][columnId] as number), 0);
  return fill;
}
