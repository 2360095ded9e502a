/**
 * PAR returns from lead units (the PAR list of one year): each unit sends back its own copy of the
 * PAR sheet; each criterion's score and evidence are taken from the file of its lead unit
 * (Chủ trì tham mưu, catalog `lead`). A criterion scored in two files, scored by a unit that does
 * not lead it, or with no lead in the catalog, is a conflict for the official: never chosen by the
 * code. The official's choice (ParChoice: the claim of a file by content hash and unit) takes that
 * claim while the file is unchanged; when it changed, the conflict comes back and says so.
 * Invalid scores (engine errors) are left out like Appendix 1 values.
 */
import { latestParList, parList, unitById } from '../catalog';
import type { UnitId } from '../catalog/types';
import { parseCellInput, rowsByKey } from '../engine';
import type { SheetSnapshot } from '../engine/types';
import { buildSheetPlan } from '../layout';
import { columnNumber } from '../layout/a1';
import type { SheetPlan } from '../layout/types';
import type { Consolidation, Lang, LeftOut, ParChoice, ParClaim, ParConflict, ParMerge } from './types';

export interface ParInput {
  index: number;
  snapshot: SheetSnapshot;
  errors: Map<string, string>;
}

/** The rows of the consolidation's PAR list by key (the newest list before any file set a year). */
function rowsOf(consolidation: Consolidation) {
  const list = consolidation.parYear === undefined ? latestParList() : parList(consolidation.parYear);
  return new Map(list.rows.map((r) => [r.id, r]));
}

/**
 * The PAR sheet's plan of a year (undefined: the newest list), built once: a file's claims are
 * read from it, and building it for every file cost more than reading the file's PAR sheet.
 */
const parPlans = new Map<number | undefined, SheetPlan>();
function parPlanOf(year: number | undefined): SheetPlan {
  let plan = parPlans.get(year);
  if (!plan) parPlans.set(year, (plan = buildSheetPlan('PAR', { parYear: year })));
  return plan;
}

function unitName(id: UnitId | null, lang: Lang): string {
  if (id === null) return lang === 'vi' ? '(không có)' : '(none)';
  const unit = unitById(id);
  return lang === 'vi' ? unit.name : unit.nameEn;
}

/**
 * The criteria a file scores (score or evidence filled); invalid scores go to `leftOut` (the
 * consolidator keeps them apart until `finish()`, where they follow Appendix 1's).
 */
export function parClaims(input: ParInput, consolidation: Consolidation, lang: Lang, leftOut: LeftOut[]): ParClaim[] {
  const plan = parPlanOf(consolidation.parYear);
  const rowsOfList = rowsOf(consolidation);
  const { snapshot, index, errors } = input;
  const rows = rowsByKey(snapshot.values);
  const claims: ParClaim[] = [];
  for (const rowPlan of plan.rows) {
    if (rowPlan.kind !== 'par-leaf') continue;
    const r = rows.get(rowPlan.key);
    const scoreLetter = rowPlan.inputs.score;
    const evidenceLetter = rowPlan.inputs.evidence;
    if (r === undefined || !scoreLetter) continue;
    const c = columnNumber(scoreLetter) - 1;
    const raw = snapshot.values[r]?.[c] ?? '';
    const cell = `${scoreLetter}${r + 1}`;
    const evidence = evidenceLetter ? String(snapshot.values[r]?.[columnNumber(evidenceLetter) - 1] ?? '').trim() : '';
    const parsed = parseCellInput(raw, 'parScore', {
      max: rowsOfList.get(rowPlan.key)?.max,
      numberFormat: snapshot.numberFormats?.[r]?.[c],
      formula: snapshot.formulas?.[r]?.[c],
      decimalSeparator: consolidation.decimalSeparator,
    });
    const error = errors.get(`${snapshot.name}!${cell}`);
    if (parsed.status !== 'empty' && (error !== undefined || parsed.status === 'invalid')) {
      leftOut.push({
        source: index,
        sheet: snapshot.name,
        cell,
        rowKey: rowPlan.key,
        column: 'score',
        value: raw,
        reason: error ?? (parsed.problems[0] ? parsed.problems[0].message[lang] : String(raw)),
      });
      continue;
    }
    const score = typeof parsed.value === 'number' ? parsed.value : null;
    if (score === null && evidence === '') continue;
    claims.push({ source: index, rowKey: rowPlan.key, score, evidence, sheet: snapshot.name, cell });
  }
  return claims;
}

/** The claim a choice names, if its file is still the one chosen (same content hash and unit). */
function chosenClaim(list: ParClaim[], choice: ParChoice, consolidation: Consolidation): ParClaim | undefined {
  return list.find((c) => {
    const s = consolidation.sources[c.source];
    return s.hash !== undefined && s.hash === choice.hash && s.unit === choice.unit;
  });
}

/**
 * Merges the claims of every file: the lead's alone is taken, anything else is a conflict unless
 * the official chose one of its claims (`choices`, by row key) from a file still unchanged.
 */
export function mergePar(
  claims: ParClaim[],
  consolidation: Consolidation,
  lang: Lang,
  choices: readonly ParChoice[] = [],
): ParMerge | null {
  if (claims.length === 0) return null;
  const byRow = new Map<string, ParClaim[]>();
  for (const c of claims) byRow.set(c.rowKey, [...(byRow.get(c.rowKey) ?? []), c]);
  const merge: ParMerge = { merged: [], conflicts: [], claims };
  const unitOf = (c: ParClaim) => consolidation.sources[c.source].unit;
  const rowsOfList = rowsOf(consolidation);
  for (const row of parPlanOf(consolidation.parYear).rows) {
    const list = byRow.get(row.key);
    if (!list) continue;
    const lead = rowsOfList.get(row.key)?.lead ?? null;
    const choice = choices.find((c) => c.rowKey === row.key);
    const conflict = (reason: ParConflict['reason'], vi: string, en: string) => {
      const taken = choice && chosenClaim(list, choice, consolidation);
      if (taken) {
        merge.merged.push({
          rowKey: row.key,
          score: taken.score,
          evidence: taken.evidence,
          source: taken.source,
          chosen: choice,
        });
        return;
      }
      const stale = choice
        ? lang === 'vi'
          ? ` Điểm đã chọn trước đây (tệp của ${choice.unit}) không còn được lấy: tệp đó đã thay đổi hoặc không còn trong lần tổng hợp này; cần chọn lại.`
          : ` The score chosen before (the file of ${choice.unit}) is no longer taken: that file changed or is not in this consolidation; choose again.`
        : '';
      merge.conflicts.push({
        rowKey: row.key,
        reason,
        lead,
        claims: list,
        message: (lang === 'vi' ? vi : en) + stale,
        ...(choice ? { staleChoice: true } : {}),
      });
    };
    const units = list.map(unitOf).join('; ');
    if (list.length > 1)
      conflict(
        'several-files',
        `Tiêu chí ${row.key} được chấm trong ${list.length} tệp (${units}); đơn vị chủ trì: ${unitName(lead, lang)}. Chưa lấy điểm nào: cán bộ cần chọn.`,
        `Criterion ${row.key} is scored in ${list.length} files (${units}); lead unit: ${unitName(lead, lang)}. No score taken: the official must choose.`,
      );
    else if (lead === null)
      conflict(
        'no-lead',
        `Tiêu chí ${row.key} không có đơn vị chủ trì trong danh mục; điểm của ${units} chưa được lấy: cán bộ cần xác nhận.`,
        `Criterion ${row.key} has no lead unit in the catalog; the score from ${units} is not taken: the official must confirm it.`,
      );
    else if (consolidation.sources[list[0].source].unitId !== lead)
      conflict(
        'not-lead',
        `Tiêu chí ${row.key} do ${unitName(lead, lang)} chủ trì, nhưng được chấm trong tệp của ${units}: chưa lấy điểm này.`,
        `Criterion ${row.key} is led by ${unitName(lead, lang)}, but scored in the file of ${units}: this score is not taken.`,
      );
    else
      merge.merged.push({ rowKey: row.key, score: list[0].score, evidence: list[0].evidence, source: list[0].source });
  }
  return merge;
}
