/**
 * Computed cells (PAR G on parents, H everywhere) that lost their formula, and the formula that
 * restores each, its references moved to where the keyed rows now are.
 */
import { quote } from './format';
import { moveFormulaRows } from './movedRows';
import type { NumberStyle } from './format';
import type { ParCore } from './par';
import { parentScore } from './par';
import type { InputProblem } from './parse';
import { finding, rowAt } from './sheet';
import { agrees } from './sums';
import type { SheetContext } from './sheet';
import type { FormulaCell, RowSpec } from './tables';
import { isEmpty } from './text';
import type { CellValue, Finding } from './types';

/**
 * A computed cell holding a constant: it no longer follows the cells it is computed from. The fix
 * restores the plan's formula.
 */
export function checkFormulaCells(
  ctx: SheetContext,
  formulas: readonly (readonly CellValue[] | undefined)[],
  core: ParCore | undefined,
  s: NumberStyle,
  out: Finding[],
): void {
  const rowList = ctx.table.rowList;
  for (let index = 0; index < rowList.length; index++) {
    const spec = rowList[index];
    const r = ctx.first[index];
    if (r < 0 || spec.formulas.length === 0) continue;
    const frow = rowAt(formulas, r);
    const vrow = rowAt(ctx.values, r);
    for (const fc of spec.formulas) {
      const ci = fc.col - ctx.col0;
      if (ci < 0) continue;
      const f: unknown = frow[ci];
      if (typeof f === 'string' && f.charCodeAt(0) === 61) continue;
      out.push(overwritten(ctx, spec, fc, r, vrow[ci], core, s));
    }
  }
}

function overwritten(
  ctx: SheetContext,
  spec: RowSpec,
  fc: FormulaCell,
  r: number,
  v: unknown,
  core: ParCore | undefined,
  s: NumberStyle,
): Finding {
  const cell = `${fc.letter}${ctx.row0 + r}`;
  const restored = fc.formula === undefined ? null : moveFormula(fc.formula, ctx);
  const shown = isEmpty(v) ? null : v;
  const isParentScore = fc.columnId === 'score' && spec.par !== undefined && spec.par.children.length > 0;
  const sum = isParentScore && core ? parentScore(core, spec.key) : undefined;
  let vi: string;
  let en: string;
  if (shown === null) {
    vi = `Ô tính toán ${cell} đã bị xóa công thức nên không còn tự tính.`;
    en = `The computed cell ${cell} has lost its formula, so it no longer calculates.`;
  } else if (typeof shown === 'number' && typeof sum === 'number' && agrees(shown, sum)) {
    vi = `Công thức ở ô ${cell} đã bị ghi đè bằng số ${s.vi.num(shown)}. Số này hiện vẫn đúng (bằng tổng các tiêu chí con), nhưng sẽ không đổi theo khi các tiêu chí con thay đổi.`;
    en = `The formula in ${cell} was overwritten with the number ${s.en.num(shown)}. It is currently right (it equals the sum of the sub-criteria) but will no longer follow them when they change.`;
  } else {
    const current =
      sum === undefined
        ? ''
        : sum === null
          ? ' Các tiêu chí con chưa chấm đủ nên ô này đáng lẽ đang để trống.'
          : ` Tổng các tiêu chí con hiện là ${s.vi.num(sum)}.`;
    const currentEn =
      sum === undefined
        ? ''
        : sum === null
          ? ' Not every sub-criterion is scored yet, so the cell should be blank.'
          : ` The sub-criteria currently add up to ${s.en.num(sum)}.`;
    const what = typeof shown === 'number' ? s.vi.num(shown) : quote(shown);
    const whatEn = typeof shown === 'number' ? s.en.num(shown) : quote(shown);
    vi = `Công thức ở ô ${cell} đã bị ghi đè bằng ${what} nên không còn theo các ô được tính.${current}`;
    en = `The formula in ${cell} was overwritten with ${whatEn}, so it no longer follows the cells it computes.${currentEn}`;
  }
  const p: InputProblem = { severity: 'warning', code: 'formula-overwritten', message: { vi, en } };
  // The formula is what restores the cell; value null tells an adapter that writes values only to clear it.
  // It replaces a number the official typed: a suggestion, applied only by a person who reads it.
  if (restored !== null)
    p.suggestion = {
      value: null,
      formula: restored,
      description: { vi: `Khôi phục công thức ${restored}`, en: `Restore the formula ${restored}` },
    };
  return finding(ctx, p, spec.key, fc.columnId, cell);
}

/** The plan's formula with each reference to a keyed row moved to where that key now is; null if a row is gone. */
export function moveFormula(formula: string, ctx: SheetContext): string | null {
  return moveFormulaRows(formula, (planRow) => {
    const spec = ctx.table.specByPlanRow.get(planRow);
    if (spec === undefined) return undefined;
    const r = ctx.first[spec.index];
    return r < 0 ? null : ctx.row0 + r;
  });
}
