/**
 * The report read as its reader's word processor reads it: word/document.xml, styles.xml and the
 * headers of the .docx built from the filled example workbook (test/report/example.ts), checked
 * against the form of Decree 30/2020/NĐ-CP (Appendix I): A4, margins, Times New Roman in black,
 * sizes, the page number in the header from page 2, tables as wide as the text and no wider.
 */
import JSZip from 'jszip';
import * as docx from 'docx';
import { PAR_ROWS } from '../../src/catalog';
import { summarizePar } from '../../src/engine/par';
import { CLEAN_PLACEHOLDER, PLACEHOLDER, reportBytes } from '../../src/report/docx';
import { QUOC_HIEU, TIEU_NGU } from '../../src/report/docxForm';
import type { DraftKind } from '../../src/report/draft';
import { buildReportModel } from '../../src/report/model';
import { exampleSnapshots } from './example';

interface Parts {
  document: string;
  styles: string;
  headers: Record<string, string>;
  rels: string;
}

async function parts(kind: DraftKind, snapshots = exampleSnapshots()): Promise<Parts> {
  const zip = await JSZip.loadAsync(await reportBytes(docx, buildReportModel(snapshots), kind));
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no ${name}`);
    return f.async('string');
  };
  const headers: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)))
    headers[name.slice('word/'.length)] = await read(name);
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    headers,
    rels: await read('word/_rels/document.xml.rels'),
  };
}

/** Text of an XML part: the runs' text joined, entities decoded. */
function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const attr = (xml: string, name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(xml)?.[1] ?? NaN);
const mm = (twips: number) => (twips * 25.4) / 1440;

function sections(document: string): string[] {
  return [...document.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

let working: Parts;
let clean: Parts;
beforeAll(async () => {
  [working, clean] = await Promise.all([parts('working'), parts('clean')]);
}, 60_000);

describe.each(['working', 'clean'] as const)('the %s draft', (kind) => {
  const get = () => (kind === 'working' ? working : clean);

  test('A4 with the decree’s margins; landscape pages keep A4 too', () => {
    const all = sections(get().document);
    expect(all.length).toBeGreaterThanOrEqual(2); // the IV.3 table needs a landscape page
    for (const s of all) {
      const size = /<w:pgSz [^>]*\/>/.exec(s)?.[0] ?? '';
      const landscape = size.includes('w:orient="landscape"');
      const [w, h] = [attr(size, 'w'), attr(size, 'h')];
      expect([Math.round(mm(landscape ? h : w)), Math.round(mm(landscape ? w : h))]).toEqual([210, 297]);
      const margin = /<w:pgMar [^>]*\/>/.exec(s)?.[0] ?? '';
      if (landscape) continue;
      expect(mm(attr(margin, 'top'))).toBeGreaterThanOrEqual(19.9);
      expect(mm(attr(margin, 'top'))).toBeLessThanOrEqual(25.1);
      expect(mm(attr(margin, 'bottom'))).toBeGreaterThanOrEqual(19.9);
      expect(mm(attr(margin, 'bottom'))).toBeLessThanOrEqual(25.1);
      expect(mm(attr(margin, 'left'))).toBeGreaterThanOrEqual(29.9);
      expect(mm(attr(margin, 'left'))).toBeLessThanOrEqual(35.1);
      expect(mm(attr(margin, 'right'))).toBeGreaterThanOrEqual(14.9);
      expect(mm(attr(margin, 'right'))).toBeLessThanOrEqual(20.1);
    }
    expect(all.some((s) => s.includes('w:orient="landscape"'))).toBe(true);
  });

  test('Times New Roman in black only, 11–14 pt, the body 13 pt', () => {
    const { document, styles, headers } = get();
    for (const xml of [document, styles, ...Object.values(headers)]) {
      const fonts = new Set([...xml.matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((m) => m[1]));
      expect([...fonts]).toEqual(fonts.size ? ['Times New Roman'] : []);
      const colours = new Set([...xml.matchAll(/<w:color w:val="([^"]+)"/g)].map((m) => m[1].toUpperCase()));
      for (const c of colours) expect(['000000', 'AUTO']).toContain(c);
    }
    const sizes = [...document.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]) / 2);
    for (const s of sizes.filter((x) => x > 2)) {
      expect(s).toBeGreaterThanOrEqual(11);
      expect(s).toBeLessThanOrEqual(14);
    }
    // The unit's own paragraphs are 13 pt.
    const body = /<w:p>(?:(?!<\/w:p>)[\s\S])*?Sở đã triển khai đầy đủ[\s\S]*?<\/w:p>/.exec(document)?.[0] ?? '';
    expect(body).toContain('Sở đã triển khai');
    expect(body).not.toMatch(/<w:sz w:val="(?!26")/);
    // …as the document's defaults set them: 13 pt Times New Roman in black.
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:sz w:val="26"/>');
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(defaults).toContain('<w:color w:val="000000"/>');
  });

  test('page numbers centred in the header from page 2: page 1 has an empty first-page header', () => {
    const { document, headers, rels } = get();
    const first = sections(document)[0];
    expect(first).toContain('<w:titlePg/>');
    const ref = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(first)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
      return headers[target] ?? '';
    };
    expect(ref('default')).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(ref('default')).toContain('<w:jc w:val="center"/>');
    expect(ref('first')).not.toMatch(/PAGE/);
    // Every later section numbers its pages too.
    for (const s of sections(document).slice(1)) expect(s).toContain('w:type="default"');
  });

  test('tables: fixed widths that fill no more than the text width, header rows repeated, rows kept whole', () => {
    const { document } = get();
    const bodies = document.split(/<w:sectPr[\s\S]*?<\/w:sectPr>/);
    const all = sections(document);
    let data = 0;
    all.forEach((s, i) => {
      const size = /<w:pgSz [^>]*\/>/.exec(s)?.[0] ?? '';
      const margin = /<w:pgMar [^>]*\/>/.exec(s)?.[0] ?? '';
      const textWidth = attr(size, 'w') - attr(margin, 'left') - attr(margin, 'right');
      for (const [table] of bodies[i].matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
        const width = attr(/<w:tblW [^>]*\/>/.exec(table)?.[0] ?? '', 'w');
        expect(table).toMatch(/<w:tblW [^>]*w:type="dxa"/);
        expect(table).toContain('<w:tblLayout w:type="fixed"/>');
        const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
        expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
        expect(width).toBeLessThanOrEqual(textWidth);
        if (!table.includes('<w:tblBorders><w:top w:val="single"')) continue; // the form's borderless tables
        data++;
        expect(width).toBeGreaterThan(textWidth - 20); // a data table spans the text width
        const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
        expect(rows[0]).toContain('<w:tblHeader/>');
        for (const r of rows) expect(r).toContain('<w:cantSplit/>');
        // A label column wider than any figure column (the prose columns of the working draft aside).
        if (!/Gợi ý từ số liệu|>Nội dung</.test(table)) expect(grid[1]).toBe(Math.max(...grid));
      }
    });
    expect(data).toBeGreaterThanOrEqual(5);
  });

  test('the form: managing body over issuing body, Quốc hiệu, Tiêu ngữ, number, place and date, Nơi nhận, signer', () => {
    const t = text(get().document);
    const at = (s: string) => {
      const i = t.indexOf(s);
      expect([s, i >= 0]).toEqual([s, true]);
      return i;
    };
    expect(at('UBND THÀNH PHỐ HÀ NỘI')).toBeLessThan(at('SỞ NỘI VỤ'));
    expect(at('SỞ NỘI VỤ')).toBeLessThan(at('Số: …/BC-SNV'));
    expect(at('Số: …/BC-SNV')).toBeLessThan(at(QUOC_HIEU));
    expect(at(QUOC_HIEU)).toBeLessThan(at(TIEU_NGU));
    expect(at(TIEU_NGU)).toBeLessThan(at('Hà Nội, ngày … tháng … năm …'));
    expect(at('Hà Nội, ngày … tháng … năm …')).toBeLessThan(at('BÁO CÁO'));
    expect(at('Phần thứ nhất')).toBeLessThan(at('Nơi nhận:'));
    expect(at('Nơi nhận:')).toBeLessThan(at('- UBND Thành phố;'));
    expect(at('GIÁM ĐỐC')).toBeLessThan(at('PHỤ LỤC 1'));
    // The Quốc hiệu and the Tiêu ngữ in bold; the Tiêu ngữ with its rule below.
    const doc = get().document;
    expect(doc).toMatch(new RegExp(`<w:b/>[\\s\\S]{0,200}<w:t[^>]*>${QUOC_HIEU}</w:t>`));
    expect(doc).toMatch(new RegExp(`${TIEU_NGU}</w:t>[\\s\\S]{0,600}<w:pBdr><w:bottom w:val="single"`));
  });
});

test('the working draft marks its hints; the clean draft has none, and a short placeholder', async () => {
  const outline = exampleSnapshots().map((s) =>
    s.templateId === 'OUTLINE'
      ? {
          ...s,
          values: s.values.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith('Giai đoạn 2016') ? '' : v))),
        }
      : s,
  );
  const [w, c] = await Promise.all([parts('working', outline), parts('clean', outline)]);
  const [tw, tc] = [text(w.document), text(c.document)];
  expect(tw).toContain('[Gợi ý]');
  expect(tw).toContain('[Số liệu]');
  expect(tw).toContain(PLACEHOLDER);
  expect(tw).toContain('[BẢN LÀM VIỆC]');
  for (const mark of ['[Gợi ý]', '[Số liệu]', '[BẢN LÀM VIỆC]', PLACEHOLDER, 'Gợi ý từ số liệu'])
    expect(tc).not.toContain(mark);
  expect(tc).toContain(CLEAN_PLACEHOLDER);
  expect(tc.split(CLEAN_PLACEHOLDER).length - 1).toBe(tw.split(PLACEHOLDER).length - 1);
});

test('Appendix 1 tables print the rows with data and their parents; a blank total shows the sum of its parts', () => {
  const model = buildReportModel(exampleSnapshots());
  const i = model.tables.find((t) => t.table.id === 'I');
  const ids = i?.rows.map((r) => r.id) ?? [];
  expect(ids).toEqual(expect.arrayContaining(['I.1', 'I.1.a', 'I.1.b', 'I.5', 'I.5.a']));
  expect(ids).not.toContain('I.3'); // Sở TT&TT's rows: nothing typed
  expect(i?.omitted).toBe(20 - ids.length);
  const row = (id: string) => i?.rows.find((r) => r.id === id)?.cells ?? [];
  const n = (s: string) => Number(s.replace(/\./g, ''));
  // I.1 was left blank: it shows the parts' sum, year by year, as the sheet's formula would.
  row('I.1').forEach((v, col) => expect(n(v)).toBe(n(row('I.1.a')[col]) + n(row('I.1.b')[col])));
  expect(model.tables.find((t) => t.table.id === 'II')?.rows).toEqual([]);
});

test('a total with a part missing stays blank, as the sheet’s =IF(COUNT(…)=n,SUM(…),"") does', () => {
  const snapshots = exampleSnapshots().map((s) =>
    s.templateId === 'I'
      ? {
          ...s,
          values: s.values.map((r) =>
            r[0] === 'I.1.b' ? r.map((v, k) => (k > 0 && typeof v === 'number' ? '' : v)) : r,
          ),
        }
      : s,
  );
  const i = buildReportModel(snapshots).tables.find((t) => t.table.id === 'I');
  expect(i?.rows.find((r) => r.id === 'I.1')?.cells.every((c) => c === '')).toBe(true);
  expect(i?.rows.find((r) => r.id === 'I.1.a')?.cells.every((c) => c !== '')).toBe(true);
});

test('the PAR section gives the numbers summarizePar (the pane’s "Tổng điểm") gives', async () => {
  const snapshots = exampleSnapshots();
  const summary = summarizePar(snapshots.find((s) => s.templateId === 'PAR')!);
  const par = buildReportModel(snapshots).par;
  if (!par || summary.total.score === null) throw new Error('the example is fully scored');
  const vi = (v: number) => String(v).replace('.', ',');
  expect(par.total.score).toBe(vi(summary.total.score));
  expect(par.total.target).toBe('92,418');
  const areas = PAR_ROWS.filter((r) => r.level === 1);
  expect(par.areas.map((a) => a.score)).toEqual(areas.map((a) => vi(summary.rows.find((r) => r.id === a.id)!.score!)));
  expect(par.areas.map((a) => a.max)).toEqual(areas.map((a) => vi(a.max)));
  expect(par.byLead.map((g) => g.rows.map((r) => r.stt))).toEqual(summary.byLead.map((g) => g.rows.map((r) => r.id)));
  const t = text(clean.document);
  expect(t).toContain(`Tổng điểm tự chấm năm 2021: ${vi(summary.total.score)}/100 điểm`);
  expect(t).toContain('mục tiêu 92,418 điểm');
  for (const g of par.byLead) expect(t).toContain(`${g.lead}: thiếu ${g.pointsOwed} điểm`);
});
