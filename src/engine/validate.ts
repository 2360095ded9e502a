/**
 * Sheet and workbook validation: every input cell by its row's kind, group rows, the catalog's
 * relations, year-on-year plausibility, computed cells, and (for PAR) subtotals and targets.
 *
 * Speed: one pass over the keyed rows; a cell that is fine costs a few comparisons and allocates
 * nothing (plain numbers never see a regular expression). Anything else is judged by the rules of
 * parse.ts, whose verdicts (message and fix) are remembered per kind of field and value.
 *
 * "Effective value" of a cell, used by relations and plausibility: the stored value when valid,
 * else the fix's value when a warning proposes one (so "1.234" read as 1234 is compared as
 * 1234 straight away, and a relation finding does not appear only after the fix), else none.
 */
import { FAIL, isEmpty, isSpaceChar, isDateFormat, isPercentFormat, judge, parseCellInput, PASS } from './parse';
import type { InputProblem } from './parse';
import { numEn, numVi, quote, round } from './format';
import { buildSummary, parCore, parFindings, parentScore } from './par';
import type { ParCore } from './par';
import { finding, rowAt, sheetContext } from './sheet';
import type { SheetContext } from './sheet';
import { workbookReader } from './figures';
import { outlineFindings } from './outline';
import { assessSection8, section8Findings } from './section8';
import { checkStructure } from './structure';
import { templateTable } from './tables';
import { sameFormula, totalFormulasOf } from './totals';
import type { FormulaCell, RowSpec, Slot, TemplateTable } from './tables';
import type { CellValue, Finding, ParSummary, Severity, SheetResult, SheetSnapshot, WorkbookResult } from './types';

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

let scratch = new Float64Array(64);

export function validateSheet(snapshot: SheetSnapshot): SheetResult {
  return validateWithTable(snapshot, templateTable(snapshot.templateId));
}

export function validateWithTable(snapshot: SheetSnapshot, table: TemplateTable): SheetResult {
  const ctx = sheetContext(snapshot, table);
  const findings: Finding[] = [];
  checkStructure(ctx, findings);
  const values = ctx.values;
  const formulas = Array.isArray(snapshot.formulas) ? snapshot.formulas : undefined;
  const formats = Array.isArray(snapshot.numberFormats) ? snapshot.numberFormats : undefined;
  const col0 = ctx.col0;
  const relationValues: (Float64Array | undefined)[] = new Array(table.relationRows.length);
  if (scratch.length < table.maxInputs) scratch = new Float64Array(table.maxInputs * 2);
  const eff = scratch;
  let checked = 0;
  let filled = 0;
  let lastFormat: unknown = undefined;
  let lastIsDate = false;
  let lastIsPercent = false;

  for (let i = 0; i < ctx.specs.length; i++) {
    const spec = ctx.specs[i];
    const r = ctx.at[i];
    const row = values[r];
    const frow: readonly unknown[] | undefined = formulas === undefined ? undefined : rowAt<unknown>(formulas, r);
    const nrow: readonly unknown[] | undefined = formats === undefined ? undefined : rowAt<unknown>(formats, r);
    const inputs = spec.inputs;
    const excelRow = ctx.row0 + r;

    for (let s = 0; s < inputs.length; s++) {
      const slot = inputs[s];
      const ci = slot.col - col0;
      eff[s] = NaN;
      checked++;
      if (ci < 0) continue;
      const v: unknown = row[ci];
      const f: unknown = frow === undefined ? undefined : frow[ci];
      const isFormula = typeof f === 'string' && f.charCodeAt(0) === 61; /* '=' */
      const empty = v === '' || v === null || v === undefined;
      if (empty && !isFormula) continue;
      if (!empty) filled++;
      let format: unknown = undefined;
      if (!isFormula) {
        if (typeof v === 'number') {
          // The rules of numberIsValid (parse.ts), inlined: this runs for every cell.
          let valid: boolean;
          switch (slot.code) {
            case 0: // count
              valid = v >= 0 && Number.isInteger(v);
              break;
            case 1: // percent
              valid = v >= 0 && v <= 1;
              break;
            case 2: // flag
              valid = v === 0 || v === 1;
              break;
            case 4: // text
              valid = true;
              break;
            case 6: {
              // PAR score: 0…max, at most three decimals
              const scaled = v * 1000;
              valid = v >= 0 && v <= slot.limit && Math.abs(scaled - Math.round(scaled)) < 1e-6;
              break;
            }
            default:
              valid = false;
          }
          if (valid) {
            if (nrow === undefined || slot.code === 4) {
              eff[s] = v;
              continue;
            }
            format = nrow[ci];
            if (format !== lastFormat) {
              lastFormat = format;
              lastIsDate = typeof format === 'string' && isDateFormat(format);
              lastIsPercent = typeof format === 'string' && isPercentFormat(format);
            }
            // A percent format is expected on percent cells, suspect on points (6) and counts (0).
            if (!lastIsDate && !(lastIsPercent && (slot.code === 6 || slot.code === 0))) {
              eff[s] = v;
              continue;
            }
          }
        } else if (typeof v === 'string') {
          if (slot.code === 4) {
            const c = v.charCodeAt(0);
            // Fine unless it starts with "#" (an Excel error?) or a blank; ASCII is tested first, it is the common case.
            if (c !== 35 /* # */ && ((c > 32 && c < 160) || (c > 160 && !isSpaceChar(c)))) continue;
          } else if (slot.code === 3 && (v === PASS || v === FAIL)) continue;
        }
      }
      // Slow path: something to say about this cell.
      if (nrow !== undefined) format = nrow[ci];
      const cell = `${slot.letter}${excelRow}`;
      const numberFormat = typeof format === 'string' ? format : undefined;
      if (isFormula) {
        // A blank total the add-in filled with the sum of its parts is computed, not typed.
        const own = table.relations.length > 0 ? totalFormulasOf(ctx).get(cell) : undefined;
        if (own && sameFormula(own.formula, f as string)) {
          if (typeof v === 'number') eff[s] = v;
          continue;
        }
        const parsed = parseCellInput(v as CellValue, slot.kind, { max: slot.max, numberFormat, formula: f as string });
        if (typeof parsed.value === 'number') eff[s] = parsed.value;
        for (const p of parsed.problems) findings.push(finding(ctx, p, spec.key, slot.columnId, cell));
        continue;
      }
      const p = cachedJudge(v, slot, numberFormat);
      if (p === null) {
        if (typeof v === 'number') eff[s] = v;
        continue;
      }
      if (p.fix !== undefined && typeof p.fix.value === 'number') eff[s] = p.fix.value;
      findings.push(finding(ctx, p, spec.key, slot.columnId, cell));
    }

    for (const slot of spec.groupCells) {
      const ci = slot.col - col0;
      if (ci < 0) continue;
      const v: unknown = row[ci];
      if (isEmpty(v)) continue;
      const p = cachedJudge(v, slot, undefined);
      if (p) findings.push(finding(ctx, p, spec.key, slot.columnId, `${slot.letter}${excelRow}`));
    }

    if (spec.yearSlots.length > 0) checkJumps(ctx, spec, eff, excelRow, findings);
    if (spec.relationRow >= 0 && relationValues[spec.relationRow] === undefined)
      relationValues[spec.relationRow] = eff.slice(0, inputs.length);
  }

  if (table.relations.length > 0) checkRelations(ctx, relationValues, findings);

  let core: ParCore | undefined;
  if (table.par) {
    core = parCore(ctx);
    parFindings(ctx, core, findings);
  }
  if (formulas) checkFormulaCells(ctx, formulas, core, findings);

  const result: SheetResult = {
    sheet: snapshot.name,
    templateId: snapshot.templateId,
    findings,
    cellsChecked: checked,
    cellsFilled: filled,
  };
  if (core) definePar(result, core);
  return result;
}

/**
 * `par` is built on first read, from sums fixed at validation time: 97 row objects per PAR sheet are
 * most of a workbook's result, and a consolidating office holding 1000 copies reads a few. It is an
 * own enumerable property, so JSON, spread, structuredClone and deep equality see a plain value.
 */
function definePar(result: SheetResult, core: ParCore): void {
  let summary: ParSummary | undefined;
  Object.defineProperty(result, 'par', {
    enumerable: true,
    configurable: true,
    get: () => (summary ??= buildSummary(core)),
    set: (value: ParSummary) => {
      summary = value;
    },
  });
}

export function validateWorkbook(snapshots: SheetSnapshot[]): WorkbookResult {
  const sheets: SheetResult[] = [];
  const findings: Finding[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const snapshot of snapshots) {
    const result = validateSheet(snapshot);
    sheets.push(result);
    for (const f of result.findings) {
      findings.push(f);
      counts[f.severity]++;
    }
  }
  // Checks across sheets: Section VIII against the data, the report outline against the figures.
  for (const f of crossSheetFindings(snapshots)) {
    const sheet = sheets.find((s) => s.sheet === f.sheet);
    sheet?.findings.push(f);
    findings.push(f);
    counts[f.severity]++;
  }
  return { sheets, findings, counts };
}

/** Findings that need several sheets: Section VIII against the data, the outline against the figures. */
export function crossSheetFindings(snapshots: SheetSnapshot[]): Finding[] {
  if (!snapshots.some((s) => s.templateId === 'VIII' || s.templateId === 'OUTLINE')) return [];
  const reader = workbookReader(snapshots);
  return [...section8Findings(assessSection8(reader)), ...outlineFindings(reader)];
}

/** judge(), remembered per kind of field and value; a date-formatted number is judged afresh (its message names the format). */
function cachedJudge(v: unknown, slot: Slot, numberFormat: string | undefined): InputProblem | null {
  // Verdicts are cached by value alone; a format that changes what the number means is judged afresh.
  if (
    typeof v === 'number' &&
    numberFormat !== undefined &&
    (isDateFormat(numberFormat) || ((slot.code === 6 || slot.code === 0) && isPercentFormat(numberFormat)))
  )
    return judge(v, slot.kind, slot.max, numberFormat);
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
    return judge(v, slot.kind, slot.max, numberFormat);
  const hit = slot.verdicts.peek(v);
  return hit !== undefined ? hit : slot.verdicts.put(v, judge(v, slot.kind, slot.max, undefined));
}

// ---------------------------------------------------------------------------------------------
// Plausibility

function checkJumps(ctx: SheetContext, spec: RowSpec, eff: Float64Array, excelRow: number, out: Finding[]): void {
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
        out.push(jumpFinding(ctx, spec, slot, prevSlot, prev, cur, excelRow, up ? 'up' : down ? 'down' : 'zero'));
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
): Finding {
  const ratio = how === 'up' ? cur / prev : how === 'down' ? prev / cur : 0;
  const changeVi =
    how === 'zero'
      ? `giảm về 0 từ ${numVi(prev)}`
      : `${how === 'up' ? 'tăng' : 'giảm'} khoảng ${numVi(round(ratio, 1))} lần`;
  const changeEn =
    how === 'zero'
      ? `falls to 0 from ${numEn(prev)}`
      : `${how === 'up' ? 'rises' : 'falls'} about ${numEn(round(ratio, 1))}-fold`;
  const partVi = slot.partialYear ? ' (năm này chỉ tính một phần năm)' : '';
  const partEn = slot.partialYear ? ' (this year is counted only in part)' : '';
  return finding(
    ctx,
    {
      severity: 'info',
      code: 'implausible-jump',
      message: {
        vi: `${slot.label}${partVi}: ${numVi(cur)}, so với ${prevSlot.label}: ${numVi(prev)} — ${changeVi}. Kiểm tra lại (thừa/thiếu chữ số, nhầm đơn vị hoặc nhầm dòng).`,
        en: `${slot.label}${partEn}: ${numEn(cur)}, against ${prevSlot.label}: ${numEn(prev)} — ${changeEn}. Please check (an extra or missing digit, a wrong unit or row).`,
      },
    },
    spec.key,
    slot.columnId,
    `${slot.letter}${excelRow}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Relations between rows

function checkRelations(ctx: SheetContext, relationValues: (Float64Array | undefined)[], out: Finding[]): void {
  for (const check of ctx.table.relations) {
    const specs = check.specs;
    let present = true;
    for (const s of specs) if (relationValues[s.relationRow] === undefined) present = false;
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
        const parts = round(sum, 9);
        if (Math.abs(total - parts) <= 1e-9) continue;
        const diff = round(total - parts, 9);
        out.push(
          finding(
            ctx,
            {
              severity: rel.severity,
              code: 'sum-mismatch',
              message: {
                vi: `${slot.label}: dòng tổng ${rel.total} là ${numVi(total)} nhưng tổng các dòng thành phần (${rel.parts.join(', ')}) là ${numVi(parts)}, chênh lệch ${numVi(diff)}. Không rõ số nào sai nên không tự sửa: kiểm tra lại dòng tổng và các dòng thành phần.`,
                en: `${slot.label}: the total row ${rel.total} is ${numEn(total)} but its parts (${rel.parts.join(', ')}) add up to ${numEn(parts)}, a difference of ${numEn(diff)}. Which figure is wrong is unknown, so there is no automatic fix: check the total and its parts.`,
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
                vi: `${slot.label}: ${rel.lesser} (${numVi(lesser)}) lớn hơn ${rel.greater} (${numVi(greater)}). ${rel.reason.vi}`,
                en: `${slot.label}: ${rel.lesser} (${numEn(lesser)}) is greater than ${rel.greater} (${numEn(greater)}). ${rel.reason.en}`,
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

// ---------------------------------------------------------------------------------------------
// Computed cells

/**
 * A computed cell (PAR G on parents, H everywhere) holding a constant: it no longer follows the cells
 * it is computed from. The fix restores the plan's formula, its references moved to where the keyed
 * rows now are.
 */
function checkFormulaCells(
  ctx: SheetContext,
  formulas: readonly (readonly CellValue[] | undefined)[],
  core: ParCore | undefined,
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
      out.push(overwritten(ctx, spec, fc, r, vrow[ci], core));
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
): Finding {
  const cell = `${fc.letter}${ctx.row0 + r}`;
  const restored = fc.formula === undefined ? null : moveFormula(fc.formula, ctx);
  const shown = isEmpty(v) ? null : v;
  const isParentScore = fc.columnId === 'score2021' && spec.par !== undefined && spec.par.children.length > 0;
  const sum = isParentScore && core ? parentScore(core, spec.key) : undefined;
  let vi: string;
  let en: string;
  if (shown === null) {
    vi = `Ô tính toán ${cell} đã bị xóa công thức nên không còn tự tính.`;
    en = `The computed cell ${cell} has lost its formula, so it no longer calculates.`;
  } else if (typeof shown === 'number' && typeof sum === 'number' && Math.abs(shown - sum) < 0.0005) {
    vi = `Công thức ở ô ${cell} đã bị ghi đè bằng số ${numVi(shown)}. Số này hiện vẫn đúng (bằng tổng các tiêu chí con), nhưng sẽ không đổi theo khi các tiêu chí con thay đổi.`;
    en = `The formula in ${cell} was overwritten with the number ${numEn(shown)}. It is currently right (it equals the sum of the sub-criteria) but will no longer follow them when they change.`;
  } else {
    const current =
      sum === undefined
        ? ''
        : sum === null
          ? ' Các tiêu chí con chưa chấm đủ nên ô này đáng lẽ đang để trống.'
          : ` Tổng các tiêu chí con hiện là ${numVi(sum)}.`;
    const currentEn =
      sum === undefined
        ? ''
        : sum === null
          ? ' Not every sub-criterion is scored yet, so the cell should be blank.'
          : ` The sub-criteria currently add up to ${numEn(sum)}.`;
    const what = typeof shown === 'number' ? numVi(shown) : quote(shown);
    const whatEn = typeof shown === 'number' ? numEn(shown) : quote(shown);
    vi = `Công thức ở ô ${cell} đã bị ghi đè bằng ${what} nên không còn theo các ô được tính.${current}`;
    en = `The formula in ${cell} was overwritten with ${whatEn}, so it no longer follows the cells it computes.${currentEn}`;
  }
  const p: InputProblem = { severity: 'warning', code: 'formula-overwritten', message: { vi, en } };
  // The formula is what restores the cell; value null tells an adapter that writes values only to clear it.
  if (restored !== null)
    p.fix = {
      value: null,
      formula: restored,
      description: { vi: `Khôi phục công thức ${restored}`, en: `Restore the formula ${restored}` },
    };
  return finding(ctx, p, spec.key, fc.columnId, cell);
}

/**
 * A string literal (kept), a reference qualified by a sheet name (kept: it points at another sheet),
 * or a plain A1 reference (moved with its row's key). Function names such as LOG10( are not references.
 */
const REF =
  /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(?<![A-Za-z0-9_.!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g;

/** The plan's formula with each reference to a keyed row moved to where that key now is; null if a row is gone. */
export function moveFormula(formula: string, ctx: SheetContext): string | null {
  let ok = true;
  const moved = formula.replace(
    REF,
    (
      m: string,
      str: string | undefined,
      qualified: string | undefined,
      d1: string,
      col: string,
      d2: string,
      row: string,
    ) => {
      if (str !== undefined || qualified !== undefined) return m;
      const spec = ctx.table.specByPlanRow.get(Number(row));
      if (spec === undefined) return m;
      const r = ctx.first[spec.index];
      if (r < 0) {
        ok = false;
        return m;
      }
      return `${d1}${col}${d2}${ctx.row0 + r}`;
    },
  );
  return ok ? moved : null;
}
