import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { PAR_ROWS, TEMPLATE_VERSION, parLeaves } from '../../src/catalog';
import { validateWorkbook } from '../../src/engine';
import type { CheckIssue, FailedFile, ParReport } from '../../src/cli/commands/check';
import { readTemplateWorkbook } from '../../src/cli/xlsx/readSnapshots';
import { cellFor, cli, fillWorkbook, parScores, prng, sheetByTemplate, tempDir, type Fill } from './helpers';

const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);
let goodScores: Fill[];

beforeAll(async () => {
  expect((await cli(['template', f('blank.xlsx')])).code).toBe(0);
  goodScores = parScores(prng(7));
  await fillWorkbook(f('blank.xlsx'), f('good.xlsx'), [
    ...goodScores,
    ...goodScores.map((s) => ({ ...s, column: 'evidence', value: `Báo cáo số ${s.key}/BC-UBND` })),
    { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'UBND quận Ba Đình' },
    { template: 'I', key: 'I.2', column: '2019', value: 12 },
    { template: 'VII', key: 'VII.1', column: '2019', value: 0.85 },
    { template: 'VIII', key: 'VIII.1', column: 'assessment', value: 'Đạt' },
  ]);
  await fillWorkbook(f('blank.xlsx'), f('bad.xlsx'), [
    { template: 'I', key: 'I.2', column: '2019', value: -5 },
    { template: 'I', key: 'I.2', column: '2018', value: '1.234' },
  ]);
  writeFileSync(f('corrupt.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
  writeFileSync(f('notes.txt'), 'Đây là ghi chú, không phải bảng tính.\n');
  // What Excel writes for a password-protected workbook: an OLE compound file, not a zip, whose
  // directory names an "EncryptedPackage" stream (UTF-16LE).
  writeFileSync(
    f('encrypted.xlsx'),
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(2048),
    ]),
  );
  const plain = new Workbook();
  plain.addWorksheet('Sheet1').getCell('A1').value = 'Báo cáo tự làm';
  await plain.xlsx.writeFile(f('plain.xlsx'));
}, 120_000);
afterAll(() => tmp.remove());

interface JsonFile {
  file: string;
  template: { version: string } | null;
  issues: CheckIssue[];
  par: Pick<ParReport, 'total' | 'rows' | 'excluded'> | null;
  error?: FailedFile['error'];
}

async function checkJson(
  files: string[],
  extra: string[] = [],
): Promise<{ code: number; files: JsonFile[]; stderr: string }> {
  const result = await cli(['check', ...files, '--json', ...extra], { cwd: tmp.dir });
  return {
    code: result.code,
    files: (JSON.parse(result.stdout) as { files: JsonFile[] }).files,
    stderr: result.stderr,
  };
}

async function cellOf(file: string, template: 'I' | 'PAR', key: string, column: string): Promise<string> {
  const wb = new Workbook();
  await wb.xlsx.readFile(f(file));
  return cellFor(sheetByTemplate(wb, template), template, key, column);
}

describe('cchc check: exit status', () => {
  it('0 for a workbook without errors', async () => {
    const { code, files, stderr } = await checkJson(['good.xlsx']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(files).toHaveLength(1);
    expect(files[0].issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('1 for a workbook with an error, which is listed with its cell and row key', async () => {
    const { code, files } = await checkJson(['bad.xlsx']);
    expect(code).toBe(1);
    const cell = await cellOf('bad.xlsx', 'I', 'I.2', '2019');
    const negative = files[0].issues.find((i) => i.code === 'negative');
    expect(negative).toMatchObject({
      severity: 'error',
      sheet: 'I. Chỉ đạo điều hành',
      cell,
      id: 'I.2',
      column: '2019',
    });
    expect(negative?.fix).toBeNull();
    const text = files[0].issues.find((i) => i.code === 'thousands-dot');
    expect(text).toMatchObject({ severity: 'warning', id: 'I.2', column: '2018', fix: 1234 });
  });

  it.each([
    ['corrupt.xlsx', 'corrupt', /bị hỏng/],
    ['notes.txt', 'not-xlsx', /không phải tệp Excel/],
    ['encrypted.xlsx', 'encrypted', /mật khẩu/],
    ['plain.xlsx', 'no-templates', /không có trang biểu mẫu/],
    ['missing.xlsx', 'missing', /không tìm thấy/],
  ])('2 for %s (%s), with a message on stderr and no stack trace', async (name, problem, message) => {
    const { code, files, stderr } = await checkJson([name]);
    expect(code).toBe(2);
    expect(files[0]).toMatchObject({ file: name, error: { problem }, template: null, issues: [], par: null });
    expect(stderr).toContain(name);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('2 wins when a bad file is mixed with good ones, and the good ones are still checked', async () => {
    const { code, files, stderr } = await checkJson(['good.xlsx', 'corrupt.xlsx', 'bad.xlsx', 'encrypted.xlsx']);
    expect(code).toBe(2);
    expect(files.map((x) => x.file)).toEqual(['good.xlsx', 'corrupt.xlsx', 'bad.xlsx', 'encrypted.xlsx']);
    expect(files[0].error).toBeUndefined();
    expect(files[0].par?.total.target).toBe(92.418);
    expect(files[2].issues.some((i) => i.code === 'negative')).toBe(true);
    expect(stderr).toContain('corrupt.xlsx');
    expect(stderr).toContain('encrypted.xlsx');
    expect(stderr).not.toContain('good.xlsx');
  });

  it('1 (not 2) for good and bad workbooks together', async () => {
    expect((await checkJson(['good.xlsx', 'bad.xlsx'])).code).toBe(1);
  });

  it('2 with a usage message when no file is given or an option is unknown', async () => {
    for (const argv of [['check'], ['check', 'good.xlsx', '--bogus']]) {
      const result = await cli(argv, { cwd: tmp.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Cách dùng');
      expect(result.stdout).toBe('');
    }
  });
});

describe('cchc check --json', () => {
  it('has the documented shape: template version, issues and the PAR summary', async () => {
    const { files } = await checkJson(['good.xlsx']);
    const file = files[0];
    expect(file.template?.version).toBe(TEMPLATE_VERSION);
    for (const issue of file.issues) {
      expect(Object.keys(issue)).toEqual(
        expect.arrayContaining(['severity', 'code', 'sheet', 'cell', 'id', 'column', 'message', 'fix']),
      );
      expect(['error', 'warning', 'info']).toContain(issue.severity);
      expect(issue.cell).toMatch(/^[A-Z]+\d+$/);
    }
    const par = file.par;
    expect(par).not.toBeNull();
    expect(par?.rows.map((r) => r.id)).toEqual(PAR_ROWS.map((r) => r.id));
    const expectedTotal = goodScores.reduce((s, x) => s + (x.value as number), 0);
    expect(par?.total.score).toBeCloseTo(expectedTotal, 6);
    expect(par?.total.target).toBe(92.418);
    for (const row of par?.rows ?? []) {
      const catalog = PAR_ROWS.find((r) => r.id === row.id);
      expect(row).toMatchObject({
        max: catalog?.max,
        previousScore: catalog?.previousScore,
        target: catalog?.target,
        lead: catalog?.lead,
      });
      expect(row.complete).toBe(true);
      expect(typeof row.belowTarget).toBe('boolean');
      expect(row.belowTarget).toBe(Math.round(((row.score as number) - row.target) * 1000) < 0);
      expect(row.gap).toBeCloseTo((row.score as number) - row.target, 6);
    }
    for (const leaf of goodScores) expect(par?.rows.find((r) => r.id === leaf.key)?.score).toBe(leaf.value);
  });

  it('lists the filled scores the total leaves out (0.8 over a maximum of 0.5, a text)', async () => {
    await fillWorkbook(f('good.xlsx'), f('left-out.xlsx'), [
      { template: 'PAR', key: '1.2', column: 'score', value: 0.8 },
      { template: 'PAR', key: '1.3', column: 'score', value: 'chưa chấm' },
    ]);
    const { files } = await checkJson(['left-out.xlsx']);
    const par = files[0].par;
    expect(par?.excluded.map((x) => [x.id, x.value])).toEqual([
      ['1.2', 0.8],
      ['1.3', 'chưa chấm'],
    ]);
    expect(par?.excluded[0].reason).toContain('0,5');
    expect(par?.total.complete).toBe(false);
  });

  it('gives null scores and null belowTarget where the PAR list is not filled', async () => {
    const { files } = await checkJson(['bad.xlsx']);
    const par = files[0].par;
    expect(par?.total.score).toBeNull();
    for (const row of par?.rows ?? []) {
      expect(row.score).toBeNull();
      expect(row.complete).toBe(false);
      expect(row.belowTarget).toBeNull();
      expect(row.gap).toBeNull();
    }
  });

  it('with one leaf blank, the parents above it are incomplete and the others complete', async () => {
    const blank = parLeaves('total')[5];
    await fillWorkbook(f('good.xlsx'), f('one-blank.xlsx'), [
      { template: 'PAR', key: blank.id, column: 'score', value: null },
    ]);
    const { files } = await checkJson(['one-blank.xlsx']);
    const rows = new Map(files[0].par?.rows.map((r) => [r.id, r]));
    const ancestors = new Set<string>();
    for (let id: string | null = blank.id; id; id = PAR_ROWS.find((r) => r.id === id)?.parent ?? null)
      ancestors.add(id);
    for (const row of PAR_ROWS) {
      const r = rows.get(row.id);
      expect(r?.complete).toBe(!ancestors.has(row.id));
      if (ancestors.has(row.id)) expect(r?.score).toBeNull();
    }
  });

  it('--lang en gives the engine’s English messages', async () => {
    const { files } = await checkJson(['bad.xlsx'], ['--lang', 'en']);
    const book = await readTemplateWorkbook(f('bad.xlsx'));
    const findings = validateWorkbook(book.snapshots).findings;
    expect(files[0].issues.map((i) => i.message)).toEqual(findings.map((x) => x.message.en));
    const vi = await checkJson(['bad.xlsx']);
    expect(vi.files[0].issues.map((i) => i.message)).toEqual(findings.map((x) => x.message.vi));
  });
});

describe('cchc check: the readable report', () => {
  it('in Vietnamese: counts per severity, findings by sheet with cell and fix, PAR total against 92,418', async () => {
    const result = await cli(['check', 'bad.xlsx', 'good.xlsx'], { cwd: tmp.dir });
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/Lỗi: 1 · Cảnh báo: \d+ · Lưu ý: \d+/);
    expect(out).toContain('Trang "I. Chỉ đạo điều hành":');
    const cell = await cellOf('bad.xlsx', 'I', 'I.2', '2019');
    expect(out).toContain(`[Lỗi] ${cell} — I.2 Số lượng các cơ quan, đơn vị được kiểm tra CCHC, năm 2019:`);
    expect(out).toMatch(/Sửa: .*1234/);
    expect(out).toContain('mục tiêu 92,418');
    expect(out).toContain('UBND quận Ba Đình');
    expect(out).toMatch(/Tổng cộng 2 tệp: 1 không có lỗi, 1 có lỗi, 0 không đọc được/);
  });

  it('in English with --lang en, with the rows below target grouped by lead unit', async () => {
    const result = await cli(['check', 'good.xlsx', '--lang', 'en'], { cwd: tmp.dir });
    const out = result.stdout;
    expect(out).toMatch(/Error: 0 · Warning: \d+ · Note: \d+/);
    expect(out).toMatch(/2021 total: [\d.]+ \/ target 92\.418/);
    const { files } = await checkJson(['good.xlsx']);
    const below =
      files[0].par?.rows.filter((r) => r.belowTarget && PAR_ROWS.find((p) => p.id === r.id)?.children.length === 0) ??
      [];
    expect(below.length).toBeGreaterThan(0);
    expect(out).toContain('Criteria below target, by lead unit:');
    for (const row of below) expect(out).toMatch(new RegExp(`\\n {8}${row.id.replace(/\./g, '\\.')} \\(G\\d+\\): `));
    expect(out).toContain('Department of Home Affairs');
  });
});

describe('cchc check --decimal: numbers as the reader’s Excel writes them', () => {
  beforeAll(async () => {
    await fillWorkbook(f('good.xlsx'), f('comma-text.xlsx'), [
      { template: 'PAR', key: '1.1', column: 'score', value: '0,5' },
    ]);
  });

  it('--decimal . in Vietnamese: messages, fix labels and the PAR figures write a point; "0,5" is told why', async () => {
    const { files } = await checkJson(['comma-text.xlsx'], ['--decimal', '.']);
    const comma = files[0].issues.find((i) => i.code === 'decimal-comma' && i.id === '1.1');
    expect(comma?.message).toContain('Excel này dùng dấu chấm "." làm dấu thập phân');
    expect(comma?.fixDescription).toBe('Ghi số 0.5');
    expect(comma?.fix).toBe(0.5);
    const text = (await cli(['check', 'comma-text.xlsx', '--decimal=.'], { cwd: tmp.dir })).stdout;
    expect(text).toContain('mục tiêu 92.418');
    expect(text).not.toContain('92,418');
  });

  it('--decimal , in English writes a comma; without it, each language its own', async () => {
    const en = (await cli(['check', 'comma-text.xlsx', '--lang', 'en', '--decimal', ','], { cwd: tmp.dir })).stdout;
    expect(en).toContain('target 92,418');
    expect(en).toContain('Write the number 0,5');
    const vi = (await checkJson(['comma-text.xlsx'])).files[0].issues.find((i) => i.code === 'decimal-comma');
    expect(vi?.fixDescription).toBe('Ghi số 0,5');
    expect(vi?.message).not.toContain('Excel này dùng');
  });

  it('2 with a usage message for another separator', async () => {
    const result = await cli(['check', 'good.xlsx', '--decimal', ';'], { cwd: tmp.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--decimal nhận "," (dấu phẩy) hoặc "." (dấu chấm)');
  });
});

it('2 for a zip that holds no workbook', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  zip.file('readme.txt', 'not a workbook');
  writeFileSync(f('archive.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
  const result = await cli(['check', 'archive.xlsx'], { cwd: tmp.dir });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/archive\.xlsx: (tệp nén này không chứa sổ làm việc Excel nào|tệp \.xlsx bị hỏng)/);
});
