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
import { isDateFormat, isPercentFormat, PERCENT_INPUT_FORMAT } from './cellFormats';
import { checkFormulaCells } from './computed';
import { numberStyle } from './format';
import type { NumberStyle } from './format';
import { workbookReader } from './figures';
import { outlineFindings } from './outline';
import { buildSummary, parCore, parFindings } from './par';
import type { ParCore } from './par';
import { judge, parseCellInput, proposedValue } from './parse';
import type { InputProblem } from './parse';
import { checkJumps, checkRelations } from './relations';
import { assessSection8, section8Findings } from './section8';
import { finding, rowAt, sheetContext, type SheetContext } from './sheet';
import { checkStructure } from './structure';
import { hasAtMostThreeDecimals } from './sums';
import { tableOf } from './tables';
import type { Slot, TemplateTable } from './tables';
import { FAIL, isEmpty, isSpaceChar, PASS } from './text';
import { sameFormula, totalFormulasOf } from './totals';
import type {
  CellValue,
  Finding,
  MessageOptions,
  ParSummary,
  Severity,
  SheetResult,
  SheetSnapshot,
  WorkbookResult,
} from './types';

let scratch = new Float64Array(64);

/** Every finding of one sheet; `options` say how messages write numbers (the user's Excel). */
export function validateSheet(snapshot: SheetSnapshot, options: MessageOptions = {}): SheetResult {
  return validateWithTable(snapshot, tableOf(snapshot), options);
}

export function validateWithTable(
  snapshot: SheetSnapshot,
  table: TemplateTable,
  options: MessageOptions = {},
): SheetResult {
  return validateInContext(sheetContext(snapshot, table), options);
}

/** validateWithTable on a sheet whose rows are already found (validateWorkbook shares them with the checks across sheets). */
function validateInContext(ctx: SheetContext, options: MessageOptions): SheetResult {
  const { snapshot, table } = ctx;
  const style = numberStyle(options.decimalSeparator);
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
              valid = v >= 0 && v <= slot.limit && hasAtMostThreeDecimals(v);
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
        const parsed = parseCellInput(v as CellValue, slot.kind, {
          max: slot.max,
          numberFormat,
          formula: f as string,
          decimalSeparator: style.excel,
        });
        if (typeof parsed.value === 'number') eff[s] = parsed.value;
        for (const p of parsed.problems) findings.push(finding(ctx, p, spec.key, slot.columnId, cell));
        continue;
      }
      const p = cachedJudge(v, slot, numberFormat, style);
      if (p === null) {
        if (typeof v === 'number') eff[s] = v;
        continue;
      }
      const proposed = proposedValue(p);
      if (typeof proposed === 'number') eff[s] = proposed;
      findings.push(finding(ctx, p, spec.key, slot.columnId, cell));
    }

    for (const slot of spec.groupCells) {
      const ci = slot.col - col0;
      if (ci < 0) continue;
      const v: unknown = row[ci];
      if (isEmpty(v)) continue;
      const p = cachedJudge(v, slot, undefined, style);
      if (p) findings.push(finding(ctx, p, spec.key, slot.columnId, `${slot.letter}${excelRow}`));
    }

    if (spec.yearSlots.length > 0) checkJumps(ctx, spec, eff, excelRow, style, findings);
    if (spec.relationRow >= 0 && relationValues[spec.relationRow] === undefined)
      relationValues[spec.relationRow] = eff.slice(0, inputs.length);
  }

  if (table.relations.length > 0) checkRelations(ctx, relationValues, style, findings);

  let core: ParCore | undefined;
  if (table.par) {
    core = parCore(ctx);
    parFindings(ctx, core, style, findings);
  }
  if (formulas) checkFormulaCells(ctx, formulas, core, style, findings);

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

/** Every sheet's findings and the checks across sheets; `options` as for validateSheet. */
export function validateWorkbook(snapshots: SheetSnapshot[], options: MessageOptions = {}): WorkbookResult {
  const sheets: SheetResult[] = [];
  const findings: Finding[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  // Each sheet's rows are found once, for its own checks and for those across sheets.
  const contexts = new Map<SheetSnapshot, SheetContext>();
  for (const snapshot of snapshots) {
    const ctx = sheetContext(snapshot, tableOf(snapshot));
    contexts.set(snapshot, ctx);
    const result = validateInContext(ctx, options);
    sheets.push(result);
    for (const f of result.findings) {
      findings.push(f);
      counts[f.severity]++;
    }
  }
  // Checks across sheets: Section VIII against the data, the report outline against the figures.
  for (const f of crossSheetFindings(snapshots, options, contexts)) {
    const sheet = sheets.find((s) => s.sheet === f.sheet);
    sheet?.findings.push(f);
    findings.push(f);
    counts[f.severity]++;
  }
  return { sheets, findings, counts };
}

/** Findings that need several sheets: Section VIII against the data, the outline against the figures. */
export function crossSheetFindings(
  snapshots: SheetSnapshot[],
  options: MessageOptions = {},
  contexts?: ReadonlyMap<SheetSnapshot, SheetContext>,
): Finding[] {
  if (!snapshots.some((s) => s.templateId === 'VIII' || s.templateId === 'OUTLINE')) return [];
  const reader = workbookReader(snapshots, contexts);
  return [...section8Findings(assessSection8(reader, options)), ...outlineFindings(reader, options)];
}

/**
 * judge(), remembered per kind of field, value and number style. A number whose format changes what
 * the official sees is judged afresh: a date or percent format on points and counts, and a percent
 * cell whose format is not the template's (its messages say what the cell shows).
 */
function cachedJudge(
  v: unknown,
  slot: Slot,
  numberFormat: string | undefined,
  style: NumberStyle,
): InputProblem | null {
  if (
    typeof v === 'number' &&
    numberFormat !== undefined &&
    (isDateFormat(numberFormat) ||
      ((slot.code === 6 || slot.code === 0) && isPercentFormat(numberFormat)) ||
      (slot.code === 1 && numberFormat !== PERCENT_INPUT_FORMAT))
  )
    return judge(v, slot.kind, slot.max, numberFormat, style);
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
    return judge(v, slot.kind, slot.max, numberFormat, style);
  const verdicts = slot.verdicts[style.id];
  const hit = verdicts.peek(v);
  return hit !== undefined ? hit : verdicts.put(v, judge(v, slot.kind, slot.max, undefined, style));
}
