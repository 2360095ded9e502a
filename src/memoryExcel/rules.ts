/**
 * Data validation and conditional formats evaluated as Excel would: formulas are written for the
 * top-left cell of the range they were set on and read relative to each cell.
 */
import { a1Cell, intersect, parseAddress, type Rect } from './address';
import { translate, translator } from './formulaText';
import type { CfFormat, DvEntry, SheetModel } from './model';
import type { WorkbookModel } from './workbookModel';
import { CellError, type CellValue } from './values';

function truthy(v: CellValue): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}

/** A DV formula ("=10", "=$D7") read for a cell at offset (dr, dc) from the entry's anchor. */
function dvOperand(
  model: WorkbookModel,
  sheet: SheetModel,
  formula: string | undefined,
  dr: number,
  dc: number,
  row: number,
  col: number,
): CellValue {
  if (formula === undefined) return null;
  const f = formula.startsWith('=') ? formula : `=${formula}`;
  return model.engine.evaluateAt(sheet, translate(f, dr, dc), row, col);
}

function compare(op: string | undefined, v: number, a: CellValue, b: CellValue): boolean {
  const x = typeof a === 'number' ? a : typeof a === 'boolean' ? Number(a) : NaN;
  const y = typeof b === 'number' ? b : NaN;
  if (Number.isNaN(x)) return false; // Guess: an operand that is not a number rejects every value.
  switch (op) {
    case 'Between':
      return !Number.isNaN(y) && v >= x && v <= y;
    case 'NotBetween':
      return !Number.isNaN(y) && (v < x || v > y);
    case 'EqualTo':
      return v === x;
    case 'NotEqualTo':
      return v !== x;
    case 'GreaterThan':
      return v > x;
    case 'LessThan':
      return v < x;
    case 'GreaterThanOrEqualTo':
      return v >= x;
    case 'LessThanOrEqualTo':
      return v <= x;
    default:
      return false;
  }
}

function listItems(
  model: WorkbookModel,
  sheet: SheetModel,
  source: string,
  dr: number,
  dc: number,
  row: number,
  col: number,
): CellValue[] {
  if (source.startsWith('=')) {
    const f = translate(source, dr, dc);
    const ref = parseAddress(f.slice(1));
    if (!ref) return [model.engine.evaluateAt(sheet, f, row, col)];
    const target = ref.sheet !== undefined ? model.sheetByName(ref.sheet) : sheet;
    if (!target) return [];
    const items: CellValue[] = [];
    const ext = target.extent();
    const bottom = Math.min(ref.rect.bottom, ext.rows - 1);
    const right = Math.min(ref.rect.right, ext.cols - 1);
    for (let r = ref.rect.top; r <= bottom; r++)
      for (let c = ref.rect.left; c <= right; c++) items.push(model.readValue(target, r, c));
    return items;
  }
  return source.split(',').map((s) => s.trim());
}

/**
 * Would the cell's validation accept `candidate`? For custom rules the candidate is put in the
 * cell while the formula is evaluated (Excel validates the value as if entered).
 */
export function dvAccepts(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  candidate: CellValue,
  entryOverride?: { entry: DvEntry; dr: number; dc: number },
): boolean {
  const binding = entryOverride ?? sheet.get(row, col)?.dv;
  if (!binding?.entry.rule) return true;
  const { entry, dr, dc } = binding;
  const rule = entry.rule as NonNullable<DvEntry['rule']>;
  if (candidate === null || candidate === '') return entry.ignoreBlanks;
  if (candidate instanceof CellError) return false;
  switch (rule.type) {
    case 'WholeNumber':
    case 'Decimal': {
      if (typeof candidate !== 'number') return false;
      if (rule.type === 'WholeNumber' && !Number.isInteger(candidate)) return false;
      const a = dvOperand(model, sheet, rule.formula1, dr, dc, row, col);
      const b = dvOperand(model, sheet, rule.formula2, dr, dc, row, col);
      return compare(rule.operator, candidate, a, b);
    }
    case 'List': {
      const items = listItems(model, sheet, rule.source ?? '', dr, dc, row, col);
      // Guess: list validation compares text without regard to case, numbers by value.
      return items.some((it) => {
        if (it === null) return false;
        if (typeof candidate === 'number')
          return typeof it === 'number' ? it === candidate : Number(it) === candidate && String(it).trim() !== '';
        return String(it).toLocaleLowerCase() === String(candidate).toLocaleLowerCase();
      });
    }
    case 'Custom': {
      const cell = sheet.ensure(row, col);
      const saved = cell.value;
      cell.value = candidate;
      try {
        return truthy(model.engine.evaluateAt(sheet, translate(rule.formula ?? '=TRUE', dr, dc), row, col));
      } finally {
        cell.value = saved;
        sheet.prune(row, col);
      }
    }
  }
}

const cfCache = new WeakMap<SheetModel, { version: number; result: Map<string, CfFormat> }>();

/**
 * Formats conditional formats put on each cell ('D7' → format), higher priority first. Cached
 * per sheet until the workbook changes (model.version).
 */
export function evaluateConditionalFormats(
  model: WorkbookModel,
  sheet: SheetModel,
  within?: Rect,
): Map<string, CfFormat> {
  model.engine.recalc();
  if (!within) {
    const cached = cfCache.get(sheet);
    if (cached && cached.version === model.version) return new Map(cached.result);
  }
  const out = new Map<string, CfFormat>();
  const ext = sheet.extent();
  // Formats over whole rows/columns are evaluated where the sheet has cells only.
  const used: Rect = { top: 0, left: 0, bottom: Math.max(0, ext.rows - 1), right: Math.max(0, ext.cols - 1) };
  for (const cf of sheet.cfs) {
    const at = cf.formula ? translator(cf.formula) : null;
    for (const r of cf.rects) {
      const huge = (r.bottom - r.top + 1) * (r.right - r.left + 1) > 1_000_000;
      const clipped = huge ? intersect(r, used) : r;
      const area = clipped && within ? intersect(clipped, within) : clipped;
      if (!area) continue;
      for (let row = area.top; row <= area.bottom; row++) {
        for (let col = area.left; col <= area.right; col++) {
          const key = a1Cell(row, col);
          if (!at || !truthy(model.engine.evaluateAt(sheet, at(row - cf.anchorRow, col - cf.anchorCol), row, col)))
            continue;
          const current = out.get(key) ?? {};
          const f = cf.format;
          const next: CfFormat = { ...current };
          if (f.fill !== undefined && next.fill === undefined) next.fill = f.fill;
          if (f.fontColor !== undefined && next.fontColor === undefined) next.fontColor = f.fontColor;
          if (f.bold !== undefined && next.bold === undefined) next.bold = f.bold;
          if (f.italic !== undefined && next.italic === undefined) next.italic = f.italic;
          out.set(key, next);
        }
      }
    }
  }
  if (!within) cfCache.set(sheet, { version: model.version, result: new Map(out) });
  return out;
}
