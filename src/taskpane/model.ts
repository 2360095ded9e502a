/**
 * Pure shaping of operation results for display; no React, no Office.
 */
import { APPENDIX1, PAR_LISTS, TEMPLATE_IDS, latestParList, parRow, unitById } from '../catalog';
import type { ParRow, TemplateId, UnitId } from '../catalog/types';
import type { Bilingual, Finding, LeadGroup, ParRowResult, ParSummary, Severity } from '../engine/types';
import { roundedPreviousScores } from '../engine/sums';
import type { Language, Messages } from './i18n';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface TemplateEntry {
  id: TemplateId;
  name: string;
  units: string;
}

export function templateEntries(t: Messages, lang: Language): TemplateEntry[] {
  return TEMPLATE_IDS.map((id) => {
    if (id === 'PAR') return { id, name: t.parTemplateName(latestParList().year), units: t.parTemplateUnits };
    if (id === 'STATUS') return { id, name: t.statusTemplateName, units: t.statusTemplateUnits };
    if (id === 'OUTLINE') return { id, name: t.outlineTemplateName, units: t.outlineTemplateUnits };
    const section = APPENDIX1.find((s) => s.id === id);
    if (!section) throw new Error(`Template ${id} missing from the catalog`);
    const names = section.units.map((u) => unitName(u, lang)).join('; ');
    return { id, name: `${id}. ${lang === 'en' ? section.titleEn : section.title}`, units: t.reportingUnits(names) };
  });
}

export function unitName(id: UnitId | null, lang: Language): string {
  if (!id) return '';
  const unit = unitById(id);
  return lang === 'en' ? unit.nameEn : unit.name;
}

/**
 * The rows of a year's list; none for a year this build does not carry (a summary cannot come
 * from one, but the pane shows what it has rather than fail: labels fall back to the row's number).
 */
function rowsOf(year: number): readonly ParRow[] {
  return PAR_LISTS.find((l) => l.year === year)?.rows ?? [];
}

/** A PAR row's number and text; `year`: from that year's list (the one a summary is about), else the catalog's. */
export function parLabel(id: string, year?: number): string {
  const row = year === undefined ? parRow(id) : rowsOf(year).find((r) => r.id === id);
  if (!row) return id;
  return row.stt ? `${row.stt}. ${row.label}` : row.label;
}

/** The eight areas (lĩnh vực) under the total, as the summary reports them, in catalog order. */
export function areaResults(summary: ParSummary): ParRowResult[] {
  const areas = parRow(summary.total.id)?.children ?? [];
  const byId = new Map(summary.rows.map((r) => [r.id, r]));
  return areas.map((id) => byId.get(id)).filter((r): r is ParRowResult => r !== undefined);
}

/** Lead groups with their rows largest gap first, groups owing the most first. */
export function rankedLeadGroups(groups: readonly LeadGroup[]): LeadGroup[] {
  return groups
    .map((g) => ({ ...g, rows: [...g.rows].sort((a, b) => (a.gap ?? 0) - (b.gap ?? 0)) }))
    .sort((a, b) => b.pointsOwed - a.pointsOwed);
}

/** What the user should know about a run (features this Excel lacks, marks that did not fit). */
export function notesOf(report: { notes?: Bilingual[] } | null): Bilingual[] {
  return report?.notes ?? [];
}

/** Findings that describe the source document itself (rounded published scores), not the user's data. */
export const SOURCE_NOTE_CODES: ReadonlySet<string> = new Set(['par-previous-rounding']);

/** A report without the source-document notes: what the official can act on. */
export function actionable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !SOURCE_NOTE_CODES.has(f.code));
}

/**
 * The published previous-year scores of a year's list whose parts do not add up exactly (the
 * plan rounds each part): a fact of that list, the same for every workbook with a sheet of its
 * year, so it is derived from the catalog by the engine's rule (engine/sums.ts). `year`: the year
 * of the sheet the pane's summary is about (ParSummary.year).
 */
export function roundedParents(year: number): { id: string; label: string; published: number; sum: number }[] {
  return roundedPreviousScores(rowsOf(year)).map(({ row, sum }) => ({
    id: row.id,
    label: row.label,
    published: row.previousScore,
    sum,
  }));
}

/** The eight areas in sentence case, short enough for a 320 px pane (the catalog prints them in capitals). */
const AREA_SHORT: Record<string, { vi: string; en: string }> = {
  '1': { vi: 'Chỉ đạo điều hành CCHC', en: 'Directing administrative reform' },
  '2': { vi: 'Văn bản quy phạm pháp luật', en: 'Legal documents' },
  '3': { vi: 'Thủ tục hành chính, một cửa', en: 'Administrative procedures, one-stop shop' },
  '4': { vi: 'Tổ chức bộ máy hành chính', en: 'Administrative organisation' },
  '5': { vi: 'Cán bộ, công chức, viên chức', en: 'Civil servants and public employees' },
  '6': { vi: 'Tài chính công', en: 'Public finance' },
  '7': { vi: 'Hiện đại hóa hành chính', en: 'Modernising administration' },
  '8': { vi: 'Tác động đến người dân và phát triển KT-XH', en: 'Impact on people and development' },
};

export function areaShortName(id: string, lang: Language): string {
  return AREA_SHORT[id]?.[lang] ?? parLabel(id);
}
