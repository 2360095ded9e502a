/**
 * The record a template sheet keeps of the conditional formats the add-in (or the CLI) gave it: a
 * sheet-scoped name CCHC_RULES holding a signature of the plan's rules, as a text constant (no
 * list separator: it reads the same in every locale). The Excel adapter cannot tell its rules from
 * an official's by reading them (src/excel/cfRules.ts), so it goes by this record.
 */
import { FLAG_COLUMN } from './flagColumn';
import type { ConditionalFormatPlan } from './types';

export const RULES_NAME = 'CCHC_RULES';

/** FNV-1a (32 bits) of a text, in base 36: a short fingerprint, not a secret. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Ends a signature whose rules read the helper column of marks (flagColumn.ts), e.g. `27:1x9k2a:U`. */
const FLAG_COLUMN_SUFFIX = `:${FLAG_COLUMN}`;

/**
 * The signature of a plan's rules: how many, a fingerprint of purposes, ranges, formulas, formats
 * in order, and whether the marks rules read the helper column.
 */
export function rulesSignature(planned: readonly ConditionalFormatPlan[]): string {
  const fingerprint = fnv1a(JSON.stringify(planned.map((p) => [p.purpose, p.range, p.formula, p.format])));
  const column = planned.some((p) => p.purpose === 'flagged' && p.formula.includes(`$${FLAG_COLUMN}`));
  return `${planned.length}:${fingerprint}${column ? FLAG_COLUMN_SUFFIX : ''}`;
}

/**
 * Where a sheet's marks rules look, from its CCHC_RULES formula (null: no record): 'column' when
 * the add-in gave it rules reading the helper column, else 'name' (a sheet inserted by an earlier
 * version, whose rules read the CCHC_FLAGS name, until "Chèn biểu mẫu" adds the new rules).
 */
export function flagStoreOf(rulesFormula: string | null | undefined): 'column' | 'name' {
  return String(rulesFormula ?? '')
    .replace(/\s+/g, '')
    .endsWith(`${FLAG_COLUMN_SUFFIX}"`)
    ? 'column'
    : 'name';
}

/** The CCHC_RULES formula for a plan's rules: `="27:1x9k2a"`. */
export function rulesNameFormula(planned: readonly ConditionalFormatPlan[]): string {
  return `="${rulesSignature(planned)}"`;
}
