/**
 * Checks between the figures of a sheet, on each cell's effective value (validate.ts): year on
 * year plausibility of counts, and the catalog's relations between rows (a total and its parts,
 * a figure bounded by another).
 */
import { round } from './format';
import type { NumberStyle } from './format';
import { finding } from './sheet';
import { agrees, clean } from './sums';
import type { SheetContext } from './sheet';
import type { RowSpec, Slot } from './tables';
import type { Finding } from './types';

/**
 * Year-on-year plausibility for counts (info only: a real change can be large).
 * - ×10 up or down between consecutive filled years, when the larger figure is ≥ 10: an extra or a
 *   missing digit is the commonest slip, and small counts (1 → 5 inspections) swing legitimately;
 * - a drop to zero from ≥ 20: a forgotten entry typed as 0, while counts below 20 can reach zero;
 * - no flag for a rise from zero: programmes start (0 digital signatures, then thousands);
 * - into a year counted only in part (2020 "tính đến 31/3", one quarter), flows fall by about four:
 *   a fall is flagged only beyond ×40, and a zero is never flagged.
 */
export const JUMP_RATIO = 10;
export const JUMP_MIN_LARGER = 10;
export const ZERO_FROM = 20;
export const PARTIAL_YEAR_FACTOR = 4;

// ---------------------------------------------------------------------------------------------
// Plausibility

export function checkJumps(
  ctx: SheetContext,
  spec: RowSpec,
  eff: Float64Array,
  excelRow: number,
  s: NumberStyle,
  out: Finding[],
): void {
  let prev = NaN;
  let prevSlot: Slot | undefined;
  for (const i of spec.yearSlots) {
    const cur = eff[i];
    if (Number.isNaN(cur)) continue;
    const slot = spec.inputs[i];
    if (prevSlot !== undefined) {
      const partial = slot.partialYear;
      const up = prev > 0 && cur > prev * JUMP_RATIO && cur >= JUMP_MIN_LARGER;
      const down = cur > 0 && prev > cur * JUMP_RATIO * (partial ? PARTIAL_YEAR_FACTOR : 1) && prev >= JUMP_MIN_LARGER;
      const toZero = cur === 0 && prev >= ZERO_FROM && !partial;
      if (up || down || toZero)
        out.push(jumpFinding(ctx, spec, slot, prevSlot, prev, cur, excelRow, up ? 'up' : down ? 'down' : 'zero', s));
    }
    prev = cur;
    prevSlot = slot;
  }
}

function jumpFinding(
  ctx: SheetContext,
  spec: RowSpec,
  slot: Slot,
  prevSlot: Slot,
  prev: number,
  cur: number,
  excelRow: number,
  how: 'up' | 'down' | 'zero',
  s: NumberStyle,
): Finding {
  const ratio = how === 'up' ? cur / prev : how === 'down' ? prev / cur : 0;
  const changeVi =
    how === 'zero'
      ? `giảm về 0 từ ${s.vi.num(prev)}`
      : `${how === 'up' ? 'tăng' : 'giảm'} khoảng ${s.vi.num(round(ratio, 1))} lần`;
  const changeEn =
    how === 'zero'
      ? `falls to 0 from ${s.en.num(prev)}`
      : `${how === 'up' ? 'rises' : 'falls'} about ${s.en.num(round(ratio, 1))}-fold`;
  const partVi = slot.partialYear ? ' (năm này chỉ tính một phần năm)' : '';
  const partEn = slot.partialYear ? ' (this year is counted only in part)' : '';
  return finding(
    ctx,
    {
      severity: 'info',
      code: 'implausible-jump',
      message: {
        vi: `${slot.label}${partVi}: ${s.vi.num(cur)}, so với ${prevSlot.label}: ${s.vi.num(prev)} — ${changeVi}. Kiểm tra lại (thừa/thiếu chữ số, nhầm đơn vị hoặc nhầm dòng).`,
        en: `${slot.label}${partEn}: ${s.en.num(cur)}, against ${prevSlot.label}: ${s.en.num(prev)} — ${changeEn}. Please check (an extra or missing digit, a wrong unit or row).`,
      },
    },
    spec.key,
    slot.columnId,
    `${slot.letter}${excelRow}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Relations between rows

export function checkRelations(
  ctx: SheetContext,
  relationValues: (Float64Array | undefined)[],
  s: NumberStyle,
  out: Finding[],
): void {
  for (const check of ctx.table.relations) {
    const specs = check.specs;
    let present = true;
    for (const spec of specs) if (relationValues[spec.relationRow] === undefined) present = false;
    if (!present) continue; // a row not in the sheet
    const rel = check.relation;
    for (const column of check.columns) {
      let ok = true;
      const nums: number[] = [];
      for (let i = 0; i < specs.length; i++) {
        const n = (relationValues[specs[i].relationRow] as Float64Array)[column.slots[i]];
        if (Number.isNaN(n)) ok = false;
        nums.push(n);
      }
      if (!ok) continue;
      const slot = specs[0].inputs[column.slots[0]];
      const cell = `${slot.letter}${ctx.row0 + ctx.first[specs[0].index]}`;
      if (rel.kind === 'sum') {
        const total = nums[0];
        let sum = 0;
        for (let i = 1; i < nums.length; i++) sum += nums[i];
        // In thousandths, as the sheet's own 'sumMismatch' rule (sums.ts).
        if (agrees(total, sum)) continue;
        const parts = clean(sum);
        const diff = clean(total - sum);
        out.push(
          finding(
            ctx,
            {
              severity: rel.severity,
              code: 'sum-mismatch',
              message: {
                vi: `${slot.label}: dòng tổng ${rel.total} là ${s.vi.num(total)} nhưng tổng các dòng thành phần (${rel.parts.join(', ')}) là ${s.vi.num(parts)}, chênh lệch ${s.vi.num(diff)}. Không rõ số nào sai nên không tự sửa: kiểm tra lại dòng tổng và các dòng thành phần.`,
                en: `${slot.label}: the total row ${rel.total} is ${s.en.num(total)} but its parts (${rel.parts.join(', ')}) add up to ${s.en.num(parts)}, a difference of ${s.en.num(diff)}. Which figure is wrong is unknown, so there is no automatic fix: check the total and its parts.`,
              },
            },
            rel.total,
            column.columnId,
            cell,
          ),
        );
      } else {
        const lesser = nums[0];
        const greater = nums[1];
        if (lesser <= greater) continue;
        out.push(
          finding(
            ctx,
            {
              severity: rel.severity,
              code: 'bound-exceeded',
              message: {
                vi: `${slot.label}: ${rel.lesser} (${s.vi.num(lesser)}) lớn hơn ${rel.greater} (${s.vi.num(greater)}). ${rel.reason.vi}`,
                en: `${slot.label}: ${rel.lesser} (${s.en.num(lesser)}) is greater than ${rel.greater} (${s.en.num(greater)}). ${rel.reason.en}`,
              },
            },
            rel.lesser,
            column.columnId,
            cell,
          ),
        );
      }
    }
  }
}
