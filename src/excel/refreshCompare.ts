/**
 * What a refresh compares besides values, read in the same request as the values: each planned
 * validation and style rectangle as Excel holds it, and the add-in's record of its rules with the
 * number of rules over the read window (cfRules.ts). Only loads; the caller syncs.
 */
import { rangeAddress, type RangeRef } from '../layout/a1';
import type { CellStyle, SheetPlan, StyleId, ValidationPlan } from '../layout/types';
import { normFormula, queueRuleProbe, type RuleProbe } from './cfRules';
import { styleRects } from '../layout/styleRects';
import { VALIDATION_TYPE, type Features } from './queue';

/** What a refresh compares besides values, read in the same sync as the values. */
export interface RefreshExtras {
  /**
   * The CCHC_RULES name and the number of rules over the read window (cfRules.ts: no rule's
   * details, which cannot be read for an official's rules).
   */
  conditionalFormats: RuleProbe | null;
  /** The read window, the area `conditionalFormats` counts rules over. */
  window: string;
  /** Each planned validation's current state, when the sheet's template was known at read time. */
  validations: { plan: ValidationPlan; dv: Excel.DataValidation }[] | null;
  /** Each style rectangle's current fill and boldness, likewise. */
  styles: { rect: RangeRef; style: StyleId; format: Excel.RangeFormat }[] | null;
}

/** Queues the loads a refresh compares (only loads; the caller syncs). */
export function queueRefreshExtras(
  sheet: Excel.Worksheet,
  plan: SheetPlan | null,
  window: string,
  features: Features,
  what: { conditionalFormats: boolean; validations: boolean; styles: boolean },
): RefreshExtras {
  const conditionalFormats = what.conditionalFormats
    ? queueRuleProbe(sheet, window, plan?.conditionalFormats ?? null)
    : null;
  let validations: RefreshExtras['validations'] = null;
  if (plan && what.validations && features.dataValidation) {
    validations = plan.validations.map((v) => {
      const dv = sheet.getRange(v.range).dataValidation;
      dv.load('type,rule');
      return { plan: v, dv };
    });
  }
  let styles: RefreshExtras['styles'] = null;
  if (plan && what.styles) {
    styles = [];
    for (const [style, rects] of styleRects(plan))
      for (const rect of rects) {
        const format = sheet.getRange(rangeAddress(rect)).format;
        format.load('wrapText');
        format.fill.load('color');
        format.font.load('bold,italic');
        styles.push({ rect, style, format });
      }
  }
  return { conditionalFormats, window, validations, styles };
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
