/**
 * The aggregation rules of Appendix 1, per indicator and column: counts are summed; flags give
 * the number of units answering 1; percentages are not summed but averaged over the units that
 * reported (weighted where the catalog names a weight row, else a plain mean); Đạt/Không đạt are
 * counted; texts are joined with their unit. Invalid values (engine errors, unparseable input)
 * are left out and recorded with their reason, never summed. Pure: no file, no Excel.
 */
import { appendix1Row } from '../catalog';
import { clean, fromMilli, parseCellInput, rowsByKey, sumMilli } from '../engine';
import type { Finding, SheetSnapshot } from '../engine/types';
import { columnNumber } from '../layout/a1';
import type { SheetPlan } from '../layout/types';
import type { Aggregate, Consolidation, Contribution, Lang, LeftOut, Normalised } from './types';

export const PASS = 'Đạt';
export const FAIL = 'Không đạt';

const t = (text: { vi: string; en: string }, lang: Lang) => text[lang];

function at<T>(grid: T[][] | undefined, r: number, c: number): T | undefined {
  return grid?.[r]?.[c];
}

/** Cells (sheet!A1) the engine marks as errors, with the first error's message. */
export function errorCells(findings: Finding[], lang: Lang): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of findings)
    if (f.severity === 'error' && !map.has(`${f.sheet}!${f.cell}`)) map.set(`${f.sheet}!${f.cell}`, t(f.message, lang));
  return map;
}

/** What the files gave one template's sheet so far, in the order they were added. */
export interface Collected {
  /** rowKey → column → contributions. */
  values: Map<string, Map<string, Contribution[]>>;
  /** Cells left out (invalid, engine errors), for `Consolidation.leftOut`. */
  leftOut: LeftOut[];
  /** Cells read after normalisation, for `Consolidation.normalised`. */
  normalised: Normalised[];
}

export function emptyCollected(): Collected {
  return { values: new Map(), leftOut: [], normalised: [] };
}

/** One file's sheet of a template, as it is added: `errors` are the engine's error cells of the file. */
export interface SheetInput {
  index: number;
  snapshot: SheetSnapshot;
  errors: Map<string, string>;
}

/**
 * Folds one file's sheet into what was collected for its template: each value it gives is kept
 * as a contribution (the cell's note lists them), each cell left out or normalised is recorded,
 * and the file's counts of the sheet (`sheetInfo`) go up. Nothing of the snapshot is kept.
 */
export function collectSheet(
  plan: SheetPlan,
  collected: Collected,
  { index, snapshot, errors }: SheetInput,
  sheetInfo: { used: number; leftOut: number; normalised: number },
  decimalSeparator: Consolidation['decimalSeparator'],
  lang: Lang,
): void {
  const { values } = collected;
  const rows = rowsByKey(snapshot.values);
  for (const rowPlan of plan.rows) {
    const kind = rowPlan.kind;
    if (kind === 'group' || kind === 'meta' || kind === 'par-leaf' || kind === 'par-parent') continue;
    const r = rows.get(rowPlan.key);
    if (r === undefined) continue;
    for (const [column, letter] of Object.entries(rowPlan.inputs)) {
      const c = columnNumber(letter) - 1;
      const raw = at(snapshot.values, r, c) ?? '';
      const cell = `${letter}${r + 1}`;
      const base = { source: index, sheet: snapshot.name, cell, rowKey: rowPlan.key, column };
      const error = errors.get(`${snapshot.name}!${cell}`);
      const parsed = parseCellInput(raw, kind, {
        numberFormat: at(snapshot.numberFormats, r, c),
        formula: at(snapshot.formulas, r, c),
        decimalSeparator,
      });
      if (parsed.status === 'empty') continue;
      if (error !== undefined || parsed.status === 'invalid') {
        const reason = error ?? (parsed.problems[0] ? t(parsed.problems[0].message, lang) : String(raw));
        collected.leftOut.push({ ...base, value: raw, reason });
        sheetInfo.leftOut++;
        continue;
      }
      if (parsed.value === null) continue; // fixable to "clear the cell": nothing reported
      if (parsed.status === 'fixable') {
        collected.normalised.push({ ...base, from: raw, to: parsed.value });
        sheetInfo.normalised++;
      }
      sheetInfo.used++;
      let byColumn = values.get(rowPlan.key);
      if (!byColumn) values.set(rowPlan.key, (byColumn = new Map()));
      const list = byColumn.get(column) ?? [];
      list.push({ source: index, value: parsed.value, sheet: snapshot.name, cell });
      byColumn.set(column, list);
    }
  }
}

type NumericContribution = Contribution & { value: number };

function numeric(contributions: Contribution[]): NumericContribution[] {
  return contributions.filter((c): c is NumericContribution => typeof c.value === 'number');
}

export function aggregateRows(
  plan: SheetPlan,
  collected: Collected,
  consolidation: Consolidation,
  lang: Lang,
): Aggregate[] {
  const out: Aggregate[] = [];
  for (const rowPlan of plan.rows) {
    const kind = rowPlan.kind;
    if (kind === 'group' || kind === 'meta' || kind === 'par-leaf' || kind === 'par-parent') continue;
    const catalogRow = appendix1Row(rowPlan.key)?.row;
    for (const column of Object.keys(rowPlan.inputs)) {
      const contributions = collected.values.get(rowPlan.key)?.get(column) ?? [];
      const agg: Aggregate = { rowKey: rowPlan.key, column, kind, value: null, units: 0, contributions };
      if (contributions.length === 0) {
        out.push(agg);
        continue;
      }
      switch (kind) {
        case 'count': {
          const nums = numeric(contributions);
          agg.method = 'sum';
          agg.units = nums.length;
          agg.value = fromMilli(sumMilli(nums.map((c) => c.value)));
          break;
        }
        case 'flag': {
          const nums = numeric(contributions);
          agg.method = 'countYes';
          agg.units = nums.length;
          agg.yes = nums.filter((c) => c.value === 1).length;
          agg.value = agg.yes;
          break;
        }
        case 'percent': {
          const nums = numeric(contributions);
          const weightKey = catalogRow?.weightBy;
          const weights = weightKey ? (collected.values.get(weightKey)?.get(column) ?? []) : [];
          const weightOf = new Map(numeric(weights).map((w) => [w.source, w.value]));
          const weighed = nums.filter((c) => (weightOf.get(c.source) ?? 0) > 0);
          if (weightKey && weighed.length > 0) {
            for (const c of nums)
              if (!weighed.includes(c)) {
                consolidation.leftOut.push({
                  source: c.source,
                  sheet: c.sheet,
                  cell: c.cell,
                  rowKey: rowPlan.key,
                  column,
                  value: c.value,
                  reason: t(
                    {
                      vi: `Không có số liệu trọng số ${weightKey} (cùng cột) lớn hơn 0 nên không tính vào bình quân gia quyền.`,
                      en: `No weight ${weightKey} (same column) above 0, so it cannot enter the weighted mean.`,
                    },
                    lang,
                  ),
                });
              }
            const totalWeight = weighed.reduce((s, c) => s + (weightOf.get(c.source) as number), 0);
            agg.method = 'weighted';
            agg.weightBy = weightKey;
            agg.units = weighed.length;
            agg.contributions = weighed;
            agg.value = clean(
              weighed.reduce((s, c) => s + c.value * (weightOf.get(c.source) as number), 0) / totalWeight,
            );
          } else {
            agg.method = 'mean';
            agg.units = nums.length;
            agg.value = nums.length ? clean(nums.reduce((s, c) => s + c.value, 0) / nums.length) : null;
          }
          break;
        }
        case 'passfail': {
          agg.method = 'countPass';
          agg.yes = contributions.filter((c) => c.value === PASS).length;
          agg.no = contributions.filter((c) => c.value === FAIL).length;
          agg.units = agg.yes + agg.no;
          agg.value = `${PASS}: ${agg.yes}; ${FAIL}: ${agg.no}`;
          break;
        }
        case 'text': {
          agg.method = 'joined';
          agg.units = contributions.length;
          agg.value = contributions
            .map((c) => `${consolidation.sources[c.source].unit}: ${String(c.value)}`)
            .join('\n');
          break;
        }
      }
      out.push(agg);
    }
  }
  return out;
}
