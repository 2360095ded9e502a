/**
 * Section VIII assessed from the data: for each goal whose threshold an Appendix 1 row measures
 * (catalog/section8.ts), a suggested "Đạt/Không đạt" from the latest year with data (2020 to 31/3,
 * else 2019), with the evidence; the official's own assessment compared with it.
 *
 * Findings (on the goal's assessment cell of sheet VIII):
 * - goal-contradicts-data (warning): the official wrote the opposite of what the data show;
 * - goal-suggestion (info): the cell is blank and the data decide it; the assessment is a suggestion
 *   (never a fix): the official reads the evidence and applies it, or not.
 */
import { appendix1Row } from '../catalog';
import { SECTION8_GOALS } from '../catalog/section8';
import type { GoalThreshold, Section8Goal } from '../catalog/section8';
import { workbookReader, latestYear, type WorkbookReader } from './figures';
import { numberStyle, round } from './format';
import type { NumberStyle, NumberWriter } from './format';
import { parseCellInput } from './parse';
import { FAIL, PASS } from './text';
import { exceeds } from './sums';
import type { Bilingual, Finding, MessageOptions, SheetSnapshot } from './types';

export type Verdict = typeof PASS | typeof FAIL;

export interface GoalAssessment {
  /** 'VIII.8'. */
  id: string;
  /** The goal's number as printed ('8'). */
  number: string;
  label: string;
  measured: Section8Goal['measured'];
  /** What the data say, or null (no data, not measurable, or a partial goal whose measured part is met). */
  suggestion: Verdict | null;
  /** The figures behind the suggestion: "VII.1 năm 2019: 72 % < 90 %". */
  evidence: Bilingual | null;
  /** Why there is no suggestion. */
  reason: Bilingual | null;
  /** The official's assessment as read ('Đạt', 'Không đạt', another text), '' when blank, null without sheet VIII. */
  official: string | null;
  /** Sheet and cell of the official's assessment. */
  sheet: string | null;
  cell: string | null;
}

function pct(v: number, w: NumberWriter): string {
  return `${w.num(round(v * 100, 1))} %`;
}

interface ThresholdResult {
  met: boolean | null;
  evidence: Bilingual | null;
  missing: string;
}

function judgeThreshold(reader: WorkbookReader, t: GoalThreshold, s: NumberStyle): ThresholdResult {
  const latest = latestYear(reader.figure(t.row));
  if (!latest) return { met: null, evidence: null, missing: t.row };
  const met = t.op === 'gt' ? exceeds(latest.value, t.value) : !exceeds(t.value, latest.value);
  const sign = met ? (t.op === 'gt' ? '>' : '≥') : t.op === 'gt' ? '≤' : '<';
  const yearVi = latest.year === '2020' ? 'năm 2020 (đến 31/3)' : `năm ${latest.year}`;
  const yearEn = latest.year === '2020' ? '2020 (to 31/3)' : latest.year;
  return {
    met,
    missing: '',
    evidence: {
      vi: `${t.row} ${yearVi}: ${pct(latest.value, s.vi)} ${sign} ${pct(t.value, s.vi)}`,
      en: `${t.row} ${yearEn}: ${pct(latest.value, s.en)} ${sign} ${pct(t.value, s.en)}`,
    },
  };
}

function join(parts: Bilingual[]): Bilingual | null {
  if (parts.length === 0) return null;
  return { vi: parts.map((p) => p.vi).join('; '), en: parts.map((p) => p.en).join('; ') };
}

/** One goal assessed; the evidence writes its numbers in `s` (default: each language its own). */
export function assessGoal(reader: WorkbookReader, goal: Section8Goal, s: NumberStyle = numberStyle()): GoalAssessment {
  const found = appendix1Row(goal.id);
  const cell = reader.text('VIII', goal.id, 'assessment');
  const base = {
    id: goal.id,
    number: goal.id.slice('VIII.'.length),
    label: found?.row.label ?? goal.id,
    measured: goal.measured,
    official: cell ? cell.value.trim() : null,
    sheet: cell?.sheet ?? null,
    cell: cell?.cell ?? null,
  };
  if (goal.measured === 'none') return { ...base, suggestion: null, evidence: null, reason: goal.reason ?? null };
  const results = goal.thresholds.map((t) => judgeThreshold(reader, t, s));
  const evidence = join(results.flatMap((r) => (r.evidence ? [r.evidence] : [])));
  if (results.some((r) => r.met === false)) return { ...base, suggestion: FAIL, evidence, reason: null };
  const missing = results.filter((r) => r.met === null).map((r) => r.missing);
  if (missing.length > 0)
    return {
      ...base,
      suggestion: null,
      evidence,
      reason: {
        vi: `Chưa có số liệu năm 2019 hoặc 2020 ở ${missing.join(', ')}.`,
        en: `No 2019 or 2020 figure in ${missing.join(', ')} yet.`,
      },
    };
  if (goal.measured === 'partial') return { ...base, suggestion: null, evidence, reason: goal.reason ?? null };
  return { ...base, suggestion: PASS, evidence, reason: null };
}

/**
 * Every goal of Section VIII, in order, assessed from the workbook's Appendix 1 data; `options`
 * say how the evidence writes numbers (the user's Excel).
 */
export function assessSection8(
  snapshots: readonly SheetSnapshot[] | WorkbookReader,
  options: MessageOptions = {},
): GoalAssessment[] {
  const reader = Array.isArray(snapshots) ? workbookReader(snapshots) : (snapshots as WorkbookReader);
  const style = numberStyle(options.decimalSeparator);
  return SECTION8_GOALS.map((g) => assessGoal(reader, g, style));
}

/** The official's assessment as Đạt/Không đạt (variants such as "dat" accepted), else null. */
export function verdictOf(text: string | null): Verdict | null {
  if (!text) return null;
  const parsed = parseCellInput(text, 'passfail');
  const v = parsed.value;
  return v === PASS || v === FAIL ? v : null;
}

export function section8Findings(assessments: readonly GoalAssessment[]): Finding[] {
  const out: Finding[] = [];
  for (const a of assessments) {
    if (a.sheet === null || a.cell === null || a.suggestion === null || !a.evidence) continue;
    const official = verdictOf(a.official);
    const base = { sheet: a.sheet, cell: a.cell, rowKey: a.id, column: 'assessment' };
    if (official === null && (a.official ?? '') === '') {
      out.push({
        ...base,
        severity: 'info',
        code: 'goal-suggestion',
        message: {
          vi: `Mục tiêu ${a.number} chưa được đánh giá; theo số liệu Phụ lục 1 (${a.evidence.vi}) là "${a.suggestion}".`,
          en: `Goal ${a.number} is not assessed yet; the Appendix 1 data (${a.evidence.en}) say "${a.suggestion}".`,
        },
        suggestion: {
          value: a.suggestion,
          description: { vi: `Ghi "${a.suggestion}"`, en: `Write "${a.suggestion}"` },
        },
      });
    } else if (official !== null && official !== a.suggestion) {
      out.push({
        ...base,
        severity: 'warning',
        code: 'goal-contradicts-data',
        message: {
          vi: `Mục tiêu ${a.number} được đánh giá "${official}" nhưng số liệu Phụ lục 1 cho thấy "${a.suggestion}": ${a.evidence.vi}.`,
          en: `Goal ${a.number} is assessed "${official}" but the Appendix 1 data say "${a.suggestion}": ${a.evidence.en}.`,
        },
      });
    }
  }
  return out;
}
