/**
 * Conditional formats an official makes in Excel's UI (Home › Conditional Formatting): cell-value
 * rules, colour scales, data bars, icon sets, text and preset rules. The add-in never makes
 * these, but must survive finding them next to its own rules: Excel fails to read their details
 * back (office-js #2180, #6835, #6827; see conditionalFormats.ts).
 *
 * An official's own formula rule ("Use a formula…", type Custom) is listed too: the add-in can
 * tell it from its own by nothing it may read (office-js #6835: the rule's range, condition and
 * format of a rule made in the UI fail to load).
 *
 * The imitation keeps only what the API can observe (type, range, priority); it does not draw
 * them (evaluateConditionalFormats skips rules without a formula), so the playground shows the
 * add-in's own formats only.
 */
import type { Rect } from './address';
import type { CfEntry, CfType, SheetModel } from './model';

export const USER_RULE_TYPES: readonly CfType[] = [
  // "Use a formula to determine which cells to format": the same type as the add-in's own rules.
  'Custom',
  'CellValue',
  'ColorScale',
  'DataBar',
  'IconSet',
  'ContainsText',
  'PresetCriteria',
  'TopBottom',
];

export type UserRuleType = CfType;

/**
 * Adds a user-made rule over `rect`. It goes to the top of the sheet's priorities, as a rule
 * added through the API does (typings, ConditionalFormatCollection.add: "at the first/top
 * priority"). Guess for the UI: Excel's Rules Manager also lists a new rule first.
 */
export function addUserRule(sheet: SheetModel, rect: Rect, type: string): void {
  if (!(USER_RULE_TYPES as readonly string[]).includes(type))
    throw new Error(`memoryExcel: a user rule is one of ${USER_RULE_TYPES.join(', ')}, not ${type}`);
  const cf: CfEntry = {
    type: type as UserRuleType,
    byUser: true,
    rects: [rect],
    anchorRow: rect.top,
    anchorCol: rect.left,
    formula: '',
    format: {},
  };
  sheet.cfs.unshift(cf);
}
