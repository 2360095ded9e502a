/**
 * office-js #2891: the formulas of names are parsed with the system's list separator. On a
 * Vietnamese Windows (";"), an array constant written with "," is not what the add-in meant; the
 * imitation refuses it outright (stricter than a misparse), and accepts what reads the same in
 * every locale: a text constant, an array of one item, a reference to a sheet whose name has a comma.
 */
import { createMemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

const SHEET = 'I. Lĩnh vực chỉ đạo, điều hành';

async function addName(listSeparator: ',' | ';', formula: string): Promise<string> {
  const wb = createMemoryWorkbook({ sheets: [SHEET], listSeparator });
  return codeOf(
    wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).names.add('CCHC_TEST', formula);
      await ctx.sync();
    }),
  );
}

async function setName(listSeparator: ',' | ';', formula: string): Promise<string> {
  const wb = createMemoryWorkbook({ sheets: [SHEET], listSeparator });
  await wb.run(async (ctx) => {
    ctx.workbook.names.add('CCHC_TEST', '="x"');
    await ctx.sync();
  });
  return codeOf(
    wb.run(async (ctx) => {
      ctx.workbook.names.getItem('CCHC_TEST').formula = formula;
      await ctx.sync();
    }),
  );
}

const WRITES = [
  ['names.add', addName],
  ['NamedItem.formula', setName],
] as const;

describe('name formulas and the system list separator', () => {
  test.each(WRITES)('%s: an array constant with "," fails on a ";" system, works on a "," one', async (_, write) => {
    expect(await write(';', '={"D7","E9"}')).toBe('InvalidArgument');
    expect(await write(';', '=SUM(1,2)')).toBe('InvalidArgument');
    expect(await write(',', '={"D7","E9"}')).toBe('no error');
  });

  test.each(WRITES)('%s: formulas without a list separator read the same everywhere', async (_, write) => {
    for (const formula of ['="1.0.0"', '={""}', '="|D7|E9, w|"', `='${SHEET}'!$A$1`])
      expect({ formula, code: await write(';', formula) }).toEqual({ formula, code: 'no error' });
  });
});
