/**
 * The filled example workbook: what Sở Nội vụ would have typed by the deadline. Its own Appendix 1
 * rows for every year (the I.1 total left blank, as units do: the sheet's formula shows it), the
 * Section VIII goals it assesses, a paragraph under every outline heading, every PAR criterion
 * self-scored around its 2021 target (some below). Used by the report's tests, the LibreOffice test,
 * the benchmark's page count and the README's pictures.
 */
import { APPENDIX1, OUTLINE, parLeaves } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import { buildSheetPlan, outlineTextKey } from '../../src/layout';
import { makeSnapshot, type Fill as SnapshotFill } from '../engine/snapshot';
import type { Fill } from '../cli/helpers';
import { prng } from '../shared/prng';

export const EXAMPLE_UNIT = 'Sở Nội vụ';

export function exampleFills(): Fill[] {
  const random = prng(2020);
  const fills: Fill[] = [{ template: 'OUTLINE', key: 'meta.reporter', column: 'reporter', value: EXAMPLE_UNIT }];
  for (const h of OUTLINE)
    if (h.leaf)
      fills.push({
        template: 'OUTLINE',
        key: outlineTextKey(h.id),
        column: 'text',
        value: `Giai đoạn 2016 - 2020, Sở đã triển khai đầy đủ các nhiệm vụ của mục ${h.number.replace(/[.)]$/, '')} được giao, bám sát Kế hoạch số 158/KH-UBND. Kết quả cụ thể được nêu tại Phụ lục 1 kèm theo báo cáo này.`,
      });
  for (const template of APPENDIX1) {
    if (template.id === 'VIII') continue;
    const plan = buildSheetPlan(template.id);
    for (const table of template.tables)
      for (const row of table.rows) {
        if (row.unit !== 'SNV' || row.kind === 'group' || row.id === 'I.1') continue;
        const inputs = plan.rows.find((r) => r.key === row.id)?.inputs ?? {};
        for (const column of Object.keys(inputs)) {
          const value: CellValue = row.kind === 'flag' ? 1 : 5 + Math.floor(random() * 60);
          fills.push({ template: template.id, key: row.id, column, value });
        }
      }
  }
  for (const key of ['VIII.3', 'VIII.4', 'VIII.7'])
    fills.push({ template: 'VIII', key, column: 'assessment', value: 'Đạt' });
  for (const leaf of parLeaves('total')) {
    // Around the target: a fifth of the criteria a little below it, the rest at it or above.
    const below = random() < 0.2;
    const score = below ? leaf.target * (0.6 + random() * 0.3) : Math.min(leaf.max, leaf.target * 1.02);
    fills.push(
      { template: 'PAR', key: leaf.id, column: 'score', value: Math.round(score * 1000) / 1000 },
      { template: 'PAR', key: leaf.id, column: 'evidence', value: `Báo cáo số ${leaf.id}/BC-SNV` },
    );
  }
  return fills;
}

/** The same workbook as the engine's snapshots, for tests and benchmarks without a file. */
export function exampleSnapshots(): SheetSnapshot[] {
  const byTemplate = new Map<TemplateId, SnapshotFill>();
  for (const f of exampleFills()) {
    let values = byTemplate.get(f.template);
    if (!values) byTemplate.set(f.template, (values = {}));
    (values[f.key] ??= {})[f.column] = f.value as CellValue;
  }
  const ids: TemplateId[] = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'OUTLINE', 'PAR'];
  return ids.map((id) => makeSnapshot(id, { values: byTemplate.get(id) ?? {} }));
}
