/**
 * The pane's write of a consolidation: what the adapter writes (values by key and column, PAR
 * scores, the sources rows). Its own chunk, fetched when the consolidation is written, after the
 * files were read (pane.ts toWrite); the CLI's tests and the adapter's use it directly.
 */
import type { ConsolidationWrite } from '../contracts/operations';
import { REPORTER_COLUMN, REPORTER_KEY } from '../layout/keyColumn';
import { consolidatedReporter } from './labels';
import { SOURCES_SHEET, sourcesTable } from './sources';
import type { Consolidation, Lang } from './types';

export { SOURCES_SHEET };

/** The consolidation as the adapter writes it: values by key and column, PAR scores, sources rows. */
export function toWrite(consolidation: Consolidation, lang: Lang, by: string, date = new Date()): ConsolidationWrite {
  const table = sourcesTable(consolidation, lang, by, date);
  const rows: (string | number)[][] = [[table.title], [table.intro], []];
  for (const section of table.sections) {
    rows.push([section.title], section.header);
    if (section.rows.length === 0) rows.push([lang === 'vi' ? '(không có)' : '(none)']);
    rows.push(...section.rows, []);
  }
  // Each consolidated sheet says whose returns it totals, in its reporting-unit cell, as the CLI's.
  const parSources = new Set([
    ...(consolidation.par?.merged.map((m) => m.source) ?? []),
    ...(consolidation.par?.conflicts.flatMap((c) => c.claims.map((x) => x.source)) ?? []),
  ]);
  const reporter = (templateId: string) => ({
    rowKey: REPORTER_KEY,
    column: REPORTER_COLUMN,
    value: consolidatedReporter(
      consolidation.sources
        .filter((s, i) =>
          templateId === 'PAR' ? parSources.has(i) : s.sheets.some((x) => x.templateId === templateId),
        )
        .map((s) => s.unit),
      lang,
    ),
  });
  return {
    sheets: [
      ...consolidation.templates.map((templateId) => ({
        templateId,
        values: [
          reporter(templateId),
          ...(consolidation.aggregates.get(templateId) ?? []).map((a) => ({
            rowKey: a.rowKey,
            column: a.column,
            value: a.value,
          })),
        ],
      })),
      ...(consolidation.par
        ? [
            {
              templateId: 'PAR' as const,
              // A conflict's cells are emptied: a score taken (or chosen) by an earlier consolidation
              // written here must not stay once the criterion is in conflict again.
              values: [
                reporter('PAR'),
                ...consolidation.par.conflicts.flatMap((c) => [
                  { rowKey: c.rowKey, column: 'score', value: null },
                  { rowKey: c.rowKey, column: 'evidence', value: null },
                ]),
              ],
            },
          ]
        : []),
    ],
    par: consolidation.par?.merged.map((m) => ({ rowKey: m.rowKey, score: m.score, evidence: m.evidence })) ?? null,
    ...(consolidation.parYear !== undefined ? { parYear: consolidation.parYear } : {}),
    sources: { name: SOURCES_SHEET, rows },
  };
}
