/**
 * The adapter passes this Excel's number settings (deps.numberSettings, read by the pane) to the
 * engine: "Kiểm tra dữ liệu" and live validation write numbers with this Excel's decimal
 * separator and say which one it uses. Switch the settings, the messages follow. "Chèn biểu mẫu"
 * writes the data-validation prompts with it too, and leaves a co-author's prompts alone.
 */
import type { ValidationReport } from '../../src/contracts/operations';
import type { DecimalSeparator } from '../../src/engine/types';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { opsFor } from './coauthoringScenarios';
import { cellOf, planOf, setup } from './helpers';

const PAR = planOf('PAR');
const cell = cellOf(PAR, '1.1', 'score2021');

async function pastedComma(decimalSeparator: DecimalSeparator | null) {
  const s = setup({}, decimalSeparator === null ? {} : { numberSettings: { decimalSeparator } });
  await s.ops.inject(['PAR']);
  await s.wb.pasteFromUser(PAR.name, cell, [['0,5']]);
  return s;
}

const commaFinding = (r: ValidationReport) => r.findings.find((f) => f.cell === cell && f.code === 'decimal-comma');

describe('number settings of this Excel', () => {
  test('"Kiểm tra dữ liệu" in an Excel set to ".": the pasted "0,5" is told this Excel uses a point, fixed to 0.5', async () => {
    const { ops } = await pastedComma('.');
    const f = commaFinding(await ops.validate());
    expect(f?.message.vi).toContain('Excel này dùng dấu chấm "." làm dấu thập phân');
    expect(f?.fix?.description.vi).toBe('Ghi số 0.5');
    expect(f?.fix?.value).toBe(0.5);
  });

  test('switch the settings, the messages follow: an Excel set to "," and one that does not say', async () => {
    for (const sep of [',', null] as const) {
      const { ops } = await pastedComma(sep);
      const f = commaFinding(await ops.validate());
      expect(f?.message.vi).not.toContain('Excel này dùng');
      expect(f?.fix?.description.vi).toBe('Ghi số 0,5');
    }
  });

  test('live validation uses the same settings', async () => {
    const { wb, ops } = setup({}, { numberSettings: { decimalSeparator: '.' } });
    await ops.inject(['PAR']);
    let first: ValidationReport | null = null;
    let later: (r: ValidationReport) => void = () => undefined;
    const next = new Promise<ValidationReport>((resolve) => (later = resolve));
    const stop = await ops.startLiveValidation((r) => {
      if (first === null) first = r;
      else later(r);
    });
    await wb.pasteFromUser(PAR.name, cell, [['0,5']]);
    const f = commaFinding(await next);
    expect(f?.message.en).toContain('This Excel uses a point "." as the decimal separator');
    await stop();
  });
});

/** The prompt Excel shows on the PAR score of criterion 1.1 (maximum 1.5). */
const scorePrompt = (wb: MemoryWorkbook) => wb.validationPrompt(PAR.name, cell)?.message;

describe('Chèn biểu mẫu writes the prompts with this Excel’s separator', () => {
  test('an Excel set to "." shows "từ 0 đến 1.5"; one set to "," and one that does not say show "1,5"', async () => {
    const point = setup({}, { numberSettings: { decimalSeparator: '.' } });
    await point.ops.inject(['PAR']);
    expect(scorePrompt(point.wb)).toBe('Nhập điểm từ 0 đến 1.5 (điểm tối đa), tối đa 3 chữ số thập phân.');
    for (const deps of [{ numberSettings: { decimalSeparator: ',' as const } }, {}]) {
      const comma = setup({}, deps);
      await comma.ops.inject(['PAR']);
      expect(scorePrompt(comma.wb)).toContain('từ 0 đến 1,5 (điểm tối đa)');
    }
  });

  // The prompts live in the shared workbook: were they compared, co-authors with the two separators
  // would rewrite them at every insert, each undoing the other.
  test.each([
    ['.', ','],
    [',', '.'],
  ] as const)(
    'a co-author whose Excel uses the other separator inserts again: no prompt, no cell rewritten (%s, then %s)',
    async (first, second) => {
      const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.8' } });
      await opsFor(wb, { numberSettings: { decimalSeparator: first } }).inject(['PAR', 'I']);
      const written = scorePrompt(wb);
      expect(written).toContain(`1${first}5`);

      const other = wb.coauthor({ user: 'Sở Tư pháp' });
      const report = await opsFor(other, { numberSettings: { decimalSeparator: second } }).inject(['PAR', 'I']);
      expect(report.refreshed).toHaveLength(2);
      expect(scorePrompt(wb)).toBe(written);
      const afterOther = other.stats();

      // The same insert by a co-author with the first one's separator: what "nothing changed" costs
      // (the workbook's version is written at every insert).
      const same = wb.coauthor({ user: 'Sở Tài chính' });
      await opsFor(same, { numberSettings: { decimalSeparator: first } }).inject(['PAR', 'I']);
      expect(afterOther).toEqual(same.stats());
      expect(afterOther.writeSyncs).toBe(1);
    },
  );

  test('a validation someone cleared is written back with the prompts of the Excel that inserts', async () => {
    const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.8' } });
    await opsFor(wb).inject(['PAR']);
    expect(scorePrompt(wb)).toContain('1,5');
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem(PAR.name).getRange(cell).dataValidation.clear();
      await context.sync();
    });
    expect(scorePrompt(wb)).toBeUndefined();
    await opsFor(wb, { numberSettings: { decimalSeparator: '.' } }).inject(['PAR']);
    expect(scorePrompt(wb)).toContain('từ 0 đến 1.5 (điểm tối đa)');
  });
});
