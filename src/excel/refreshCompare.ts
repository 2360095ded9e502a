/**
 * What a refresh compares besides values, read in the same request as the values: each planned
 * validation and style rectangle as Excel holds it, and the add-in's record of its rules with the
 * number of rules over the read window (cfRules.ts). Only loads; the caller syncs.
 */
import { rangeAddress, type RangeRef } from '../layout/a1';
import type { CellStyle, SheetPlan, StyleId, ValidationPlan } from '../layout/types';
import { normFormula, ruleProbeRead, type RuleProbe } from './cfRules';
import { styleRects } from '../layout/styleRects';
import { VALIDATION_TYPE, type Features } from './queue';
import { actionBytes, rangePathBytes, type Cost } from './session';

/** What a refresh compares besides values, read in the same sync as the values. */
export interface RefreshExtras {
  /** The number of rules over the read window and each planned rule's top-left cell (cfRules.ts). */
  conditionalFormats: RuleProbe | null;
  /** The read window, the area `conditionalFormats` counts rules over. */
  window: string;
  /** Each planned validation's current state, when the sheet's template was known at read time. */
  validations: { plan: ValidationPlan; dv: Excel.DataValidation }[] | null;
  /** Each style rectangle's current fill and boldness, likewise. */
  styles: { rect: RangeRef; style: StyleId; format: Excel.RangeFormat }[] | null;
}

/** One load per range (its format's or validation's properties through the range): fewest commands. */
const STYLE_LOAD = 'format/wrapText,format/fill/color,format/font/bold,format/font/italic';
const VALIDATION_LOAD = 'dataValidation/type,dataValidation/rule';
/** Answers, guessed from the in-memory workbook's count (an object and its values as JSON). */
const STYLE_RESPONSE_BYTES = 240;
const VALIDATION_RESPONSE_BYTES = 400;

/**
 * The loads a refresh compares as one description: what they cost on a sheet at `sheetPath`
 * bytes, and queuing them (only loads; the caller syncs).
 */
export function refreshExtrasRead(
  plan: SheetPlan | null,
  window: string,
  features: Features,
  what: { conditionalFormats: boolean; validations: boolean; styles: boolean },
): { cost(sheetPath: number): Cost; queue(sheet: Excel.Worksheet): RefreshExtras } {
  const probe = what.conditionalFormats ? ruleProbeRead(window, plan?.conditionalFormats ?? null) : null;
  const validations = plan && what.validations && features.dataValidation ? plan.validations : [];
  const styles: { rect: RangeRef; style: StyleId; address: string }[] = [];
  if (plan && what.styles)
    for (const [style, rects] of styleRects(plan))
      for (const rect of rects) styles.push({ rect, style, address: rangeAddress(rect) });
  const loads = (sheetPath: number, address: string, spec: string) =>
    actionBytes(sheetPath, 'getRange', address) + actionBytes(rangePathBytes(sheetPath, address), 'load', spec);
  return {
    cost: (sheetPath) => {
      const cost = probe?.cost(sheetPath) ?? { request: 0, response: 0 };
      let request = cost.request;
      for (const v of validations) request += loads(sheetPath, v.range, VALIDATION_LOAD);
      for (const s of styles) request += loads(sheetPath, s.address, STYLE_LOAD);
      const response =
        (cost.response ?? 0) + validations.length * VALIDATION_RESPONSE_BYTES + styles.length * STYLE_RESPONSE_BYTES;
      return { request, response };
    },
    queue: (sheet) => ({
      conditionalFormats: probe?.queue(sheet) ?? null,
      window,
      validations:
        plan && what.validations && features.dataValidation
          ? validations.map((v) => ({ plan: v, dv: sheet.getRange(v.range).load(VALIDATION_LOAD).dataValidation }))
          : null,
      styles:
        plan && what.styles
          ? styles.map((s) => ({
              rect: s.rect,
              style: s.style,
              format: sheet.getRange(s.address).load(STYLE_LOAD).format,
            }))
          : null,
    }),
  };
}

function normColor(c: unknown): string {
  return String(c ?? '').toUpperCase();
}

export function styleMatches(style: CellStyle, format: Excel.RangeFormat): boolean {
  const fill = normColor(format.fill.color);
  const wantFill = style.fill ? style.fill.toUpperCase() : '#FFFFFF';
  if (fill !== wantFill) return false;
  if (!!style.bold !== !!format.font.bold) return false;
  if (!!style.italic !== !!format.font.italic) return false;
  if (style.wrap !== undefined && !!style.wrap !== !!format.wrapText) return false;
  return true;
}

/**
 * Whether Excel holds the planned rule (type, bounds, list, formula). The prompt and alert texts
 * are not compared, on purpose: they write numbers with the decimal separator of whoever inserted
 * (layout PlanOptions.decimalSeparator), and co-authors whose Excels differ would otherwise rewrite
 * them at every insert, each undoing the other (test/excel/numberSettings.test.ts).
 */
export function validationMatches(plan: ValidationPlan, dv: Excel.DataValidation): boolean {
  if (dv.type !== VALIDATION_TYPE[plan.type]) return false;
  const rule = dv.rule;
  const same = (a: unknown, b: unknown) => normFormula(a).replace(/^=/, '') === normFormula(b).replace(/^=/, '');
  switch (plan.type) {
    case 'wholeNumber':
    case 'decimal': {
      const basic = plan.type === 'wholeNumber' ? rule.wholeNumber : rule.decimal;
      if (!basic) return false;
      if (!same(basic.formula1, plan.min ?? 0)) return false;
      if ((plan.operator ?? 'between') === 'between' && !same(basic.formula2, plan.max)) return false;
      return true;
    }
    case 'list':
      return !!rule.list && normFormula(rule.list.source) === normFormula((plan.list ?? []).join(','));
    case 'custom':
      return !!rule.custom && same(rule.custom.formula, plan.formula);
  }
}
