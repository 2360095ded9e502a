/**
 * The adapter passes this Excel's number settings (deps.numberSettings, read by the pane) to the
 * engine: "Kiểm tra dữ liệu" and live validation write numbers with this Excel's decimal
 * separator and say which one it uses. Switch the settings, the messages follow.
 */
import type { ValidationReport } from '../../src/contracts/operations';
import type { DecimalSeparator } from '../../src/engine/types';
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
