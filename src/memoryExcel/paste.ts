/**
 * An official's ordinary paste (Ctrl+V) of cells copied in Excel: "Copying a cell normally copies
 * the cell's contents, any formatting that is applied to the original cell (including conditional
 * formatting and data validation) … the cell references in the copied formulas are changed
 * automatically to be relative to their new destination" and "Excel overwrites any cells that get
 * in the way" (Microsoft Excel 2013 Formulas, "Copying or moving ranges",
 * http://jabsto.com/Tutorial/topic-104/Microsoft-Excel-2013-Formulas-79.html). Paste Special
 * has a separate "All merging conditional formats" option (Excel Bible, Paste Special,
 * https://issuhub.com/view/index/3503?pageIndex=130), so an ordinary paste replaces the target's
 * conditional formats rather than merging; each paste "creates a new instance of that rule"
 * (https://wisechecker.com/?p=30824). Data validation is not checked on paste (same pages).
 *
 * So, over the target area: values and formulas (relative references shifted), number formats,
 * cell formats, data validation (the source's, or none) and conditional formats (target rules
 * lose the area; the source's rules are added for it) are replaced. Column widths and row
 * heights are not pasted (that is Paste Special › Column widths).
 */
import { intersect, MAX_COLS, MAX_ROWS, type Rect } from './address';
import type { Cell, CfEntry, DvBinding, DvEntry, SheetModel } from './model';
import { removeConditionalFormats } from './rangeOps';
import { translate } from './formulaText';
import type { WorkbookModel } from './workbookModel';
import type { CellValue } from './values';

interface CopiedCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  style?: Cell['style'];
  dv?: DvBinding;
}

function copyEntry(e: DvEntry): DvEntry {
  return {
    rule: e.rule ? { ...e.rule } : null,
    prompt: { ...e.prompt },
    errorAlert: { ...e.errorAlert },
    ignoreBlanks: e.ignoreBlanks,
  };
}

/**
 * Pastes `source` (on `from`) with its top-left cell at (`top`, `left`) of `to`; returns the
 * target area. Guesses: the target is the source's size (a larger target is not tiled); merged
 * areas inside the source are pasted and target merges the area touches are removed; pasted
 * conditional formats go on top of the target sheet's priorities (as any new rule, typings:
 * ConditionalFormatCollection.add).
 */
export function pasteCopiedCells(
  model: WorkbookModel,
  from: SheetModel,
  source: Rect,
  to: SheetModel,
  top: number,
  left: number,
): Rect {
  const dr = top - source.top;
  const dc = left - source.left;
  const target: Rect = {
    top,
    left,
    bottom: source.bottom + dr,
    right: source.right + dc,
  };
  if (target.bottom >= MAX_ROWS || target.right >= MAX_COLS) throw new Error('memoryExcel: paste beyond the grid');

  // Everything is read first: source and target may overlap.
  const cells: CopiedCell[][] = [];
  const entries = new Map<DvEntry, DvEntry>();
  for (let r = source.top; r <= source.bottom; r++) {
    const line: CopiedCell[] = [];
    for (let c = source.left; c <= source.right; c++) {
      const cell = from.get(r, c);
      const defaults = cell ? {} : from.defaultsAt(r, c);
      const out: CopiedCell = { value: cell?.value ?? null };
      if (cell?.formula) out.formula = translate(cell.formula, dr, dc);
      const nf = cell ? cell.numberFormat : defaults.numberFormat;
      if (nf) out.numberFormat = nf;
      const style = cell ? cell.style : defaults.style;
      if (style) out.style = { ...style };
      if (cell?.dv) {
        let e = entries.get(cell.dv.entry);
        if (!e) entries.set(cell.dv.entry, (e = copyEntry(cell.dv.entry)));
        // The entry's formulas are written for its anchor: the pasted cell reads them shifted by the paste.
        out.dv = { entry: e, dr: cell.dv.dr + dr, dc: cell.dv.dc + dc };
      }
      line.push(out);
    }
    cells.push(line);
  }
  const rules: CfEntry[] = from.cfs
    .filter((cf) => cf.rects.some((x) => intersect(x, source)))
    .map((cf) => ({
      ...cf,
      format: { ...cf.format },
      rects: cf.rects
        .map((x) => intersect(x, source))
        .filter((x): x is Rect => x !== null)
        .map((x) => ({ top: x.top + dr, bottom: x.bottom + dr, left: x.left + dc, right: x.right + dc })),
      // The formula is written for the anchor: both move with the paste.
      formula: cf.formula ? translate(cf.formula, dr, dc) : cf.formula,
      anchorRow: cf.anchorRow + dr,
      anchorCol: cf.anchorCol + dc,
    }));
  const merges = from.merges
    .filter((m) => m.top >= source.top && m.bottom <= source.bottom && m.left >= source.left && m.right <= source.right)
    .map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc }));

  cells.forEach((line, i) =>
    line.forEach((src, j) => {
      const r = top + i;
      const c = left + j;
      if (src.formula) model.applyInput(to, r, c, { kind: 'formula', formula: src.formula }, 'paste');
      else if (src.value === null) model.applyInput(to, r, c, { kind: 'blank' }, 'paste');
      else model.applyInput(to, r, c, { kind: 'value', value: src.value }, 'paste');
      const cell = to.ensure(r, c);
      cell.numberFormat = src.numberFormat;
      cell.style = src.style;
      cell.dv = src.dv;
      to.prune(r, c);
    }),
  );
  removeConditionalFormats(to, target);
  to.cfs.unshift(...rules);
  to.merges = [...to.merges.filter((m) => !intersect(m, target)), ...merges];
  return target;
}
