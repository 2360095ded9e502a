/**
 * Row heights. Excel does not grow a row to fit wrapped text in a merged cell, and a freshly
 * written sheet has no autofit, so the plan estimates the heights the texts need.
 */

/** Height in points of one line at the default 11-point font. */
const LINE_POINTS = 15;
/** Excel's default row height. */
export const DEFAULT_ROW_POINTS = 15;

/**
 * Points needed to show `text` wrapped in a cell `width` character units wide. Column width is
 * measured in widths of the digit 0 of the default font (Calibri 11); running Vietnamese text is a
 * little narrower per character than digits, which about offsets the space lost at word breaks,
 * so a line holds about `width - 1` characters; bold takes some 8 % more.
 */
export function textHeight(text: string, width: number, options: { fontSize?: number; bold?: boolean } = {}): number {
  const fontSize = options.fontSize ?? 11;
  const scale = (fontSize / 11) * (options.bold ? 1.08 : 1);
  const perLine = Math.max(1, Math.floor((width - 1) / scale));
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return Math.ceil(lines * LINE_POINTS * (fontSize / 11));
}

/**
 * Character units a cell must be wide to show `text` on one line, by the same measure as
 * textHeight (a line holds about `width - 1` characters, bold 8 % fewer). A label next to an
 * input cell cannot spill over it: Excel cuts it at the cell's edge ("Cơ qua…").
 */
export function lineWidth(text: string, options: { fontSize?: number; bold?: boolean } = {}): number {
  const scale = ((options.fontSize ?? 11) / 11) * (options.bold ? 1.08 : 1);
  return Math.ceil(text.length * scale) + 1;
}
