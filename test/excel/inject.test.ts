import { latestParList, TEMPLATE_IDS, TEMPLATE_VERSION } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { UNPLACED_SHEET, VERSION_NAME, VERSION_PROPERTY } from '../../src/excel';
import { FLAGS_NAME } from '../../src/layout/flagsName';
import { buildWorkbookPlan, defaultSheetName, MARKER_NAME, markerFor, markerNameFormula } from '../../src/layout';
import { cellAddress, parseCell, parseRange } from '../../src/layout/a1';
import type { SheetPlan } from '../../src/layout/types';
import {
  cellOf,
  cellView,
  cfFormulas,
  nameFormula,
  planOf,
  rowOf,
  rowOfKey,
  setup,
  type MemoryWorkbook,
  eachApi,
} from './helpers';

const ALL = [...TEMPLATE_IDS];
const PAR = planOf('PAR');
const I = planOf('I');
/** The year a template's marker carries: the newest list's for PAR, none for the others. */
const yearOf = (id: TemplateId): number | undefined => (id === 'PAR' ? latestParList().year : undefined);

async function usedFormulas(wb: MemoryWorkbook, sheet: string): Promise<unknown[][]> {
  return wb.run(async (context) => {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true);
    used.load('formulas');
    await context.sync();
    return used.formulas;
  });
}

async function customProperty(wb: MemoryWorkbook, key: string): Promise<unknown> {
  return wb.run(async (context) => {
    const p = context.workbook.properties.custom.getItemOrNullObject(key);
    p.load('value');
    await context.sync();
    return p.isNullObject ? null : p.value;
  });
}

// Once at the declared minimum (ExcelApi 1.8) and once at the newest set (helpers.ts, API_SETS).
eachApi(() => {
  describe('inject into an empty workbook', () => {
    test('creates every sheet with marker, keys, formulas, rules, frozen panes and the version', async () => {
      const { wb, ops } = setup();
      const report = await ops.inject(ALL);
      const names = ALL.map((id) => defaultSheetName(id));
      expect(report.created).toEqual(names);
      expect(report.refreshed).toEqual([]);
      expect(report.unplaced).toEqual([]);
      // The sheet list, the unknown Sheet1's A1, and the writes: the ten templates (with the report
      // outline) are about 8 MB of request counted as Excel counts it (every command with its object
      // path), so three requests; one more shows the first new sheet with an input cell selected.
      expect(report.syncs).toBeLessThanOrEqual(6);
      expect(wb.sheetNames()).toEqual(['Sheet1', ...names]);

      for (const id of ALL)
        expect(wb.getCell(defaultSheetName(id), 'A1').value).toBe(markerFor(id, TEMPLATE_VERSION, yearOf(id)));
      // Keys are text in the hidden column A, even those that look like numbers.
      const key = cellView(wb, PAR.name, `A${rowOf(PAR, '1.6')}`);
      expect(key.value).toBe('1.6');
      expect(key.numberFormat).toBe('@');
      expect(wb.sheetView(PAR.name).hiddenColumns.has(0)).toBe(true); // 0-based
      // The parent's subtotal formula and the leaf's input format.
      expect(wb.getCell(PAR.name, cellOf(PAR, '1', 'score')).formula).toMatch(/^=IF\(COUNT\(H\d+/);
      const leaf = cellView(wb, PAR.name, cellOf(PAR, '1.1', 'score'));
      expect(leaf.hasValidation).toBe(true);
      expect(leaf.fill).toBe('#FFF2CC');
      // Labels that start with "- " are text, not formulas.
      const tasks = PAR.cells.find((c) => typeof c.value === 'string' && c.value.startsWith('- '));
      expect(tasks).toBeDefined();
      expect(wb.getCell(PAR.name, tasks!.address).value).toBe(tasks!.value);
      expect(wb.getCell(PAR.name, tasks!.address).formula).toBeUndefined();
      // Merges, conditional formats, frozen panes, the flags name.
      expect(wb.sheetView(I.name).merges).toEqual(expect.arrayContaining(I.merges));
      const cfs = await cfFormulas(wb, PAR.name);
      for (const cf of PAR.conditionalFormats) expect(cfs).toContain(cf.formula);
      expect(wb.sheetView(PAR.name).freeze).toEqual(PAR.freeze);
      expect(await nameFormula(wb, PAR.name, FLAGS_NAME)).toBe('={""}');
      // The version, where any add-in instance looks for it.
      expect(await customProperty(wb, VERSION_PROPERTY)).toBe(TEMPLATE_VERSION);
      expect(
        await wb.run(async (context) => {
          const n = context.workbook.names.getItem(VERSION_NAME);
          n.load('formula');
          await context.sync();
          return n.formula;
        }),
      ).toBe(`="${TEMPLATE_VERSION}"`);
      // The status sheet points at the sheets as named.
      const status = (await usedFormulas(wb, defaultSheetName('STATUS')))
        .flat()
        .filter((f) => typeof f === 'string' && f.startsWith('='));
      expect(status.some((f) => String(f).includes(`'${PAR.name}'!`))).toBe(true);
      expect(wb.getCell(defaultSheetName('STATUS'), 'A1').value).toBe(markerFor('STATUS', TEMPLATE_VERSION));
    });

    test('any subset of templates', async () => {
      const { wb, ops } = setup();
      const report = await ops.inject(['III', 'PAR']);
      expect(report.created).toEqual([defaultSheetName('III'), PAR.name]);
      expect(wb.sheetNames()).toEqual(['Sheet1', defaultSheetName('III'), PAR.name]);
    });

    test('inspect tells what inject would do', async () => {
      const { ops } = setup({ sheets: ['Sheet1', PAR.name] });
      const before = await ops.inspect();
      expect(before.workbookVersion).toBeNull();
      expect(before.present).toEqual([]);
      expect(before.plan.find((p) => p.templateId === 'PAR')).toMatchObject({
        action: 'create',
        sheet: `${PAR.name} (2)`,
      });
      await ops.inject(['I']);
      const after = await ops.inspect();
      expect(after.workbookVersion).toBe(TEMPLATE_VERSION);
      expect(after.present).toEqual([{ templateId: 'I', sheet: I.name, version: TEMPLATE_VERSION }]);
      expect(after.plan.find((p) => p.templateId === 'I')?.action).toBe('refresh');
    });
  });

  describe('re-inject keeps every value', () => {
    test('values stay, template cells that differ are rewritten, nothing else', async () => {
      const { wb, ops } = setup();
      await ops.inject(ALL);
      await wb.setCellFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), '1.5');
      await wb.setCellFromUser(PAR.name, cellOf(PAR, '1.1', 'evidence'), 'QĐ 12/QĐ-UBND');
      await wb.setCellFromUser(I.name, cellOf(I, 'I.2', '2019'), '14');
      // Someone types over a label and clears a key.
      const label = `C${rowOf(PAR, '1.2')}`;
      const labelText = wb.getCell(PAR.name, label).value;
      await wb.setCellFromUser(PAR.name, label, 'nhãn bị sửa');
      await wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(PAR.name);
        ws.getRange('E6').format.fill.color = '#FF0000';
        await context.sync();
      });
      const firstCost = wb.stats().operations;
      wb.resetStats();

      const report = await ops.inject(ALL);
      expect(report.created).toEqual([]);
      expect(report.refreshed).toEqual(ALL.map((id) => defaultSheetName(id)));
      expect(report.unplaced).toEqual([]);
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.1', 'score')).value).toBe(1.5);
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.1', 'evidence')).value).toBe('QĐ 12/QĐ-UBND');
      expect(wb.getCell(I.name, cellOf(I, 'I.2', '2019')).value).toBe(14);
      expect(wb.getCell(PAR.name, label).value).toBe(labelText);
      expect(wb.getCell(PAR.name, 'E6').fill).not.toBe('#FF0000');
      // A refresh is a diff, not a rewrite: a small fraction of the commands of the first inject.
      expect(wb.stats().operations).toBeLessThan(firstCost / 4);
      expect(wb.stats().syncs).toBeLessThanOrEqual(3);
    });

    test('a typed-over subtotal is left for Subtotals, with a note', async () => {
      const { wb, ops } = setup();
      await ops.inject(['PAR']);
      const parent = cellOf(PAR, '1', 'score');
      await wb.pasteFromUser(PAR.name, parent, [['8.3']]);
      const report = await ops.inject(['PAR']);
      expect(wb.getCell(PAR.name, parent).value).toBe(8.3);
      expect(report.notes.some((n) => n.en.includes('typed numbers') && n.vi.includes('nhập tay'))).toBe(true);
    });

    test('rows sorted by a user: values stay with their keys', async () => {
      const { wb, ops } = setup();
      await ops.inject(['PAR']);
      const keys = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'];
      const scores = [1.5, 0.5, 1, 1.25, 0.75, 1.5];
      for (let i = 0; i < keys.length; i++) {
        await wb.setCellFromUser(PAR.name, cellOf(PAR, keys[i], 'score'), String(Math.min(scores[i], 0.5)));
        await wb.setCellFromUser(PAR.name, cellOf(PAR, keys[i], 'evidence'), `VB số ${i + 1}`);
      }
      // Sort rows 1.1…1.6 in reverse (whole rows, keys included), as Data › Sort would.
      const top = rowOf(PAR, '1.1');
      const bottom = rowOf(PAR, '1.6');
      await wb.run(async (context) => {
        const range = context.workbook.worksheets.getItem(PAR.name).getRange(`A${top}:L${bottom}`);
        range.load('formulas');
        await context.sync();
        // Text read back through formulas is written back as typed text (Excel would re-read "- …").
        range.formulas = range.formulas
          .slice()
          .reverse()
          .map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('- ') ? `'${v}` : v)));
        await context.sync();
      });
      expect(await rowOfKey(wb, PAR.name, '1.1')).toBe(bottom);

      const report = await ops.inject(['PAR']);
      expect(report.refreshed).toEqual([PAR.name]);
      expect(report.unplaced).toEqual([]);
      for (let i = 0; i < keys.length; i++) {
        expect(await rowOfKey(wb, PAR.name, keys[i])).toBe(rowOf(PAR, keys[i]));
        expect(wb.getCell(PAR.name, cellOf(PAR, keys[i], 'score')).value).toBe(Math.min(scores[i], 0.5));
        expect(wb.getCell(PAR.name, cellOf(PAR, keys[i], 'evidence')).value).toBe(`VB số ${i + 1}`);
      }
      // Subtotals work again on the planned rows.
      expect(wb.getCell(PAR.name, cellOf(PAR, '1', 'score')).formula).toBe(
        PAR.cells.find((c) => c.address === cellOf(PAR, '1', 'score'))?.formula,
      );
    });

    test('a row inserted by a user: values by key, the note typed there kept aside', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I']);
      await wb.setCellFromUser(I.name, cellOf(I, 'I.2', '2019'), '14');
      const at = rowOf(I, 'I.2');
      await wb.run(async (context) => {
        context.workbook.worksheets.getItem(I.name).getRange(`${at}:${at}`).insert('Down');
        await context.sync();
      });
      await wb.setCellFromUser(I.name, `C${at}`, 'Ghi chú: số liệu tạm tính');
      expect(await rowOfKey(wb, I.name, 'I.2')).toBe(at + 1);

      const report = await ops.inject(['I']);
      expect(await rowOfKey(wb, I.name, 'I.2')).toBe(at);
      expect(wb.getCell(I.name, cellOf(I, 'I.2', '2019')).value).toBe(14);
      expect(report.unplaced).toEqual([
        { sheet: I.name, rowKey: '', column: `C${at}`, value: 'Ghi chú: số liệu tạm tính' },
      ]);
      expect(report.unplacedSheet).toBe(UNPLACED_SHEET);
      const kept = (await usedFormulas(wb, UNPLACED_SHEET)).map((r) => r.slice(0, 4));
      expect(kept).toContainEqual([I.name, '', `C${at}`, 'Ghi chú: số liệu tạm tính']);
    });

    test('a column inserted by a user: values found under their headers', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I']);
      await wb.setCellFromUser(I.name, cellOf(I, 'I.2', '2015'), '2');
      await wb.setCellFromUser(I.name, cellOf(I, 'I.2', '2019'), '14');
      const col2015 = cellOf(I, 'I.2', '2015').replace(/\d+/g, '');
      await wb.run(async (context) => {
        context.workbook.worksheets.getItem(I.name).getRange(`${col2015}:${col2015}`).insert('Right');
        await context.sync();
      });
      await wb.setCellFromUser(I.name, `${col2015}${rowOf(I, 'I.2')}`, 'ghi chú');

      const report = await ops.inject(['I']);
      expect(report.refreshed).toEqual([I.name]);
      expect(wb.getCell(I.name, cellOf(I, 'I.2', '2015')).value).toBe(2);
      expect(wb.getCell(I.name, cellOf(I, 'I.2', '2019')).value).toBe(14);
      expect(wb.getCell(I.name, `${col2015}${I.headerRows[0]}`).value).toBe('Năm 2015');
      // The note typed in the inserted column has no place in the template: it is kept aside.
      expect(report.unplaced).toEqual([
        { sheet: I.name, rowKey: 'I.2', column: `${col2015}${rowOf(I, 'I.2')}`, value: 'ghi chú' },
      ]);
      expect(report.valuesKept).toBe(2);
      // Nothing is left over right of the table.
      const right = String.fromCharCode(64 + Math.max(...I.columns.map((c) => c.letter.charCodeAt(0) - 64)) + 1);
      expect(wb.getCell(I.name, `${right}${rowOf(I, 'I.2')}`).value).toBe('');
      expect(wb.getCell(I.name, `${right}${I.headerRows[0]}`).value).toBe('');
    });
  });

  describe('a sheet of the same name that is not ours', () => {
    test('is never touched; ours gets a free name and the status sheet follows it', async () => {
      const { wb, ops } = setup({ sheets: ['Sheet1', PAR.name] });
      await wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(PAR.name);
        ws.getRange('A1:B2').values = [
          ['Bảng điểm riêng của tôi', ''],
          ['', 42],
        ];
        await context.sync();
      });
      const report = await ops.inject(ALL);
      const used = `${PAR.name} (2)`;
      expect(report.renamed).toEqual([{ wanted: PAR.name, used }]);
      expect(report.created).toContain(used);
      expect(wb.getCell(PAR.name, 'A1').value).toBe('Bảng điểm riêng của tôi');
      expect(wb.getCell(PAR.name, 'B2').value).toBe(42);
      expect(wb.sheetView(PAR.name).merges).toEqual([]);
      expect(wb.getCell(used, 'A1').value).toBe(markerFor('PAR', TEMPLATE_VERSION, yearOf('PAR')));
      const status = (await usedFormulas(wb, defaultSheetName('STATUS'))).flat().map(String);
      expect(status.some((f) => f.includes(`'${used}'!`))).toBe(true);
      expect(status.some((f) => f.includes(`'${PAR.name}'!`))).toBe(false);

      // Injecting again refreshes ours (found by its marker) and still leaves the other alone.
      const again = await ops.inject(ALL);
      expect(again.renamed).toEqual([]);
      expect(again.refreshed).toContain(used);
      expect(wb.getCell(PAR.name, 'B2').value).toBe(42);
    });

    test('a renamed sheet of ours is still ours', async () => {
      const { wb, ops, fresh } = setup();
      await ops.inject(['I']);
      await wb.run(async (context) => {
        context.workbook.worksheets.getItem(I.name).name = 'Biểu I của tôi';
        await context.sync();
      });
      await wb.setCellFromUser('Biểu I của tôi', cellOf(I, 'I.2', '2018'), '3');
      const report = await fresh().inject(['I']);
      expect(report.created).toEqual([]);
      expect(report.refreshed).toEqual(['Biểu I của tôi']);
      expect(wb.getCell('Biểu I của tôi', cellOf(I, 'I.2', '2018')).value).toBe(3);
    });
  });

  /**
   * An "older version" of the PAR plan: version 0.9.0, rows 1.1 and 1.2 the other way round, key
   * 1.6 under a key the current version no longer has, and no 7.2.other row.
   */
  function olderPar(): SheetPlan {
    const plan: SheetPlan = JSON.parse(JSON.stringify(PAR)) as SheetPlan;
    plan.version = '0.9.0';
    delete plan.year; // a plan from before lists had years: its marker has none
    const a = rowOf(PAR, '1.1');
    const b = rowOf(PAR, '1.2');
    const other = rowOf(PAR, '7.2.other');
    const swap = (row: number) => (row === a ? b : row === b ? a : row);
    plan.cells = plan.cells
      .filter((c) => parseCell(c.address).row !== other)
      .map((c) => {
        const { row, col } = parseCell(c.address);
        const moved = { ...c, address: cellAddress(swap(row), col) };
        if (moved.address === 'A1') moved.value = markerFor('PAR', '0.9.0');
        if (moved.value === '1.6' && col === 1) moved.value = '1.6.cu';
        return moved;
      });
    plan.rows = plan.rows
      .filter((r) => r.key !== '7.2.other')
      .map((r) => ({ ...r, row: swap(r.row), key: r.key === '1.6' ? '1.6.cu' : r.key }));
    const touchesOther = (range: string) => {
      const r = parseRange(range);
      return r.top <= other && r.bottom >= other;
    };
    plan.validations = plan.validations.filter((v) => !touchesOther(v.range));
    plan.conditionalFormats = plan.conditionalFormats.filter(
      (cf) => cf.purpose === 'flagged' || !touchesOther(cf.range),
    );
    return plan;
  }

  describe('upgrade from an older template version', () => {
    async function fillOld(wb: MemoryWorkbook, old: SheetPlan) {
      await wb.pasteFromUser(PAR.name, cellOf(old, '1.1', 'score'), [['1.5']]);
      await wb.pasteFromUser(PAR.name, cellOf(old, '1.1', 'evidence'), [['Báo cáo 01']]);
      await wb.pasteFromUser(PAR.name, cellOf(old, '1.2', 'score'), [['0.5']]);
      await wb.pasteFromUser(PAR.name, cellOf(old, '1.6.cu', 'score'), [['0.25']]);
      await wb.pasteFromUser(I.name, cellOf(I, 'I.2', '2019'), [['14']]);
    }

    test.each([
      ['with the old plan known', true],
      ['finding columns by header text', false],
    ])('values move to the new layout, the retired key is reported and kept aside (%s)', async (_, known) => {
      const old = olderPar();
      const { wb, ops } = setup(
        {},
        known ? { legacyPlan: (id, version) => (id === 'PAR' && version === '0.9.0' ? old : null) } : {},
      );
      await ops.injectPlans([old, planOf('I')]);
      expect(wb.getCell(PAR.name, 'A1').value).toBe(markerFor('PAR', '0.9.0'));
      // The name states the year a marker without one stands for.
      expect(await nameFormula(wb, PAR.name, MARKER_NAME)).toBe(markerNameFormula('PAR', '0.9.0', 2021));
      await fillOld(wb, old);
      const status = await ops.inspect();
      expect(status.plan.find((p) => p.templateId === 'PAR')?.action).toBe('upgrade');

      const report = await ops.inject(['PAR', 'I']);
      expect(report.upgraded).toEqual([PAR.name]);
      expect(report.refreshed).toEqual([I.name]);
      expect(wb.getCell(PAR.name, 'A1').value).toBe(markerFor('PAR', TEMPLATE_VERSION, yearOf('PAR')));
      // The name follows the upgrade (its formula set, not a second name added).
      expect(await nameFormula(wb, PAR.name, MARKER_NAME)).toBe(
        markerNameFormula('PAR', TEMPLATE_VERSION, yearOf('PAR')),
      );
      expect(await rowOfKey(wb, PAR.name, '1.1')).toBe(rowOf(PAR, '1.1'));
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.1', 'score')).value).toBe(1.5);
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.1', 'evidence')).value).toBe('Báo cáo 01');
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.2', 'score')).value).toBe(0.5);
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.6', 'score')).value).toBe('');
      expect(wb.getCell(PAR.name, `A${rowOf(PAR, '7.2.other')}`).value).toBe('7.2.other');
      expect(wb.getCell(I.name, cellOf(I, 'I.2', '2019')).value).toBe(14);
      expect(report.valuesKept).toBe(3);
      expect(report.unplaced).toEqual([{ sheet: PAR.name, rowKey: '1.6.cu', column: 'score', value: 0.25 }]);
      expect(report.unplacedSheet).toBe(UNPLACED_SHEET);
      const aside = await usedFormulas(wb, UNPLACED_SHEET);
      expect(aside[1].slice(0, 5)).toEqual([PAR.name, '1.6.cu', 'score', 0.25, '0.9.0']);
      expect(wb.sheetView(UNPLACED_SHEET).visibility).toBe('Visible');
      expect(await customProperty(wb, VERSION_PROPERTY)).toBe(TEMPLATE_VERSION);
      // The new layout's rules are all there, once.
      const cfs = await cfFormulas(wb, PAR.name);
      expect(cfs.length).toBe(PAR.conditionalFormats.length);
    });

    test('a second upgrade appends to the list kept aside, newest first', async () => {
      const old = olderPar();
      const { wb, ops } = setup({}, { legacyPlan: () => old });
      await ops.injectPlans([old]);
      await wb.pasteFromUser(PAR.name, cellOf(old, '1.6.cu', 'score'), [['0.25']]);
      await ops.inject(['PAR']);
      // Another copy of the old template comes back (say, from a colleague's file).
      await ops.injectPlans([{ ...old, name: 'PAR cũ' }]);
      await wb.pasteFromUser('PAR cũ', cellOf(old, '1.6.cu', 'score'), [['0.5']]);
      const report = await ops.inject(['PAR']);
      expect(report.upgraded).toEqual(['PAR cũ']);
      const aside = await usedFormulas(wb, UNPLACED_SHEET);
      expect(aside.slice(1).map((r) => r.slice(0, 4))).toEqual([
        ['PAR cũ', '1.6.cu', 'score', 0.5],
        [PAR.name, '1.6.cu', 'score', 0.25],
      ]);
    });
  });

  describe('requirement sets', () => {
    test('ExcelApi 1.8: no print setup, a note, no crash', async () => {
      const { wb, ops } = setup({ api: '1.8' });
      expect(ops.hostInfo().supports).toEqual({ excelApi18: true, excelApi19: false, customProperties: true });
      const report = await ops.inject(ALL);
      expect(report.created.length).toBe(ALL.length);
      expect(report.notes.map((n) => n.en).join(' ')).toMatch(/Print setup .* skipped: .*ExcelApi 1\.9/);
      expect(report.notes.map((n) => n.vi).join(' ')).toMatch(/khổ in/);
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.1', 'score')).hasValidation).toBe(true);
      const v = await ops.validate();
      expect(v.counts.error).toBe(0);
    });

    test('ExcelApi 1.9: print setup applied without a note', async () => {
      const { wb, ops } = setup({ api: '1.9' });
      const report = await ops.inject(['PAR']);
      expect(report.notes).toEqual([]);
      const orientation = await wb.run(async (context) => {
        const layout = context.workbook.worksheets.getItem(PAR.name).pageLayout;
        layout.load('orientation,paperSize');
        await context.sync();
        return [layout.orientation, layout.paperSize];
      });
      expect(orientation).toEqual([PAR.print.orientation === 'landscape' ? 'Landscape' : 'Portrait', 'A4']);
    });
  });

  describe('sync budget', () => {
    const copyIds: TemplateId[] = ALL.filter((id) => id !== 'STATUS');
    async function withCopies(copies: number) {
      const s = setup();
      await s.ops.inject(ALL);
      for (let i = 2; i <= copies; i++) {
        const sheetNames: Partial<Record<TemplateId, string>> = {};
        for (const id of copyIds) sheetNames[id] = `${defaultSheetName(id)} #${i}`;
        await s.ops.injectPlans(buildWorkbookPlan({ templates: copyIds, sheetNames }));
      }
      return s;
    }

    // Inject: the read (split where its requests or answers pass 4 MiB), the write (roundTrips.test.ts).
    test.each([
      [1, 3],
      [10, 3],
    ])('%i copies: inject ≤ %i syncs, validate ≤ 2 (pane already open)', async (copies, injectSyncs) => {
      const { wb, fresh } = await withCopies(copies);
      const ops = fresh();
      await ops.inspect();
      wb.resetStats();
      const v = await ops.validate();
      expect(wb.stats().syncs).toBeLessThanOrEqual(2);
      expect(v.syncs).toBe(wb.stats().syncs);
      wb.resetStats();
      const r = await ops.inject(ALL);
      expect(wb.stats().syncs).toBeLessThanOrEqual(injectSyncs);
      expect(r.refreshed.length).toBe(ALL.length + (copies - 1) * copyIds.length);
      wb.resetStats();
      await ops.validate();
      expect(wb.stats().syncs).toBeLessThanOrEqual(2);
    });

    test('a fresh pane on a known workbook: one more round trip to find the sheets, no more', async () => {
      const { wb, fresh } = await withCopies(1);
      const ops = fresh();
      wb.resetStats();
      await ops.validate();
      expect(wb.stats().syncs).toBeLessThanOrEqual(3);
    });
  });

  describe('conditional format priority', () => {
    test("keeps the plan's order: the first rule of the plan is the workbook's highest-priority rule", async () => {
      const { wb, ops } = setup();
      await ops.inject(['PAR']);
      const inWorkbook = await cfFormulas(wb, defaultSheetName('PAR'));
      const planned = PAR.conditionalFormats.map((cf) => cf.formula);
      expect(inWorkbook).toHaveLength(planned.length);
      // Office.js adds each new rule on top, so an adapter that adds in plan order reverses it.
      expect(inWorkbook).toEqual(planned);
      expect(PAR.conditionalFormats[0].purpose).toBe('invalid');
    });
  });
});
