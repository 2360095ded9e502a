/**
 * Marks the workbook draws itself (issue 18, item 1): a stated total unlike its parts and a PAR
 * score without evidence are conditional formats of the template, so a bad entry is marked the
 * moment anyone types it, with no add-in running. For the same filled sheet, the cells the engine
 * flags ('sum-mismatch', 'evidence-missing') are exactly the cells the rule marks.
 */
import { APPENDIX1 } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { CF_FORMATS } from '../../src/layout/rules';
import { cellOf, eachApi, planOf, setup, type MemoryWorkbook } from './helpers';

/** A small deterministic generator (mulberry32): every run fills the same sheets. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cells of a sheet the memory workbook paints with a purpose's fill. */
function painted(wb: MemoryWorkbook, sheet: string, fill: string | undefined): string[] {
  return [...wb.evaluateConditionalFormats(sheet)]
    .filter(([, f]) => f.fill === fill)
    .map(([cell]) => cell)
    .sort();
}

async function write(wb: MemoryWorkbook, sheet: string, cells: Map<string, string | number>): Promise<void> {
  await wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const [cell, value] of cells) ws.getRange(cell).values = [[value]];
    await context.sync();
  });
}

const SUM_SHEETS = APPENDIX1.filter((t) => t.relations.some((r) => r.kind === 'sum')).map((t) => t.id);

eachApi(() => {
  test.each(SUM_SHEETS)(
    'sheet %s: the cells marked as a total unlike its parts are the cells the engine finds',
    async (id) => {
      const template = APPENDIX1.find((t) => t.id === id)!;
      const plan = planOf(id as TemplateId);
      const { wb, ops } = setup();
      await ops.inject([id as TemplateId]);
      const next = random(id.length * 7919 + id.charCodeAt(0));
      const cells = new Map<string, number | string>();
      let mismatches = 0;
      for (const rel of template.relations) {
        if (rel.kind !== 'sum') continue;
        const total = plan.rows.find((r) => r.key === rel.total)!;
        for (const columnId of Object.keys(total.inputs)) {
          const parts = rel.parts.map(() => Math.floor(next() * 50));
          const roll = next();
          // Equal, off by some, blank total, a blank part, or a part typed as text.
          const sum = parts.reduce((a, b) => a + b, 0);
          const stated = roll < 0.35 ? sum : roll < 0.75 ? sum + 1 + Math.floor(next() * 9) : '';
          if (roll >= 0.35 && roll < 0.75) mismatches++;
          cells.set(cellOf(plan, rel.total, columnId), stated);
          rel.parts.forEach((p, i) => cells.set(cellOf(plan, p, columnId), parts[i]));
          if (roll >= 0.9) cells.set(cellOf(plan, rel.parts[0], columnId), '');
        }
      }
      await write(wb, plan.name, cells);
      const marked = painted(wb, plan.name, CF_FORMATS.sumMismatch.fill);
      const report = await ops.validate();
      const found = report.findings
        .filter((f) => f.code === 'sum-mismatch')
        .map((f) => f.cell)
        .sort();
      expect(mismatches).toBeGreaterThan(0);
      expect(found.length).toBeGreaterThan(0);
      expect(marked).toEqual(found);
    },
  );

  test('PAR: the evidence cells marked as missing are the cells the engine finds', async () => {
    const plan = planOf('PAR');
    const { wb, ops } = setup();
    await ops.inject(['PAR']);
    const next = random(18);
    const cells = new Map<string, number | string>();
    const leaves = plan.rows.filter((r) => r.kind === 'par-leaf');
    for (const leaf of leaves) {
      const max = plan.cells.find((c) => c.address === `D${leaf.row}`)!.value as number;
      const roll = next();
      // A score of 0, a valid score, none; evidence written, blank or spaces only.
      const score = roll < 0.15 ? 0 : roll < 0.85 ? Math.round(next() * max * 1000) / 1000 : '';
      cells.set(cellOf(plan, leaf.key, 'score'), score);
      const e = next();
      cells.set(cellOf(plan, leaf.key, 'evidence'), e < 0.4 ? 'QĐ 12/QĐ-UBND' : e < 0.6 ? '   ' : '');
    }
    await write(wb, plan.name, cells);
    const marked = painted(wb, plan.name, CF_FORMATS.evidenceMissing.fill);
    const report = await ops.validate();
    const found = report.findings
      .filter((f) => f.code === 'evidence-missing')
      .map((f) => f.cell)
      .sort();
    expect(found.length).toBeGreaterThan(5);
    expect(marked).toEqual(found);
  });

  test('an official without the add-in sees the marks come and go as they type', async () => {
    const I = planOf('I');
    const PAR = planOf('PAR');
    const { wb, ops } = setup();
    await ops.inject(['I', 'PAR']);
    const total = cellOf(I, 'I.1', '2018');
    await wb.setCellFromUser(I.name, cellOf(I, 'I.1.a', '2018'), '2');
    await wb.setCellFromUser(I.name, cellOf(I, 'I.1.b', '2018'), '2');
    await wb.setCellFromUser(I.name, total, '5');
    expect(wb.evaluateConditionalFormats(I.name).get(total)).toEqual(CF_FORMATS.sumMismatch);
    await wb.setCellFromUser(I.name, total, '4');
    expect(wb.evaluateConditionalFormats(I.name).get(total)).toBeUndefined();

    const score = cellOf(PAR, '1.1', 'score');
    const evidence = cellOf(PAR, '1.1', 'evidence');
    await wb.setCellFromUser(PAR.name, score, '0.5');
    expect(wb.evaluateConditionalFormats(PAR.name).get(evidence)).toEqual(CF_FORMATS.evidenceMissing);
    await wb.setCellFromUser(PAR.name, evidence, 'Báo cáo số 5/BC-UBND');
    // The row stays below its target (the whole row's yellow), the evidence mark goes.
    expect(wb.evaluateConditionalFormats(PAR.name).get(evidence)).toEqual(CF_FORMATS.belowTarget);
  });
});
