/**
 * The Word report: from a filled workbook (written by `cchc template`, filled with ExcelJS) through
 * `cchc report` to word/document.xml.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import * as docx from 'docx';
import { OUTLINE } from '../../src/catalog';
import { outlineTextKey } from '../../src/layout';
import { buildReportModel } from '../../src/report/model';
import { cleanText } from '../../src/report/format';
import { CLEAN_PLACEHOLDER, PLACEHOLDER, reportBytes } from '../../src/report/docx';
import { makeSnapshot } from '../engine/snapshot';
import { cli, fillWorkbook, tempDir, type Fill } from '../cli/helpers';

async function documentXml(bytes: Uint8Array | Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  return file.async('string');
}

/** Text of the document: the runs' text joined, XML entities decoded. */
function plainText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('cchc report', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('cchc-report-');
  });
  afterAll(() => tmp.remove());

  test('the unit text, the figures, Section VIII, the tables and the errors annex reach the .docx', async () => {
    const template = path.join(tmp.dir, 'mau.xlsx');
    expect((await cli(['template', template])).code).toBe(0);
    const filled = path.join(tmp.dir, 'don-vi.xlsx');
    const fills: Fill[] = [
      { template: 'OUTLINE', key: 'meta.reporter', column: 'reporter', value: 'Sở Thử nghiệm' },
      {
        template: 'OUTLINE',
        key: outlineTextKey('P1.II.6.b'),
        column: 'text',
        value: 'Văn bản điện tử tăng\u0007 mạnh.',
      },
      { template: 'VII', key: 'VII.1', column: '2019', value: 0.72 },
      { template: 'VIII', key: 'VIII.8', column: 'assessment', value: 'Đạt' },
      { template: 'V', key: 'V.3', column: '2019', value: -4 }, // an error: a negative count
    ];
    await fillWorkbook(template, filled, fills);
    const out = path.join(tmp.dir, 'bao-cao.docx');
    const result = await cli(['report', filled, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 lỗi/);

    const text = plainText(await documentXml(readFileSync(out)));
    expect(text).toContain('SỞ THỬ NGHIỆM');
    expect(text).toContain('28/KH-UBND');
    expect(text).toContain('11/02/2020');
    expect(text).toContain('Văn bản điện tử tăng mạnh.'); // the bell character is removed
    for (const h of OUTLINE) expect(text).toContain(h.label);
    expect(text).toContain(PLACEHOLDER);
    expect(text).toContain('VII.1. Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử: năm 2019: 72%');
    expect(text).toContain('Không đạt: VII.1 năm 2019: 72 % < 90 %');
    expect(text).toContain('[BẢN LÀM VIỆC] CÁC LỖI VÀ CẢNH BÁO CỦA SỔ LÀM VIỆC');
    expect(text).toContain('V. Đội ngũ CBCCVC');
  }, 30_000);

  test('--draft clean writes the report to send, without the hints; --draft takes working or clean only', async () => {
    const template = path.join(tmp.dir, 'mau-draft.xlsx');
    expect((await cli(['template', template])).code).toBe(0);
    const out = path.join(tmp.dir, 'sach.docx');
    const result = await cli(['report', template, '--out', out, '--draft', 'clean']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bản sạch');
    const text = plainText(await documentXml(readFileSync(out)));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(CLEAN_PLACEHOLDER);
    expect(text).not.toContain('[Gợi ý]');
    expect(text).not.toContain(PLACEHOLDER);
    const refused = await cli(['report', template, '--out', path.join(tmp.dir, 'x.docx'), '--draft', 'final']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--draft nhận "working"');
  }, 30_000);

  test('refuses a missing --out, a non-.docx output and an existing file without --force', async () => {
    expect((await cli(['report', 'x.xlsx'])).code).toBe(2);
    expect((await cli(['report', 'x.xlsx', '--out', 'x.pdf'])).stderr).toMatch(/\.docx/);
    const template = path.join(tmp.dir, 'mau2.xlsx');
    await cli(['template', template]);
    const out = path.join(tmp.dir, 'twice.docx');
    expect((await cli(['report', template, '--out', out])).code).toBe(0);
    expect((await cli(['report', template, '--out', out])).code).toBe(2);
    expect((await cli(['report', template, '--out', out, '--force'])).code).toBe(0);
  });

  test('a workbook without the outline sheet gets the headings, placeholders and a note, not a broken file', async () => {
    const template = path.join(tmp.dir, 'no-outline.xlsx');
    expect((await cli(['template', template, '--only', 'VII,VIII'])).code).toBe(0);
    const out = path.join(tmp.dir, 'no-outline.docx');
    const result = await cli(['report', template, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Đề cương báo cáo/);
    const text = plainText(await documentXml(readFileSync(out)));
    expect(text).toContain('chưa có trang "Đề cương báo cáo"');
    for (const h of OUTLINE) expect(text).toContain(h.label);
  });
});

describe('cchc catalog --json', () => {
  test('lists the outline with guidance and related rows (a parent cites its sub-headings’ figures)', async () => {
    const json = JSON.parse((await cli(['catalog', '--json'])).stdout) as {
      outline: { rows: { id: string; part: number; label: string; guidance: string[]; related: string[] }[] };
    };
    expect(json.outline.rows.map((r) => r.id)).toEqual(OUTLINE.map((r) => r.id));
    const ii6 = json.outline.rows.find((r) => r.id === 'P1.II.6');
    expect(ii6?.related).toEqual(expect.arrayContaining(['VII.1', 'VII.10', 'VII.11']));
    expect(json.outline.rows.find((r) => r.id === 'P1.I.1')?.guidance).toHaveLength(6);
    expect(new Set(json.outline.rows.map((r) => r.part))).toEqual(new Set([1, 2]));
  });
});

describe('report model', () => {
  test('an outline of another major version is left out with a note', () => {
    const outline = makeSnapshot('OUTLINE', { values: { [outlineTextKey('P1.I.1')]: { text: 'Nội dung' } } });
    const model = buildReportModel([{ ...outline, version: '0.9.0' }]);
    expect(model.notes.join(' ')).toMatch(/phiên bản 0\.9\.0/);
    expect(model.headings.find((h) => h.row.id === 'P1.I.1')?.text).toBe('');
    expect(buildReportModel([outline]).headings.find((h) => h.row.id === 'P1.I.1')?.text).toBe('Nội dung');
  });

  test('numbers are Vietnamese (1,5; 72,5 %), the document being a Vietnamese one: no Excel separator, no claim about it', async () => {
    const model = buildReportModel([
      makeSnapshot('PAR', { values: { '2.3': { score: 9 }, '1.1': { score: '0,5' } } }),
      makeSnapshot('VII', { values: { 'VII.1': { '2019': 0.725 } } }),
    ]);
    const messages = model.findings.map((f) => f.message.vi);
    expect(messages).toContain('Điểm 9 vượt điểm tối đa 1,5 của tiêu chí.');
    expect(messages.filter((m) => m.includes('Excel này dùng'))).toEqual([]);
    expect(model.goals.find((g) => g.number === '8')?.evidence?.vi).toBe('VII.1 năm 2019: 72,5 % < 90 %');
    // `cchc report` takes no --decimal, and its usage says why.
    const refused = await cli(['report', 'x.xlsx', '--out', 'x.docx', '--decimal', '.']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Không có tùy chọn --decimal.');
    expect(refused.stderr).toContain('số luôn viết dấu phẩy thập phân (1,5), không theo Excel');
  });

  test('control characters Word refuses are cleaned; tabs, line breaks and emoji kept', async () => {
    expect(cleanText('a\u0000b\u001Fc\td\r\ne\uFFFF\uD800 😀')).toBe('abc\td\ne 😀');
    const outline = makeSnapshot('OUTLINE', {
      values: { [outlineTextKey('P1.I.2')]: { text: 'x\u0001y\u000Bz' } },
    });
    const xml = await documentXml(await reportBytes(docx, buildReportModel([outline])));
    expect(xml).toContain('xyz');
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});
