/**
 * Which decimal separator the pane takes from Excel: Excel's own when "Use system separators" is
 * off, the system's when it is on (Application, ExcelApi 1.11). The stand-in context answers as
 * an Excel whose system writes '.' while Excel itself is set to ','.
 */
import type { ExcelRun } from '../../src/excel/core';
import { excelDecimalSeparator } from '../../src/excel/numberSettings';

function excelWith(useSystemSeparators: boolean): { run: ExcelRun; syncs: () => number } {
  let syncs = 0;
  const loaded = new Set<string>();
  const application = {
    load: (props: string) => props.split(',').forEach((p) => loaded.add(`application.${p}`)),
    get useSystemSeparators() {
      if (!loaded.has('application.useSystemSeparators')) throw new Error('useSystemSeparators read before load');
      return useSystemSeparators;
    },
    get decimalSeparator() {
      if (!loaded.has('application.decimalSeparator')) throw new Error('decimalSeparator read before load');
      return ',';
    },
    cultureInfo: {
      numberFormat: {
        load: (props: string) => loaded.add(`culture.${props}`),
        get numberDecimalSeparator() {
          if (!loaded.has('culture.numberDecimalSeparator')) throw new Error('numberDecimalSeparator read before load');
          return '.';
        },
      },
    },
  };
  const context = { application, sync: async () => void syncs++ } as unknown as Excel.RequestContext;
  const run = (<T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(context)) as ExcelRun;
  return { run, syncs: () => syncs };
}

test("Excel's own separator wins when it does not use the system's, in one round trip", async () => {
  const excel = excelWith(false);
  expect(await excelDecimalSeparator(excel.run)).toBe(',');
  expect(excel.syncs()).toBe(1);
});

test("the system's separator when Excel uses it", async () => {
  const excel = excelWith(true);
  expect(await excelDecimalSeparator(excel.run)).toBe('.');
  expect(excel.syncs()).toBe(1);
});
