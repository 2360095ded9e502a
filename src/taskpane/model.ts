/**
 * Pure shaping of operation results for display; no React, no Office.
 */
import { APPENDIX1, TEMPLATE_IDS, parRow, unitById } from '../catalog';
import type { TemplateId, UnitId } from '../catalog/types';
import type { Bilingual, Finding, LeadGroup, ParRowResult, ParSummary, Severity } from '../engine/types';
import type { Language, Messages } from './i18n';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface TemplateEntry {
  id: TemplateId;
  name: string;
  units: string;
}

export function templateEntries(t: Messages, lang: Language): TemplateEntry[] {
  return TEMPLATE_IDS.map((id) => {
    if (id === 'PAR') return { id, name: t.parTemplateName, units: t.parTemplateUnits };
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

export interface SheetFindings {
  sheet: string;
  bySeverity: { severity: Severity; findings: Finding[] }[];
}

/** Findings by sheet (in the order the sheets first appear), then by severity, errors first. */
export function groupFindings(findings: readonly Finding[]): SheetFindings[] {
  const sheets = new Map<string, Map<Severity, Finding[]>>();
  for (const finding of findings) {
    let bySeverity = sheets.get(finding.sheet);
    if (!bySeverity) sheets.set(finding.sheet, (bySeverity = new Map()));
    const list = bySeverity.get(finding.severity);
    if (list) list.push(finding);
    else bySeverity.set(finding.severity, [finding]);
  }
  return [...sheets].map(([sheet, bySeverity]) => ({
    sheet,
    bySeverity: SEVERITIES.filter((s) => bySeverity.has(s)).map((severity) => ({
      severity,
      findings: bySeverity.get(severity)!,
    })),
  }));
}

export function parLabel(id: string): string {
  const row = parRow(id);
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
