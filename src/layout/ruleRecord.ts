/**
 * The record a template sheet keeps of the conditional formats the add-in (or the CLI) gave it: a
 * sheet-scoped name CCHC_RULES holding a signature of the plan's rules, as a text constant (no
 * list separator: it reads the same in every locale). The Excel adapter cannot tell its rules from
 * an official's by reading them (src/excel/cfRules.ts), so it goes by this record.
 */
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

/** The signature of a plan's rules: how many, and a fingerprint of purposes, ranges, formulas, formats in order. */
export function rulesSignature(planned: readonly ConditionalFormatPlan[]): string {
  return `${planned.length}:${fnv1a(JSON.stringify(planned.map((p) => [p.purpose, p.range, p.formula, p.format])))}`;
}

/** The CCHC_RULES formula for a plan's rules: `="27:1x9k2a"`. */
export function rulesNameFormula(planned: readonly ConditionalFormatPlan[]): string {
  return `="${rulesSignature(planned)}"`;
}
