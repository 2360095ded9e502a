/**
 * The outline sheet's live figures in the in-memory workbook (the playground's and the adapter
 * tests' host): they follow the Appendix 1 sheet by row key, stay blank while unfilled, and are
 * blank (not an error) when the Appendix 1 sheet is absent.
 */
import { buildSheetPlan, defaultSheetName, outlineTextKey } from '../../src/layout';
import { setup } from '../excel/helpers';

const outline = buildSheetPlan('OUTLINE');
const vii = buildSheetPlan('VII');
const textRow = outline.rows.find((r) => r.key === outlineTextKey('P1.II.6.b'));
const figure2019 = `${textRow?.formulas['2019']}${textRow?.row}`; // the first figure of II.6.b is VII.1
const source2019 = `${vii.rows.find((r) => r.key === 'VII.1')?.inputs['2019']}${vii.rows.find((r) => r.key === 'VII.1')?.row}`;

describe('outline sheet figures', () => {
  test('the first figure of II.6.b is VII.1', () => {
    expect(outline.cells.find((c) => c.address === figure2019)?.formula).toContain('"VII.1"');
  });

  test('follow VII.1 by key, blank while unfilled, even after the row moves', async () => {
    const { wb, ops } = setup();
    await ops.inject(['VII', 'OUTLINE']);
    const sheet = defaultSheetName('OUTLINE');
    expect(wb.getCell(sheet, figure2019).value).toBe('');
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(defaultSheetName('VII')).getRange(source2019).values = [[0.72]];
      await ctx.sync();
    });
    expect(wb.getCell(sheet, figure2019).value).toBe(0.72);
    // Insert a row above VII.1: the look-up by key still finds it.
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(defaultSheetName('VII')).getRange('7:7').insert('Down');
      await ctx.sync();
    });
    expect(wb.getCell(sheet, figure2019).value).toBe(0.72);
  });

  test('blank, not an error, without the Appendix 1 sheet', async () => {
    const { wb, ops } = setup();
    await ops.inject(['OUTLINE']);
    expect(wb.getCell(defaultSheetName('OUTLINE'), figure2019).value).toBe('');
  });
});
