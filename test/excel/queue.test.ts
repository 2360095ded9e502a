/**
 * Every write of the adapter is one description (src/excel/queue.ts): the same commands are
 * queued and costed. What they cost is never below what the in-memory workbook counts for the
 * request that carries them (payload.ts), and not far above it, so that requests are split where
 * Excel on the web needs it and no sooner.
 */
import { STYLES } from '../../src/layout';
import { FLAGS_NAME } from '../../src/layout/flagsName';
import { planGrid } from '../../src/layout/planGrid';
import { styleRects } from '../../src/layout/styleRects';
import {
  clearAreaCommands,
  columnCommands,
  commandsBytes,
  flagsNameCommands,
  freezeCommands,
  gridBlockCommands,
  mergeCommands,
  nameFormulaCommands,
  onSheet,
  queueCommands,
  rowHeightCommands,
  rulesCommands,
  styleCommands,
  validationCommands,
  type Command,
  type Features,
} from '../../src/excel/queue';
import { actionBytes, pathBytes, sheetPathBytes } from '../../src/excel/session';
import { createMemoryWorkbook } from '../../src/memoryExcel';
import { planOf } from './helpers';

const FEATURES: Features = {
  dataValidation: true,
  pageLayout: false,
  indent: false,
  customProperties: true,
  events: true,
};

/** The bytes the in-memory workbook counts for one request carrying `commands` on sheet 'S' (reached by id). */
async function counted(
  commands: (sheetId: string) => { root: 'sheet' | 'workbook'; list: Command[] },
  /** Queued with the first request (not counted): what the sheet holds before. */
  before?: (sheet: Excel.Worksheet) => void,
) {
  const wb = createMemoryWorkbook({ sheets: ['S'], payloadLimitBytes: Infinity });
  return wb.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem('S').load('id');
    before?.(sheet);
    await ctx.sync();
    const { root, list } = commands(sheet.id);
    const target = root === 'sheet' ? ctx.workbook.worksheets.getItem(sheet.id) : ctx.workbook;
    queueCommands(target, list);
    await ctx.sync();
    return { bytes: wb.stats.lastRequestBytes, id: sheet.id };
  });
}

test("a whole PAR sheet's description costs what the in-memory workbook counts, or a little more", async () => {
  const plan = planOf('PAR');
  const grid = planGrid(plan);
  const list: Command[] = [
    ...flagsNameCommands(),
    ...columnCommands(plan),
    ...gridBlockCommands(grid, 1, grid.rows),
    ...[...styleRects(plan)].flatMap(([id, rects]) => rects.flatMap((r) => styleCommands(STYLES[id], r, FEATURES))),
    ...mergeCommands(plan.merges),
    ...rowHeightCommands(plan),
    ...plan.validations.flatMap((v) => validationCommands(v)),
    ...rulesCommands(plan.conditionalFormats),
    ...freezeCommands(plan.freeze),
  ];
  const { bytes, id } = await counted(() => ({ root: 'sheet', list }));
  // The getItem reaching the sheet is costed by the caller (inject.ts), beside the description.
  const costed =
    commandsBytes(sheetPathBytes(id), list) + actionBytes(pathBytes('workbook', 'worksheets'), 'getItem', id);
  expect(costed).toBeGreaterThanOrEqual(bytes);
  expect(costed).toBeLessThanOrEqual(bytes * 1.15);
});

test('commands reached from the workbook (onSheet) cost their getItem once, as counted', async () => {
  const list = (id: string) =>
    onSheet(id, [...clearAreaCommands('A1:C3', FEATURES), ...nameFormulaCommands(FLAGS_NAME, '={""}')]);
  const { bytes, id } = await counted(
    (sheetId) => ({ root: 'workbook', list: list(sheetId) }),
    (sheet) => sheet.names.add(FLAGS_NAME, '={"A1"}'),
  );
  const costed = commandsBytes(pathBytes('workbook'), list(id));
  expect(costed).toBeGreaterThanOrEqual(bytes);
  expect(costed).toBeLessThanOrEqual(bytes * 1.15);
});

test('a rule added twice on one range is added twice (add makes a new object each time; getRange is reached once)', async () => {
  const cf = planOf('PAR').conditionalFormats[0];
  const wb = createMemoryWorkbook({ sheets: ['S'], payloadLimitBytes: Infinity });
  const count = await wb.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem('S');
    queueCommands(sheet, rulesCommands([cf, cf]));
    const result = sheet.getRange(cf.range).conditionalFormats.getCount();
    await ctx.sync();
    return result;
  });
  expect(count.value).toBe(2);
});
