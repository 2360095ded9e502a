/**
 * Finding the add-in's own conditional formats among an official's, and replacing them, without
 * ever reading another rule's details.
 *
 * What Excel allows. `ConditionalFormat.id` is "the priority of the conditional format in the
 * current ConditionalFormatCollection" (typings): adding or deleting a rule renumbers the others,
 * so an id read earlier names another rule once anything was added or deleted. Loading
 * `items/custom/…` fails when the collection also holds a rule of another type (office-js #2180),
 * and `items/customOrNullObject/…` or a rule's `rule`/`format` fails when an official made rules
 * in Excel's UI (#6835, #6827). The type and id of every item do load (docs/excel-semantics.md,
 * "userRules › ids and types still load").
 *
 * So: the read loads `items/id,items/type` only. Then, for the rules of type Custom (the only
 * type the add-in makes), each one's formula and range is loaded through `getItem(id)` — one
 * rule at a time, never a collection-wide load that touches an official's rule of another type.
 * A rule is ours when its formula is one the plan puts on that sheet; ours are intact when they
 * are exactly the planned (formula, range) pairs. Otherwise all of ours are deleted in
 * descending priority (a delete renumbers only the rules below it, so the ids still to delete
 * stay right) and the planned ones added again, in plan order, in the same request after the
 * deletes. An official's rules of other types are never read, deleted or moved relative to one
 * another.
 */
import type { ConditionalFormatPlan } from '../layout/types';
import { conditionalFormatBytes, queueConditionalFormat } from './queue';
import { actionBytes, pathBytes, rangePathBytes, type Session } from './session';

/** A custom rule as read one at a time: its priority (id), formula and range ('' when several areas). */
export interface CustomRule {
  priority: number;
  formula: string;
  range: string;
}

/** The rules over an area, type and id only (what Excel lets an add-in read whoever made them). */
export function queueRuleTypes(sheet: Excel.Worksheet, area: string): Excel.ConditionalFormatCollection {
  const collection = sheet.getRange(area).conditionalFormats;
  collection.load('items/id,items/type');
  return collection;
}

/** Request and response bytes of loading one custom rule's formula and range. */
const DETAIL_BYTES = 3000;

/**
 * Queues the loads of every custom rule's formula and range in a collection read by
 * queueRuleTypes (after its sync); the returned function reads them after the next sync.
 */
export async function queueCustomRules(
  session: Session,
  collection: Excel.ConditionalFormatCollection,
): Promise<() => CustomRule[]> {
  const probes: { priority: number; rule: Excel.ConditionalFormatRule; range: Excel.Range }[] = [];
  for (const item of collection.items) {
    if (item.type !== 'Custom') continue;
    await session.reserve(DETAIL_BYTES);
    // Each from its own getItem: the rule's custom part, and its range.
    const rule = collection.getItem(item.id).custom.rule;
    rule.load('formula');
    // Typings: getRangeOrNullObject is a null object "if the conditional format is applied to
    // multiple ranges" — a rule a paste cut in two, which is not intact.
    const range = collection.getItem(item.id).getRangeOrNullObject();
    range.load('address');
    probes.push({ priority: Number(item.id), rule, range });
  }
  return () =>
    probes.map((p) => ({
      priority: p.priority,
      formula: p.rule.formula,
      range: p.range.isNullObject ? '' : p.range.address.replace(/^.*!/, '').replace(/\$/g, ''),
    }));
}

export function normFormula(f: unknown): string {
  return String(f ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

const keyOf = (formula: string, range: string) => `${normFormula(formula)}|${range.toUpperCase()}`;

/**
 * Which rules to delete so that the planned ones can be added again: none when ours are exactly
 * the planned (formula, range) pairs; otherwise every rule of ours (by formula), highest
 * priority number first. `replace` says whether the planned rules must be added.
 *
 * Formats are not compared (only formula and range are read, see the header), and a rule is
 * recognised as ours by a formula the plan still holds. So a plan that only recolours a rule does
 * not reach sheets already inserted, and a rule whose formula changed would be left behind beside
 * its successor. When warnings got their own rule ('flaggedWarning') and errors a new red, the
 * 'flagged' formula stayed the same: an older sheet lacks one planned rule, so its 'flagged' rule is
 * found, deleted and added again in the new colour with the new one.
 */
export function staleRules(
  planned: ConditionalFormatPlan[],
  found: CustomRule[] | null,
): { replace: boolean; deletes: number[] } {
  if (!found) return { replace: true, deletes: [] };
  const formulas = new Set(planned.map((p) => normFormula(p.formula)));
  const ours = found.filter((r) => formulas.has(normFormula(r.formula)));
  const want = planned.map((p) => keyOf(p.formula, p.range)).sort();
  const have = ours.map((r) => keyOf(r.formula, r.range)).sort();
  if (want.length === have.length && want.every((k, i) => k === have[i])) return { replace: false, deletes: [] };
  return { replace: true, deletes: ours.map((r) => r.priority).sort((a, b) => b - a) };
}

/**
 * Reserves, then queues in one request: the deletes (descending priority) and the planned rules,
 * added last first so that the plan's first rule ends on top (Office.js puts each added rule on
 * top). Returns the number of rules added.
 */
export async function queueReplaceRules(
  session: Session,
  sheet: Excel.Worksheet | (() => Excel.Worksheet),
  sheetPath: number,
  collection: Excel.ConditionalFormatCollection | null,
  area: string,
  planned: ConditionalFormatPlan[],
  found: CustomRule[] | null,
): Promise<number> {
  const { replace, deletes } = staleRules(planned, found);
  if (!replace) return 0;
  const items = rangePathBytes(sheetPath, area) + pathBytes('conditionalFormats');
  let bytes = 0;
  // getItem(p) is a command of its own, then the delete on what it returned.
  for (const p of deletes)
    bytes +=
      actionBytes(items, 'getItem', String(p)) + actionBytes(items + pathBytes(['getItem', String(p)]), 'delete');
  for (const cf of planned) bytes += conditionalFormatBytes(sheetPath, cf);
  await session.reserve(bytes);
  for (const p of deletes) collection?.getItem(String(p)).delete();
  const ws = typeof sheet === 'function' ? sheet() : sheet;
  for (const cf of [...planned].reverse()) queueConditionalFormat(ws, cf);
  return planned.length;
}
