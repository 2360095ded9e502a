/**
 * A small accumulator for one sheet plan. It refuses what no adapter could apply: two cells at
 * one address, overlapping merges, a cell written inside a merge other than its top-left.
 */
import { cellAddress, columnLetter, rangeAddress, type RangeRef } from './a1';
import { FLAG_COLUMN_ID, FLAG_COLUMN_NUMBER, FLAG_COLUMN_WIDTH } from './flagColumn';
import { DEFAULT_ROW_POINTS } from './measure';
import {
  CONDITIONAL_PURPOSES,
  type CellPlan,
  type ColumnPlan,
  type ConditionalFormatPlan,
  type ConditionalPurpose,
  type RowPlan,
  type SheetPlan,
  type StyleId,
  type ValidationPlan,
} from './types';

export type CellContent = Omit<CellPlan, 'address'>;

/** Order in which rules are listed: the first wins where formats of overlapping rules conflict. */
const PURPOSE_ORDER: readonly ConditionalPurpose[] = CONDITIONAL_PURPOSES;

export class SheetBuilder {
  private readonly cells = new Map<string, CellPlan & { row: number; col: number }>();
  private readonly mergeRanges: RangeRef[] = [];
  private readonly coveredStyles = new Map<string, { row: number; col: number; style: StyleId }>();
  readonly rows: RowPlan[] = [];
  readonly validations: ValidationPlan[] = [];
  private readonly conditionalFormats: ConditionalFormatPlan[] = [];
  private readonly heights = new Map<number, number>();
  /** Whether the sheet's rules read the hidden helper column of marks (flagColumn.ts). */
  private flagColumn = false;

  /** Adds the hidden helper column of marks to the built plan's columns. */
  useFlagColumn(): void {
    this.flagColumn = true;
  }

  /** Writes one cell; throws if the address is already written or lies inside a merge. */
  set(row: number, col: number, content: CellContent): string {
    const address = cellAddress(row, col);
    if (this.cells.has(address)) throw new Error(`Cell ${address} planned twice`);
    if (this.coveredStyles.has(address)) throw new Error(`Cell ${address} lies inside a merge`);
    this.cells.set(address, { address, ...content, row, col });
    return address;
  }

  /**
   * Merges a range and writes its top-left cell. The covered cells get the same style and no
   * content, so borders and fills run round the whole area in every host.
   */
  merge(range: RangeRef, content: CellContent): string {
    for (const other of this.mergeRanges)
      if (overlaps(range, other)) throw new Error(`Merge ${rangeAddress(range)} overlaps ${rangeAddress(other)}`);
    const address = this.set(range.top, range.left, content);
    if (range.bottom === range.top && range.right === range.left) return address;
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++) {
        if (r === range.top && c === range.left) continue;
        const covered = cellAddress(r, c);
        if (this.cells.has(covered)) throw new Error(`Merge ${rangeAddress(range)} covers planned cell ${covered}`);
        if (content.style) this.coveredStyles.set(covered, { row: r, col: c, style: content.style });
      }
    this.mergeRanges.push(range);
    return address;
  }

  addRow(plan: RowPlan): void {
    if (this.rows.some((r) => r.key === plan.key)) throw new Error(`Row key ${plan.key} planned twice`);
    this.rows.push(plan);
  }

  addValidation(plan: ValidationPlan): void {
    this.validations.push(plan);
  }

  addConditionalFormat(plan: ConditionalFormatPlan): void {
    this.conditionalFormats.push(plan);
  }

  /** Asks for at least `points` of height on a row. */
  needHeight(row: number, points: number): void {
    if (points <= DEFAULT_ROW_POINTS) return;
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, points));
  }

  heightOf(row: number): number {
    return this.heights.get(row) ?? DEFAULT_ROW_POINTS;
  }

  build(
    base: Omit<SheetPlan, 'cells' | 'merges' | 'rows' | 'rowHeights' | 'validations' | 'conditionalFormats'>,
  ): SheetPlan {
    const cells: Array<CellPlan & { row: number; col: number }> = [...this.cells.values()];
    for (const [address, c] of this.coveredStyles) cells.push({ address, row: c.row, col: c.col, style: c.style });
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    const rowHeights: Record<number, number> = {};
    for (const row of [...this.heights.keys()].sort((a, b) => a - b)) rowHeights[row] = this.heights.get(row) as number;
    const conditionalFormats = PURPOSE_ORDER.flatMap((p) => this.conditionalFormats.filter((cf) => cf.purpose === p));
    const columns = this.flagColumn
      ? [...base.columns, columnPlan(FLAG_COLUMN_NUMBER, FLAG_COLUMN_WIDTH, FLAG_COLUMN_ID, true)]
      : base.columns;
    return {
      ...base,
      columns,
      cells: cells.map(({ row: _row, col: _col, ...cell }) => cell),
      merges: [...this.mergeRanges].sort((a, b) => a.top - b.top || a.left - b.left).map(rangeAddress),
      rows: [...this.rows].sort((a, b) => a.row - b.row),
      rowHeights,
      validations: this.validations,
      conditionalFormats,
    };
  }
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A rectangle from 1-based row/column numbers. */
export function rect(top: number, left: number, bottom = top, right = left): RangeRef {
  return { top, left, bottom, right };
}

export function rectAddress(top: number, left: number, bottom = top, right = left): string {
  return rangeAddress(rect(top, left, bottom, right));
}

export function columnPlan(col: number, width: number, columnId?: string, hidden?: boolean): ColumnPlan {
  return {
    letter: columnLetter(col),
    width,
    ...(hidden ? { hidden: true } : {}),
    ...(columnId !== undefined ? { columnId } : {}),
  };
}
