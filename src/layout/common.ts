/**
 * Pieces every template sheet shares: the A1 marker and key column, title lines, the
 * "Cơ quan, đơn vị báo cáo" line, the rules marking what a check flagged, print orientation.
 */
import type { TemplateId } from '../catalog/types';
import { columnLetter } from './a1';
import { KEY_COL, REPORTER_COLUMN, REPORTER_KEY } from './keyColumn';
import { columnPlan, rect, rectAddress, type SheetBuilder } from './builder';
import { markerFor } from './marker';
import { textHeight } from './measure';
import { flagColumnFormula } from './flagColumn';
import { conditionalFormat, INPUT_FORMATS, invalidFormula } from './rules';
import type { ColumnPlan, PrintPlan, SheetPlan, StyleId } from './types';

export const KEY_WIDTH = 12;
export const REPORTER_LABEL = 'Cơ quan, đơn vị báo cáo:';

/** Sheets wider than this (in character units, hidden columns excluded) print landscape. */
const PORTRAIT_MAX_WIDTH = 100;

/** `year`: the PAR list's year (PAR only). */
export function writeMarker(b: SheetBuilder, id: TemplateId, version: string, year?: number): void {
  b.set(1, KEY_COL, { value: markerFor(id, version, year), numberFormat: '@', style: 'key' });
}

/** Row keys are text even when they look like numbers ('1.6'), hence '@'. */
export function writeKey(b: SheetBuilder, row: number, key: string): void {
  b.set(row, KEY_COL, { value: key, numberFormat: '@', style: 'key' });
}

/** Sum of the widths of columns left…right. */
export function spanWidth(columns: readonly ColumnPlan[], left: number, right: number): number {
  let width = 0;
  for (let c = left; c <= right; c++) width += columns[c - 1]?.width ?? 0;
  return width;
}

/** A line of text merged across columns left…right, its row made tall enough to show it. */
export function writeLine(
  b: SheetBuilder,
  columns: readonly ColumnPlan[],
  row: number,
  left: number,
  right: number,
  text: string,
  style: StyleId,
): void {
  b.merge(rect(row, left, row, right), { value: text, style });
  const fontSize = style === 'title' ? 14 : 11;
  b.needHeight(row, textHeight(text, spanWidth(columns, left, right), { fontSize, bold: style === 'title' }));
}

/**
 * The reporter line: label over labelLeft…labelRight, a text input over the rest. Consolidation
 * reads it to know which unit supplied a copy.
 */
export function writeReporterLine(
  b: SheetBuilder,
  row: number,
  labelLeft: number,
  labelRight: number,
  lastCol: number,
): void {
  writeKey(b, row, REPORTER_KEY);
  b.merge(rect(row, labelLeft, row, labelRight), { value: REPORTER_LABEL, style: 'meta' });
  const input = b.merge(rect(row, labelRight + 1, row, lastCol), { numberFormat: INPUT_FORMATS.meta, style: 'input' });
  b.addRow({
    key: REPORTER_KEY,
    row,
    kind: 'meta',
    inputs: { [REPORTER_COLUMN]: columnLetter(labelRight + 1) },
    formulas: {},
  });
  b.addConditionalFormat(conditionalFormat('invalid', input, invalidFormula('meta', input)));
}

/**
 * The sheet's two rules reading its hidden helper column of marks (flagColumn.ts: 'flagged' for
 * the cells a check found an error in, red; 'flaggedWarning' for those with warnings only,
 * orange), over everything from the first keyed row down, and that column.
 */
export function addFlaggedRule(b: SheetBuilder, top: number, left: number, bottom: number, right: number): void {
  const range = rectAddress(top, left, bottom, right);
  b.useFlagColumn();
  b.addConditionalFormat(conditionalFormat('flagged', range, flagColumnFormula(top, 'error')));
  b.addConditionalFormat(conditionalFormat('flaggedWarning', range, flagColumnFormula(top, 'warning')));
}

export function printPlan(columns: readonly ColumnPlan[], titleRows?: [number, number]): PrintPlan {
  const width = columns.filter((c) => !c.hidden).reduce((sum, c) => sum + c.width, 0);
  return {
    orientation: width > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
    paperSize: 'A4',
    fitToWidth: true,
    ...(titleRows ? { titleRows: `$${titleRows[0]}:$${titleRows[1]}` } : {}),
  };
}

/** A column of a sheet whose columns are listed in order from A, column A being the hidden key. */
export interface ListedColumn {
  readonly id: string;
  readonly width: number;
  readonly header: string;
}

/** Column number (A = 1) of each listed column's id. */
export function columnNumbers<Id extends string>(list: readonly { readonly id: Id }[]): Record<Id, number> {
  return Object.fromEntries(list.map((c, i) => [c.id, i + 1])) as Record<Id, number>;
}

export function listedColumnPlans(list: readonly ListedColumn[]): ColumnPlan[] {
  return list.map((c, i) => columnPlan(i + 1, c.width, c.id, i + 1 === KEY_COL));
}

/** One header row over listed columns; the hidden key column has no header. */
export function writeHeaderRow(b: SheetBuilder, row: number, list: readonly ListedColumn[]): void {
  list.forEach((c, i) => {
    if (i + 1 === KEY_COL) return;
    b.set(row, i + 1, { value: c.header, style: 'header' });
    b.needHeight(row, textHeight(c.header, c.width, { bold: true }));
  });
}

/**
 * The plan of a sheet under a single header row: frozen below it and right of `frozenColumns`,
 * the header repeated on every printed page.
 */
export function buildUnderHeaderRow(
  b: SheetBuilder,
  base: Pick<SheetPlan, 'templateId' | 'name' | 'version' | 'columns'>,
  headerRow: number,
  frozenColumns: number,
): SheetPlan {
  const { templateId, name, version, columns } = base;
  return b.build({
    templateId,
    name,
    version,
    headerRows: [headerRow, headerRow],
    columns,
    freeze: { rows: headerRow, columns: frozenColumns },
    print: printPlan(columns, [headerRow, headerRow]),
  });
}

/**
 * The sum of parts, as every total the add-in writes computes it (PAR parents, Appendix 1
 * totals): `=IF(COUNT(G8,G9,G13)=3,SUM(G8,G9,G13),"")`, blank until every part holds a number.
 * COUNT ignores text, so a part typed as the text "12" keeps the total blank (and the engine
 * says why) rather than being counted by one host and not by another.
 */
export function sumOfPartsFormula(partCells: readonly string[]): string {
  return `=${sumOfPartsExpression(partCells)}`;
}

/** sumOfPartsFormula without its '=': the expression a rule compares a stated total with. */
export function sumOfPartsExpression(partCells: readonly string[]): string {
  const list = partCells.join(',');
  return `IF(COUNT(${list})=${partCells.length},SUM(${list}),"")`;
}

/**
 * A stated total that differs from its parts: TRUE when `total` holds a number and every part
 * does, and their difference does not round to zero thousandths — the engine's 'sum-mismatch' check
 * (engine/relations.ts, in the numeric model of engine/sums.ts) over the same sum of parts. A blank, text or error total, or a part not
 * yet a number, marks nothing (the 'invalid' rule marks wrong entries). IFERROR: Excel 2007+,
 * LibreOffice.
 */
export function sumMismatchFormula(total: string, partCells: readonly string[]): string {
  return `=IF(ISNUMBER(${total}),IFERROR(ROUND(${total}-${sumOfPartsExpression(partCells)},3)<>0,FALSE),FALSE)`;
}

/**
 * What sumOfPartsFormula shows, for a reader that does not run it (the Word report): the sum when
 * every part holds a number as stored (COUNT counts numbers only, not text), else null (blank).
 */
export function sumOfParts(parts: readonly unknown[]): number | null {
  let sum = 0;
  for (const v of parts) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    sum += v;
  }
  return sum;
}
