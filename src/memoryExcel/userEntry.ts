/**
 * What Excel does with text an official types or pastes into cells (not Excel API; the
 * MemoryWorkbook user actions setCellFromUser, validateTypedValue, validationPrompt and
 * pasteFromUser): Excel's parsing of typed text, data validation with its prompt and alert, and
 * the write itself. Kept apart from index.ts, which only adds the sheet lookup, the view-only
 * check and the events that follow an edit.
 */
import { MAX_COLS, MAX_ROWS, type Rect } from './address';
import type { SheetModel } from './model';
import { inDotNotation, parseInput, type ParsedInput } from './numberFormat';
import { numberFormatAt } from './rangeOps';
import { dvAccepts } from './rules';
import type { ChangeRecord, WorkbookModel } from './workbookModel';

export interface ValidationVerdict {
  /** The value passes the cell's data validation (or there is none). */
  valid: boolean;
  /** Excel would refuse the entry (invalid with a Stop alert shown). */
  rejected: boolean;
  /** The alert Excel shows for an invalid value, when its alert is on. */
  alert: { style: 'Stop' | 'Warning' | 'Information'; title: string; message: string } | null;
}

export interface TypedEntryResult extends ValidationVerdict {
  /** The value was written. */
  accepted: boolean;
}

/** The data-validation prompt of a cell (shown when it is selected), if any. */
export function validationPrompt(
  sheet: SheetModel,
  row: number,
  col: number,
): { title: string; message: string } | null {
  const e = sheet.get(row, col)?.dv?.entry;
  if (!e?.rule || !e.prompt.showPrompt || (!e.prompt.title && !e.prompt.message)) return null;
  return { title: e.prompt.title, message: e.prompt.message };
}

/** `input` read as typing does (see numberFormat.parseInput), in the cell's number format. */
function parseTyped(
  sheet: SheetModel,
  row: number,
  col: number,
  input: string,
  decimalSeparator: ',' | '.',
): ParsedInput {
  return parseInput(inDotNotation(input, decimalSeparator), numberFormatAt(sheet, row, col), 'typed');
}

/**
 * Would Excel's data validation accept `input` typed into the cell? A typed formula is validated
 * by its result.
 */
export function typedVerdict(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  input: string,
  decimalSeparator: ',' | '.' = '.',
): ValidationVerdict {
  return verdict(model, sheet, row, col, parseTyped(sheet, row, col, input, decimalSeparator));
}

function verdict(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  parsed: ParsedInput,
): ValidationVerdict {
  const binding = sheet.get(row, col)?.dv;
  // Guess: clearing a cell (Delete, or typing nothing) is never validated, as in Excel.
  if (!binding?.entry.rule || parsed.kind === 'blank') return { valid: true, rejected: false, alert: null };
  model.engine.recalc();
  let candidate;
  if (parsed.kind === 'formula') {
    try {
      model.engine.validate(parsed.formula as string);
    } catch {
      return { valid: false, rejected: true, alert: null };
    }
    candidate = model.engine.evaluateAt(sheet, parsed.formula as string, row, col);
  } else candidate = parsed.value ?? null;
  const valid = dvAccepts(model, sheet, row, col, candidate);
  if (valid) return { valid, rejected: false, alert: null };
  const a = binding.entry.errorAlert;
  if (!a.showAlert) return { valid, rejected: false, alert: null };
  return { valid, rejected: a.style === 'Stop', alert: { style: a.style, title: a.title, message: a.message } };
}

/**
 * Typing `input` into a cell and pressing Enter, up to the write: data validation enforced (a
 * Stop alert refuses the entry; Warning/Information are answered "Yes"/"OK" unless
 * `confirmWarnings` is false). `refused` is the result when the entry is not written.
 */
export function judgeTypedEntry(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  input: string,
  confirmWarnings: boolean | undefined,
  decimalSeparator: ',' | '.' = '.',
): { parsed: ParsedInput; verdict: ValidationVerdict; refused?: TypedEntryResult } {
  const parsed = parseTyped(sheet, row, col, input, decimalSeparator);
  const v = verdict(model, sheet, row, col, parsed);
  if (v.rejected || (!v.valid && v.alert && confirmWarnings === false))
    return { parsed, verdict: v, refused: { ...v, accepted: false } };
  if (parsed.kind === 'formula') {
    try {
      model.engine.validate(parsed.formula as string);
    } catch {
      // Excel refuses a malformed formula with its "There's a problem with this formula" dialog.
      return { parsed, verdict: v, refused: { valid: v.valid, rejected: true, alert: null, accepted: false } };
    }
  }
  return { parsed, verdict: v };
}

/** Writes an accepted typed entry and recalculates; the change its onChanged reports (with details). */
export function writeTypedEntry(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  parsed: ParsedInput,
): ChangeRecord {
  const before = model.readValue(sheet, row, col);
  model.applyInput(sheet, row, col, parsed, 'setCellFromUser');
  model.engine.recalc();
  return {
    sheet,
    rect: { top: row, left: col, bottom: row, right: col },
    changeType: 'RangeEdited',
    bySelf: false,
    before,
    after: sheet.get(row, col)?.value ?? null,
  };
}

/** The area a paste of `rows` at (row, col) covers; null for an empty paste. */
export function pasteArea(row: number, col: number, rows: string[][]): Rect | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!rows.length || !width) return null;
  const rect: Rect = { top: row, left: col, bottom: row + rows.length - 1, right: col + width - 1 };
  if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) throw new Error('memoryExcel: paste beyond the grid');
  return rect;
}

/**
 * Pasting plain text: each cell read as typed text (a malformed formula kept as text), data
 * validation NOT applied (Excel's paste bypasses it); recalculates.
 */
export function writePastedText(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: Rect,
  rows: string[][],
  decimalSeparator: ',' | '.' = '.',
): void {
  const { top: row, left: col } = rect;
  rows.forEach((line, i) =>
    line.forEach((text, j) => {
      const r = row + i;
      const c = col + j;
      let parsed = parseInput(inDotNotation(text, decimalSeparator), numberFormatAt(sheet, r, c), 'paste');
      if (parsed.kind === 'formula') {
        try {
          model.engine.validate(parsed.formula as string);
        } catch {
          parsed = { kind: 'value', value: text };
        }
      }
      model.applyInput(sheet, r, c, parsed, 'pasteFromUser');
    }),
  );
  model.engine.recalc();
}
