/**
 * The add-in's own conditional formats beside an official's, without ever reading, moving or
 * deleting a rule.
 *
 * What Excel allows. `ConditionalFormat.id` is "the priority of the conditional format in the
 * current ConditionalFormatCollection" (typings): adding or deleting a rule renumbers the others,
 * so an id read in one sync names another rule once a co-author added or removed one before the
 * next. Loading a rule's condition, format or even its range fails for rules officials made in
 * Excel's UI (office-js #6835, #6827; `items/custom/…` beside another type, #2180), and deleting
 * one by position can fail too (#5222). An official's formula rule has the same type (Custom) as
 * ours. So nothing an add-in may read tells its rules from an official's.
 *
 * Hence the sheet records which rules the add-in gave it (layout/ruleRecord.ts: a sheet-scoped
 * name CCHC_RULES holding a signature of the plan's rules), written in the same request as the
 * rules. Reading it and the number of rules over the sheet
 * (`getCount`, no rule's details) is all a button does:
 * - the signature is the plan's and the sheet holds at least as many rules as the plan: ours are
 *   there (Excel moves them with rows inserted or deleted): nothing is read, added or deleted;
 * - otherwise (a sheet inserted by an earlier version, or its rules cleared in Excel): the planned
 *   rules are added on top, in plan order, and the signature written. Nothing is deleted: an
 *   earlier version's rules stay below the new ones, which come first where both colour a cell.
 *
 * "Chèn biểu mẫu" and the totals button (which ensures the below-target rule) do the same: the
 * whole plan's rules, so that the signature always describes every rule the add-in added.
 */
import { cellAddress, parseRange } from '../layout/a1';
import { RULES_NAME, rulesNameFormula } from '../layout/ruleRecord';
import type { ConditionalFormatPlan } from '../layout/types';
import { nameFormulaCommands, rulesCommands, type Command } from './queue';
import { actionBytes, pathBytes, rangePathBytes, type Cost } from './session';

const RULES_COMMENT = 'Quy tắc tô màu của tiện ích CCHC trên trang này (CCHC add-in rules on this sheet)';

/**
 * What a button reads about the rules besides the CCHC_RULES name (which the read of every sheet
 * loads: read.ts): the number of rules over the read window and, when the plan is known at read
 * time, over the top-left cell of each planned rule.
 */
export interface RuleProbe {
  count: OfficeExtension.ClientResult<number>;
  /** Per planned rule's top-left cell: how many rules cover it now, and how many of ours should. */
  anchors: { cell: string; ours: number; count: OfficeExtension.ClientResult<number> }[] | null;
}

/** Each planned rule's top-left cell, with the number of planned rules covering it. */
function anchorsOf(planned: readonly ConditionalFormatPlan[]): { cell: string; ours: number }[] {
  const ranges = planned.map((p) => parseRange(p.range));
  const cells = new Map<string, number>();
  for (const r of ranges) {
    const cell = cellAddress(r.top, r.left);
    if (cells.has(cell)) continue;
    const covering = ranges.filter((x) => x.top <= r.top && r.top <= x.bottom && x.left <= r.left && r.left <= x.right);
    cells.set(cell, covering.length);
  }
  return [...cells].map(([cell, ours]) => ({ cell, ours }));
}

/** Answer of one getCount (a number in the response, with its object). */
const COUNT_RESPONSE_BYTES = 48;

/**
 * The probe's counts as one description: what they cost on a sheet at `sheetPath` bytes, and
 * queuing them (counts only: no rule's details, no id), read after the caller's sync.
 */
export function ruleProbeRead(
  window: string,
  planned: readonly ConditionalFormatPlan[] | null,
): { cost(sheetPath: number): Cost; queue(sheet: Excel.Worksheet): RuleProbe } {
  const anchors = planned ? anchorsOf(planned) : null;
  const cells = [window, ...(anchors ?? []).map((a) => a.cell)];
  return {
    cost: (sheetPath) => {
      let request = 0;
      for (const cell of cells)
        request +=
          actionBytes(sheetPath, 'getRange', cell) +
          actionBytes(rangePathBytes(sheetPath, cell) + pathBytes('conditionalFormats'), 'getCount');
      return { request, response: cells.length * COUNT_RESPONSE_BYTES };
    },
    queue: (sheet) => ({
      count: sheet.getRange(window).conditionalFormats.getCount(),
      anchors: anchors?.map((a) => ({ ...a, count: sheet.getRange(a.cell).conditionalFormats.getCount() })) ?? null,
    }),
  };
}

/**
 * Whether the sheet holds the plan's rules, from its CCHC_RULES formula (`record`, null when the
 * name is missing) and a probe read after its sync (null: not probed): the record is the plan's,
 * and no rule's top-left cell has fewer rules than ours that cover it (an official's rules only
 * add to the counts, so a rule of ours deleted in Excel shows wherever no rule of theirs covers
 * the same cell). A paste that cut a rule in two leaves its top-left cell covered: the refresh
 * sees the pasted formats instead (inject.ts) and adds the rules anyway. Without the plan at read
 * time, the window's count stands in.
 */
export function rulesIntact(
  planned: readonly ConditionalFormatPlan[],
  record: string | null,
  probe: RuleProbe | null,
): boolean {
  if (!probe || record === null) return false;
  if (record.replace(/\s+/g, '') !== rulesNameFormula(planned)) return false;
  if (!probe.anchors) return probe.count.value >= planned.length;
  return probe.anchors.every((a) => a.count.value >= a.ours);
}

export function normFormula(f: unknown): string {
  return String(f ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * The planned rules on top of whatever the sheet holds, added last first so that the plan's first
 * rule ends on top (Office.js puts each added rule on top), and the CCHC_RULES record (its formula
 * set where the sheet has the name, `record` not null; added otherwise). None when the record and
 * the probe say they are there, unless `force` (an area just cleared, or a new sheet).
 */
export function ownRulesCommands(
  planned: readonly ConditionalFormatPlan[],
  record: string | null,
  probe: RuleProbe | null,
  force = false,
): Command[] {
  if (!force && rulesIntact(planned, record, probe)) return [];
  const formula = rulesNameFormula(planned);
  const name: Command[] =
    record !== null
      ? nameFormulaCommands(RULES_NAME, formula)
      : [{ path: ['names'], acts: [{ call: 'add', args: [RULES_NAME, formula, RULES_COMMENT] }] }];
  return [...rulesCommands(planned), ...name];
}
