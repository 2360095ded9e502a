/**
 * The adapter's writeConsolidation on the in-memory workbook: the template sheets are created by
 * inject's path, the consolidated figures land in the cells of their row keys, the sources sheet
 * is written, rewritten on a second run, and a foreign sheet of the same name is kept; the sheets'
 * prompts follow this Excel's decimal separator, as inject's.
 */
import { consolidate, type ReadReturn } from '../../src/consolidate';
import { SOURCES_SHEET, toWrite } from '../../src/consolidate/paneWrite';
import type { SheetSnapshot } from '../../src/engine/types';
import { makeSnapshot } from '../engine/snapshot';
import { Workbook } from 'exceljs';
import { TEMPLATE_IDS, TEMPLATE_VERSION } from '../../src/catalog';
import { consolidatedWorkbook } from '../../src/xlsxWrite/writeConsolidation';
import { cellOf, eachApi, planOf, setup } from '../excel/helpers';

function book(file: string, reporter: string, sheets: SheetSnapshot[]): ReadReturn {
  return { file, book: { file, snapshots: sheets, reporter, otherSheets: [], parseMs: 0 } };
}

const files = [
  book('a.xlsx', 'UBND quận Ba Đình', [
    makeSnapshot('I', { values: { 'I.2': { '2019': 10 } } }),
    makeSnapshot('PAR', { values: { '1.1': { score: 1.25, evidence: 'QĐ 12' } } }),
  ]),
  book('b.xlsx', 'Sở Nội vụ', [
    makeSnapshot('I', { values: { 'I.2': { '2019': 5 } } }),
    makeSnapshot('PAR', { values: { '1.2': { score: 0.5 } } }),
  ]),
];

async function read(wb: ReturnType<typeof setup>['wb'], sheet: string, address: string): Promise<unknown[][]> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('values');
    await ctx.sync();
    return r.values;
  });
}

async function sheetNames(wb: ReturnType<typeof setup>['wb']): Promise<string[]> {
  return wb.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    return sheets.items.map((s) => s.name);
  });
}

const input = toWrite(consolidate(files, 'vi'), 'vi', 'add-in CCHC', new Date(2026, 0, 2));

describe('writeConsolidation', () => {
  it('writes a raw value that starts like a formula ("- không có", "+84", "=1+1") as the text it is', async () => {
    const { wb, ops } = setup();
    const raws = ['- không có', '+84 912 345 678', '=1+1', '@đơn vị'];
    const report = await ops.writeConsolidation({
      sheets: [],
      par: [{ rowKey: '1.1', score: null, evidence: '- không có' }],
      sources: { name: SOURCES_SHEET, rows: [raws] },
    });
    expect(await read(wb, report.sourcesSheet, 'A1:D1')).toEqual([raws]);
    const par = planOf('PAR');
    expect(await read(wb, par.name, cellOf(par, '1.1', 'evidence'))).toEqual([['- không có']]);
  });

  it('creates the template sheets and writes each figure at its row key: 10 + 5 = 15', async () => {
    const { wb, ops } = setup();
    const report = await ops.writeConsolidation(input);
    const i = planOf('I');
    const par = planOf('PAR');
    expect(report.created).toEqual([i.name, par.name]);
    expect(await read(wb, i.name, cellOf(i, 'I.2', '2019'))).toEqual([[15]]);
    expect(await read(wb, i.name, 'A1')).toEqual([[`cchc-template:I@${TEMPLATE_VERSION}`]]);
    // 1.2 is led by Sở Nội vụ: taken. 1.1 (also Sở Nội vụ's) came from a district: a conflict, left empty.
    expect(await read(wb, par.name, cellOf(par, '1.2', 'score'))).toEqual([[0.5]]);
    expect(await read(wb, par.name, cellOf(par, '1.1', 'score'))).toEqual([['']]);
    expect(report.sourcesSheet).toBe(SOURCES_SHEET);
    const sources = await read(wb, SOURCES_SHEET, 'A1:H6');
    expect(sources[0][0]).toBe('NGUỒN SỐ LIỆU CỦA BẢNG TỔNG HỢP PHỤ LỤC 1');
    expect(sources[5].slice(0, 3)).toEqual([1, 'a.xlsx', 'UBND quận Ba Đình']);
  });

  it('empties a chosen score written before once the choice is dropped (its file changed)', async () => {
    const { wb, ops } = setup();
    const hashed = files.map((f, i) => ({ ...f, hash: `h${i}` }));
    const choice = { rowKey: '1.1', hash: 'h0', unit: 'UBND quận Ba Đình', at: '2026-01-02T00:00:00.000Z' };
    await ops.writeConsolidation(toWrite(consolidate(hashed, 'vi', undefined, {}, [choice]), 'vi', 'add-in CCHC'));
    const par = planOf('PAR');
    expect(await read(wb, par.name, cellOf(par, '1.1', 'score'))).toEqual([[1.25]]);
    const changed = [{ ...hashed[0], hash: 'h0-edited' }, hashed[1]];
    await ops.writeConsolidation(toWrite(consolidate(changed, 'vi', undefined, {}, [choice]), 'vi', 'add-in CCHC'));
    expect(await read(wb, par.name, cellOf(par, '1.1', 'score'))).toEqual([['']]);
    expect(await read(wb, par.name, cellOf(par, '1.1', 'evidence'))).toEqual([['']]);
    expect(await read(wb, par.name, cellOf(par, '1.2', 'score'))).toEqual([[0.5]]);
  });

  it('rewrites its own sources sheet on a second run and keeps a foreign sheet of that name', async () => {
    const { wb, ops } = setup();
    await ops.writeConsolidation(input);
    await ops.writeConsolidation(input);
    expect((await sheetNames(wb)).filter((n) => n.startsWith(SOURCES_SHEET))).toEqual([SOURCES_SHEET]);

    const other = setup();
    await other.wb.run(async (ctx) => {
      ctx.workbook.worksheets.add(SOURCES_SHEET).getRange('A1').values = [['ghi chú riêng']];
      await ctx.sync();
    });
    const report = await other.ops.writeConsolidation(input);
    expect(report.sourcesSheet).not.toBe(SOURCES_SHEET);
    expect(await read(other.wb, SOURCES_SHEET, 'A1')).toEqual([['ghi chú riêng']]);
    expect(report.renamed).toContainEqual({ wanted: SOURCES_SHEET, used: report.sourcesSheet });
  });

  it('says whose returns each consolidated sheet totals, in its reporting-unit cell', async () => {
    const { wb, ops } = setup();
    await ops.writeConsolidation(input);
    for (const id of ['I', 'PAR'] as const) {
      const plan = planOf(id);
      const [[reporter]] = await read(wb, plan.name, cellOf(plan, 'meta.reporter', 'reporter'));
      expect(reporter).toBe('Bảng tổng hợp của 2 đơn vị: UBND quận Ba Đình; Sở Nội vụ');
    }
  });

  it('creates the sheets as Chèn biểu mẫu does in this Excel: prompts with its decimal separator', async () => {
    const par = planOf('PAR');
    const score = cellOf(par, '1.1', 'score');
    const point = setup({}, { numberSettings: { decimalSeparator: '.' } });
    await point.ops.writeConsolidation(input);
    expect(point.wb.validationPrompt(par.name, score)?.message).toContain('từ 0 đến 1.5 (điểm tối đa)');
    const unknown = setup();
    await unknown.ops.writeConsolidation(input);
    expect(unknown.wb.validationPrompt(par.name, score)?.message).toContain('từ 0 đến 1,5 (điểm tối đa)');
  });
});

/** Every template sheet's cells, values and formulas, as Range.values/formulas read them. */
async function everyCell(wb: ReturnType<typeof setup>['wb']): Promise<Record<string, unknown>> {
  return wb.run(async (ctx) => {
    const ranges = TEMPLATE_IDS.map((id) => {
      const r = ctx.workbook.worksheets.getItem(planOf(id).name).getUsedRange().load('address,values,formulas');
      return [id, r] as const;
    });
    await ctx.sync();
    return Object.fromEntries(
      ranges.map(([id, r]) => [id, { address: r.address, values: r.values, formulas: r.formulas }]),
    );
  });
}

eachApi(() => {
  describe('a workbook holding a unit’s own return', () => {
    it('is never written over: the write is refused, saying why, and every cell stays as it was', async () => {
      const { wb, ops } = setup();
      await ops.inject([...TEMPLATE_IDS]);
      const I = planOf('I');
      const VII = planOf('VII');
      const VIII = planOf('VIII');
      const PAR = planOf('PAR');
      await wb.setCellFromUser(I.name, cellOf(I, 'meta.reporter', 'reporter'), 'UBND quận Hoàn Kiếm');
      await wb.setCellFromUser(I.name, cellOf(I, 'I.2', '2019'), '7');
      await wb.pasteFromUser(VII.name, cellOf(VII, 'VII.1', '2019'), [['72%']]);
      await wb.setCellFromUser(VIII.name, cellOf(VIII, 'VIII.8', 'assessment'), 'Không đạt');
      await wb.setCellFromUser(PAR.name, cellOf(PAR, '1.3', 'score'), '0.5');
      const before = await everyCell(wb);
      const sheetsBefore = await sheetNames(wb);
      await expect(ops.writeConsolidation(input)).rejects.toMatchObject({ code: 'HoldsUnitData' });
      expect(await everyCell(wb)).toEqual(before);
      expect(await sheetNames(wb)).toEqual(sheetsBefore);
    });

    it('opens the consolidation as a workbook of its own (Excel.createWorkbook): the same file the CLI writes', async () => {
      const { wb, ops } = setup();
      await ops.inject([...TEMPLATE_IDS]);
      const I = planOf('I');
      await wb.setCellFromUser(I.name, cellOf(I, 'I.2', '2019'), '7');
      const before = await everyCell(wb);
      const bytes = await consolidatedWorkbook(consolidate(files, 'vi'), 'vi');
      const base64 = Buffer.from(bytes).toString('base64');
      await ops.openWorkbook(base64);
      expect(wb.createdWorkbooks).toEqual([base64]);
      expect(await everyCell(wb)).toEqual(before);
      const opened = new Workbook();
      await opened.xlsx.load(Buffer.from(wb.createdWorkbooks[0], 'base64') as unknown as ArrayBuffer);
      const sheet = opened.getWorksheet(I.name)!;
      expect(sheet.getCell(cellOf(I, 'I.2', '2019')).value).toBe(15);
      expect(sheet.getCell(cellOf(I, 'meta.reporter', 'reporter')).value).toBe(
        'Bảng tổng hợp của 2 đơn vị: UBND quận Ba Đình; Sở Nội vụ',
      );
    });

    it('refuses a file that is no .xlsx, with a readable error, and opens nothing', async () => {
      const { wb, ops } = setup();
      await expect(ops.openWorkbook(Buffer.from('not a workbook').toString('base64'))).rejects.toMatchObject({
        code: 'InvalidArgument',
      });
      expect(wb.createdWorkbooks).toEqual([]);
    });
  });
});
