/**
 * The marks of "Kiểm tra dữ liệu" in the hidden helper column U (layout/flagColumn.ts): the same
 * in an Excel whose list separator is ";" (a Vietnamese Windows, office-js #2891), every flagged
 * cell marked however many, and never written over someone's content in that column.
 */
import { TEMPLATE_IDS } from '../../src/catalog';
import { rowTexts, helperWrites, helperCellsOf } from '../../src/excel/flagColumnWrites';
import { cellAddress } from '../../src/layout/a1';
import { parseRowFlagText } from '../../src/layout/flagColumn';
import { cellOf, eachApi, helperMarks, planOf, setup } from './helpers';

const I = planOf('I');
const PAR = planOf('PAR');

function formatOf(purpose: string) {
  return { ...I.conditionalFormats.find((c) => c.purpose === purpose)!.format };
}

eachApi(() => {
  test('an Excel whose list separator is ";" marks errors red and warnings orange', async () => {
    const { wb, ops } = setup({ listSeparator: ';' });
    await ops.inject(['I']);
    const total = cellOf(I, 'I.1', '2018');
    const wrong = cellOf(I, 'I.1.a', '2019');
    await wb.pasteFromUser(I.name, total, [['5']]);
    await wb.pasteFromUser(I.name, cellOf(I, 'I.1.a', '2018'), [['2']]);
    await wb.pasteFromUser(I.name, cellOf(I, 'I.1.b', '2018'), [['2']]);
    await wb.pasteFromUser(I.name, wrong, [['abc']]);
    const report = await ops.validate();
    expect(report.notes.map((n) => n.en).join('\n')).not.toMatch(/not|fail/i);
    const painted = wb.evaluateConditionalFormats(I.name);
    expect(painted.get(total)).toEqual(formatOf('flaggedWarning'));
    expect(painted.get(wrong)).toEqual({ ...formatOf('invalid'), bold: true });
    // Typed right, the live rule lets go: the check's own red mark is what remains.
    await wb.setCellFromUser(I.name, wrong, '3');
    expect(wb.evaluateConditionalFormats(I.name).get(wrong)).toEqual(formatOf('flagged'));
    await ops.removeMarks();
    expect(await helperMarks(wb, I.name)).toEqual([]);
    expect(wb.evaluateConditionalFormats(I.name).get(wrong)).toBeUndefined();
  });

  test('every flagged cell of every sheet is marked, none cut off', async () => {
    const { wb, ops } = setup();
    await ops.inject([...TEMPLATE_IDS]);
    // Every input cell of the Appendix 1 sheets pasted as text (a paste passes data validation): an error on each.
    for (const id of TEMPLATE_IDS.filter((t) => !['OUTLINE', 'PAR', 'STATUS'].includes(t))) {
      const plan = planOf(id);
      for (const row of plan.rows)
        for (const letter of Object.values(row.inputs))
          await wb.pasteFromUser(plan.name, `${letter}${row.row}`, [['abc']]);
    }
    const report = await ops.validate();
    expect(report.notes.map((n) => n.en).join('\n')).not.toMatch(/exceed/);
    const flagged = new Set(
      report.findings.filter((f) => f.column !== null && f.severity !== 'info').map((f) => `${f.sheet}!${f.cell}`),
    );
    const marked = new Set<string>();
    for (const id of TEMPLATE_IDS) {
      const name = planOf(id).name;
      for (const m of await helperMarks(wb, name)) marked.add(`${name}!${m.replace(/^w:/, '')}`);
    }
    expect(flagged.size).toBeGreaterThan(500);
    expect(marked).toEqual(flagged);
  }, 60_000);

  test('a row whose helper cell someone typed into keeps it; the others are marked, and a note says so', async () => {
    const { wb, ops } = setup();
    await ops.inject(['PAR']);
    const comma = cellOf(PAR, '1.1', 'score');
    const over = cellOf(PAR, '1.2', 'score');
    await wb.pasteFromUser(PAR.name, comma, [['0,5']]);
    await wb.pasteFromUser(PAR.name, over, [['9']]);
    const row = Number(/\d+$/.exec(comma)![0]);
    await wb.setCellFromUser(PAR.name, `U${row}`, 'ghi chú');
    const report = await ops.validate();
    expect(wb.getCell(PAR.name, `U${row}`).value).toBe('ghi chú');
    expect((await helperMarks(wb, PAR.name)).map((m) => m.replace(/^w:/, ''))).toEqual([over]);
    expect(report.notes.some((n) => n.vi.includes(`U${row}`) && n.en.includes('not overwritten'))).toBe(true);
    await ops.removeMarks();
    expect(wb.getCell(PAR.name, `U${row}`).value).toBe('ghi chú');
  });
});

test('5,000 flagged cells on one sheet: every one in the helper texts, one range write', () => {
  const cells = [];
  for (let row = 4; cells.length < 5000; row++)
    for (let col = 2; col <= 15 && cells.length < 5000; col++)
      cells.push({
        cell: cellAddress(row, col),
        severity: (col % 3 === 0 ? 'warning' : 'error') as 'warning' | 'error',
      });
  const texts = rowTexts(cells);
  const back = [...texts].flatMap(([row, text]) =>
    parseRowFlagText(text).map((m) => ({ cell: cellAddress(row, m.col), severity: m.severity })),
  );
  expect(back).toEqual(cells);
  const { writes, foreign } = helperWrites(helperCellsOf(null), texts);
  expect(foreign).toEqual([]);
  expect(writes).toHaveLength(1);
  expect(writes[0].values.flat().filter((v) => v !== '')).toHaveLength(texts.size);
});
