import { APPENDIX1 } from '../../src/catalog/appendix1';
import type { Appendix1Row, Appendix1Template, AtMostRelation, SumRelation } from '../../src/catalog/types';
import { UNITS, unitByName } from '../../src/catalog/units';

const rowsOf = (t: Appendix1Template): Appendix1Row[] => t.tables.flatMap((tb) => tb.rows);
const ALL_ROWS = APPENDIX1.flatMap(rowsOf);

function template(id: string): Appendix1Template {
  const t = APPENDIX1.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

function row(id: string): Appendix1Row {
  const r = ALL_ROWS.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
}

const childrenOf = (id: string): Appendix1Row[] => ALL_ROWS.filter((r) => r.parent === id);
const sums = (t: Appendix1Template): SumRelation[] => t.relations.filter((r): r is SumRelation => r.kind === 'sum');
const bounds = (t: Appendix1Template): AtMostRelation[] =>
  t.relations.filter((r): r is AtMostRelation => r.kind === 'atMost');

describe('Appendix 1 sections', () => {
  it('lists sections I–VIII in order with the agreed sheet names', () => {
    expect(APPENDIX1.map((t) => [t.id, t.sheet])).toEqual([
      ['I', 'I. Chỉ đạo điều hành'],
      ['II', 'II. Cải cách thể chế'],
      ['III', 'III. Cải cách TTHC'],
      ['IV', 'IV. Tổ chức bộ máy'],
      ['V', 'V. Đội ngũ CBCCVC'],
      ['VI', 'VI. Tài chính công'],
      ['VII', 'VII. Hiện đại hóa HC'],
      ['VIII', 'VIII. Mục tiêu CCHC'],
    ]);
  });

  it('keeps sheet names within Excel’s limits', () => {
    for (const t of APPENDIX1) {
      expect(t.sheet.length).toBeLessThanOrEqual(31);
      expect(t.sheet).not.toMatch(/[:\\/?*[\]]/);
    }
  });

  it('titles drop the numeral and the "(Đơn vị thống kê…)" part', () => {
    expect(template('I').title).toBe('Lĩnh vực chỉ đạo, điều hành');
    expect(template('III').title).toBe('Lĩnh vực cải cách thủ tục hành chính');
    expect(template('VIII').title).toBe(
      'Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính nhà nước của Thành phố giai đoạn 2011-2020',
    );
    for (const t of APPENDIX1) {
      expect(t.title).not.toMatch(/^[IVX]+\./);
      expect(t.title).not.toMatch(/Đơn vị|\(|\)/);
      expect(t.titleEn.trim()).not.toBe('');
      expect(t.titleEn).not.toBe(t.title);
    }
  });

  it('names the reporting units of each section heading', () => {
    expect(template('I').units).toEqual(['SNV', 'STTTT', 'VIEN']);
    expect(template('II').units).toEqual(['STP']);
    expect(template('III').units).toEqual(['VPUB']);
    expect(template('IV').units).toEqual(['SNV']);
    expect(template('V').units).toEqual(['SNV']);
    expect(template('VI').units).toEqual(['STC']);
    expect(template('VII').units).toEqual(['VPUB', 'STTTT', 'SKHCN']);
    expect([...template('VIII').units].sort()).toEqual(['SNV', 'STTTT', 'VIEN', 'VPUB']);
  });

  it('has the row count of the seed in every section', () => {
    // Counted by hand from the seed: headings + "-" sub-rows (+ IV's table headings and period rows).
    const counts = Object.fromEntries(APPENDIX1.map((t) => [t.id, rowsOf(t).length]));
    expect(counts).toEqual({ I: 20, II: 13, III: 22, IV: 9, V: 12, VI: 15, VII: 14, VIII: 16 });
  });

  it('has one table per section except IV, which has three', () => {
    expect(APPENDIX1.map((t) => t.tables.map((tb) => tb.id))).toEqual([
      ['I'],
      ['II'],
      ['III'],
      ['IV.1', 'IV.2', 'IV.3'],
      ['V'],
      ['VI'],
      ['VII'],
      ['VIII'],
    ]);
  });
});

describe('row ids', () => {
  it('are unique', () => {
    const ids = ALL_ROWS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('follow the key grammar: numeral.STT, a letter per "-" sub-row, a year per IV period', () => {
    for (const t of APPENDIX1)
      for (const r of rowsOf(t)) {
        const grammar = t.id === 'IV' ? /^IV\.[1-3](\.(2010|2019))?$/ : new RegExp(`^${t.id}\\.[1-9]\\d*(\\.[a-z])?$`);
        expect(r.id).toMatch(grammar);
      }
  });

  it('give sub-rows consecutive letters under a heading that comes first', () => {
    for (const t of APPENDIX1)
      for (const tb of t.tables)
        tb.rows.forEach((r, i) => {
          if (r.parent === undefined) return;
          const parentIndex = tb.rows.findIndex((p) => p.id === r.parent);
          expect(parentIndex).toBeGreaterThanOrEqual(0);
          expect(parentIndex).toBeLessThan(i);
          expect(r.id.startsWith(`${r.parent}.`)).toBe(true);
          expect(tb.rows[parentIndex].parent).toBeUndefined();
        });
    for (const heading of ALL_ROWS.filter((r) => !r.parent && r.id.split('.').length === 2 && !r.id.startsWith('IV')))
      childrenOf(heading.id).forEach((c, i) => expect(c.id).toBe(`${heading.id}.${String.fromCharCode(97 + i)}`));
  });

  it('number headings in order from 1 within each one-table section', () => {
    for (const t of APPENDIX1.filter((x) => x.id !== 'IV')) {
      const headings = rowsOf(t).filter((r) => !r.parent);
      expect(headings.map((r) => r.id)).toEqual(headings.map((_, i) => `${t.id}.${i + 1}`));
      expect(headings.map((r) => r.stt.replace(/\.$/, ''))).toEqual(headings.map((_, i) => String(i + 1)));
    }
  });

  it('mark "-" sub-rows with stt "-", except II.1’s merged VBQPPL types which have none', () => {
    for (const r of ALL_ROWS.filter((x) => x.parent && !x.id.startsWith('IV.')))
      expect(r.stt).toBe(r.parent === 'II.1' ? '' : '-');
  });
});

describe('columns', () => {
  const yearTables = APPENDIX1.filter((t) => t.id !== 'IV' && t.id !== 'VIII').flatMap((t) => t.tables);

  it('are the six year columns in sections I–III and V–VII', () => {
    expect(yearTables).toHaveLength(6);
    for (const tb of yearTables) {
      expect(tb.columns.map((c) => c.id)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020']);
      expect(tb.columns.map((c) => c.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
      expect(tb.columns.map((c) => c.label)).toEqual([
        'Năm 2015',
        'Năm 2016',
        'Năm 2017',
        'Năm 2018',
        'Năm 2019',
        'Năm 2020 (Tính đến 31/3)',
      ]);
    }
  });

  it('have the printed label headers, and a unit column only in I, VII and VIII', () => {
    const headers = APPENDIX1.flatMap((t) => t.tables.map((tb) => [tb.id, tb.labelHeader, tb.unitHeader ?? null]));
    expect(headers).toEqual([
      ['I', 'Chỉ tiêu', 'Đơn vị thống kê báo cáo'],
      ['II', 'Nhiệm vụ/tiêu chí', null],
      ['III', 'Chỉ tiêu', null],
      ['IV.1', 'Giai đoạn', null],
      ['IV.2', 'Giai đoạn', null],
      ['IV.3', 'Giai đoạn', null],
      ['V', 'Chỉ tiêu', null],
      ['VI', 'Chỉ tiêu', null],
      ['VII', 'Chỉ tiêu', 'Đơn vị thống kê báo cáo'],
      ['VIII', 'Các mục tiêu cải cách', 'Đơn vị tham mưu đánh giá'],
    ]);
  });

  it('are unique within each table', () => {
    for (const tb of APPENDIX1.flatMap((t) => t.tables)) {
      const ids = tb.columns.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9.]+$/);
    }
  });

  it('give VIII one assessment column', () => {
    expect(template('VIII').tables[0].columns).toEqual([
      { id: 'assessment', label: 'Đánh giá kết quả đạt được (Đạt/Không đạt)' },
    ]);
  });

  it('give IV.1 and IV.2 the four printed headers', () => {
    const [t1, t2] = template('IV').tables;
    expect(t1.columns.map((c) => [c.id, c.label])).toEqual([
      ['cqcm', 'Số cơ quan chuyên môn thuộc UBND TP'],
      ['chicuc', 'Số Chi cục thuộc Sở'],
      ['phong', 'Số phòng, văn phòng, thanh tra thuộc Sở'],
      ['dvsn', 'Số đơn vị sự nghiệp thuộc UBND TP'],
    ]);
    expect(t2.columns.map((c) => c.label)).toEqual([
      'Số UBND cấp huyện',
      'Số phòng chuyên môn thuộc UBND cấp huyện',
      'Số văn phòng, thanh tra thuộc UBND cấp huyện',
      'Số đơn vị sự nghiệp thuộc UBND cấp huyện',
    ]);
  });

  it('give IV.3 twelve columns in four merged groups of three, with the headers as printed', () => {
    const cols = template('IV').tables[2].columns;
    expect(cols).toHaveLength(12);
    const groups = [...new Set(cols.map((c) => c.group))];
    expect(groups).toEqual(['Sự nghiệp GD-ĐT', 'Sự nghiệp y tế', 'Sự nghiệp VH,TDĐT', 'Sự nghiệp khác']);
    for (const g of groups) {
      const members = cols.filter((c) => c.group === g);
      expect(members).toHaveLength(3);
      // A merged header spans adjacent columns only.
      const first = cols.indexOf(members[0]);
      expect(members).toEqual(cols.slice(first, first + 3));
    }
    expect(cols.map((c) => c.label)).toEqual([
      'Thuộc UBND TP',
      'Thuộc CQ chuyên môn cấp TP',
      'Thuộc UBND cấp huyện',
      'Thuộc UBND cấp TP',
      'Thuộc CQ chuyên môn cấp TP',
      'Thuộc UBND cấp huyện',
      'Thuộc UBND cấp tỉnh',
      'Thuộc CQ chuyên môn cấp TP',
      'Thuộc UBND cấp huyện',
      'Thuộc UBND cấp tỉnh',
      'Thuộc CQ chuyên môn cấp TP',
      'Thuộc UBND cấp huyện',
    ]);
    expect(cols.slice(0, 4).map((c) => c.id)).toEqual(['gddt.tp', 'gddt.cqcm', 'gddt.huyen', 'yte.tp']);
  });
});

describe('rows of note', () => {
  it('I.3.a and I.3.d are flags, as the seed says (1 = có, 0 = không)', () => {
    expect(row('I.3.a')).toMatchObject({
      kind: 'flag',
      label: 'Tổ chức cuộc thi tìm hiểu CCHC (Có tổ chức = 1; Không tổ chức = 0)',
      parent: 'I.3',
      unit: 'STTTT',
    });
    expect(row('I.3.d')).toMatchObject({
      kind: 'flag',
      label: 'Xây dựng chuyên mục CCHC trên Cổng TTĐT của tỉnh (Có xây dựng = 1; Không xây dựng = 0)',
    });
  });

  it('reads the implicit kinds as an official would, with the reason written down', () => {
    for (const id of ['I.5.a', 'I.5.b', 'I.5.c', 'I.5.d']) expect(row(id).kind).toBe('flag');
    expect(row('I.6.c')).toMatchObject({ kind: 'percent', label: 'Mức độ hài lòng chung' });
    expect(row('I.3.e')).toMatchObject({ kind: 'text', label: 'Hình thức tuyên truyền CCHC khác (nếu có).' });
    for (const id of ['I.3.e', 'I.5.a', 'I.5.d', 'I.6.c']) expect(row(id).kindReason).toBeTruthy();
  });

  it('makes headings whose sub-rows do not add up groups, and summed headings counts', () => {
    for (const id of ['I.3', 'I.5', 'I.6', 'III.4', 'III.5', 'III.6', 'V.1', 'V.2', 'IV.1', 'IV.2', 'IV.3'])
      expect([id, row(id).kind]).toEqual([id, 'group']);
    for (const id of ['I.1', 'II.1', 'III.1', 'VI.2', 'VI.3', 'VI.4'])
      expect([id, row(id).kind]).toEqual([id, 'count']);
  });

  it('makes every "Tỷ lệ…" statistic a percent (VIII’s goals are assessed, not measured)', () => {
    const rates = ALL_ROWS.filter((r) => r.label.startsWith('Tỷ lệ') && !r.id.startsWith('VIII.'));
    expect(rates.map((r) => r.id)).toEqual(['III.5.a', 'III.5.b', 'III.5.c', 'VII.1', 'VII.6', 'VII.11', 'VII.13']);
    for (const r of rates) expect(r.kind).toBe('percent');
  });

  it('splits II.1 into the six VBQPPL types under the merged label', () => {
    expect(childrenOf('II.1').map((r) => [r.id, r.label, r.groupLabel])).toEqual([
      ['II.1.a', 'Nghị quyết của Hội đồng nhân dân TP', 'Chia theo tên loại VBQPPL'],
      ['II.1.b', 'Quyết định của Ủy ban nhân dân TP', 'Chia theo tên loại VBQPPL'],
      ['II.1.c', 'Nghị quyết của Hội đồng nhân dân cấp huyện', 'Chia theo tên loại VBQPPL'],
      ['II.1.d', 'Quyết định của Ủy ban nhân dân cấp huyện', 'Chia theo tên loại VBQPPL'],
      ['II.1.e', 'Nghị quyết của Hội đồng nhân dân cấp xã', 'Chia theo tên loại VBQPPL'],
      ['II.1.f', 'Quyết định của Ủy ban nhân dân cấp xã', 'Chia theo tên loại VBQPPL'],
    ]);
    expect(ALL_ROWS.filter((r) => r.groupLabel !== undefined).map((r) => r.parent)).toEqual(Array(6).fill('II.1'));
    expect(sums(template('II')).find((s) => s.total === 'II.1')?.parts).toEqual([
      'II.1.a',
      'II.1.b',
      'II.1.c',
      'II.1.d',
      'II.1.e',
      'II.1.f',
    ]);
  });

  it('sums III.1 from the three levels but not from "do TP ban hành"', () => {
    expect(row('III.1.d')).toMatchObject({
      label: 'Số TTHC do TP ban hành (được giao trong Luật)',
      kind: 'count',
      parent: 'III.1',
    });
    const s = sums(template('III')).find((x) => x.total === 'III.1');
    expect(s?.parts).toEqual(['III.1.a', 'III.1.b', 'III.1.c']);
    expect(s?.parts).not.toContain('III.1.d');
  });

  it('keeps III.4’s and VI.3’s last sub-rows that follow a repeated page header', () => {
    expect(
      childrenOf('III.4')
        .map((r) => r.label)
        .slice(-2),
    ).toEqual([
      'Số lượng TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền',
      'Số TTHC đã thực hiện 4 tại chỗ',
    ]);
    expect(row('III.4.f').label).toBe('Số TTHC đã thực hiện 4 tại chỗ');
    expect(childrenOf('VI.3')).toHaveLength(3);
    expect(row('VI.3.c').label).toBe('Số lượng đơn vị sự nghiệp công tự bảo đảm một phần chi thường xuyên');
    expect(childrenOf('VI.2')).toHaveLength(4);
    expect(row('VI.2.d').label).toBe('Số lượng đơn vị sự nghiệp công do Nhà nước bảo đảm chi thường xuyên');
    expect(childrenOf('I.5')).toHaveLength(4);
  });

  it('gives each IV table a heading row and two period rows keyed by cut-off year', () => {
    for (const tb of template('IV').tables) {
      expect(tb.rows.map((r) => r.id)).toEqual([tb.id, `${tb.id}.2010`, `${tb.id}.2019`]);
      expect(tb.rows[0].kind).toBe('group');
      expect(tb.rows[0].label).toBe(tb.caption);
      expect(tb.rows.slice(1).map((r) => [r.label, r.kind, r.parent])).toEqual([
        ['Giai đoạn 2001-2010 (Tính đến 31/12/2010)', 'count', tb.id],
        ['Giai đoạn 2011-2020 (Tính đến 31/12/2019)', 'count', tb.id],
      ]);
    }
    expect(row('IV.3').label).toBe('Số lượng đơn vị sự nghiệp công lập phân theo các lĩnh vực');
  });

  it('names the unit of each VII row as printed', () => {
    expect(row('VII.14')).toMatchObject({ unit: 'SKHCN', unitText: 'Sở KH&CN' });
    expect(template('VII').tables[0].rows.map((r) => r.unit)).toEqual([
      ...Array(7).fill('VPUB'),
      'STTTT',
      'STTTT',
      ...Array(4).fill('VPUB'),
      'SKHCN',
    ]);
  });

  it('weighs VII.11 by the number of level-3/4 online services', () => {
    expect(row('VII.10').label).toBe('Số dịch vụ công trực tuyến mức độ 3, mức độ 4');
    expect(row('VII.11').weightBy).toBe('VII.10');
  });

  it('makes every VIII goal a pass/fail row with its advising unit', () => {
    const rows = rowsOf(template('VIII'));
    for (const r of rows) {
      expect(r.kind).toBe('passfail');
      expect(r.unitText).toBeTruthy();
    }
    expect(row('VIII.16')).toMatchObject({
      kind: 'passfail',
      stt: '16.',
      label: '100% cơ quan kết nối vào Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước.',
      unit: 'VPUB',
    });
    expect(rows.map((r) => r.unit)).toEqual([
      'VPUB',
      'VPUB',
      'SNV',
      'SNV',
      'VIEN',
      'VIEN',
      'SNV',
      'VPUB',
      'VPUB',
      'STTTT',
      'VPUB',
      'VPUB',
      'VPUB',
      'VPUB',
      'VPUB',
      'VPUB',
    ]);
  });
});

describe('reporting units', () => {
  const known = new Set(UNITS.map((u) => u.id));

  it('every row has a known unit, one of its section’s units', () => {
    for (const t of APPENDIX1)
      for (const r of rowsOf(t)) {
        expect(known.has(r.unit)).toBe(true);
        expect(t.units).toContain(r.unit);
      }
  });

  it('sub-rows report through their heading’s unit', () => {
    for (const r of ALL_ROWS.filter((x) => x.parent)) expect(r.unit).toBe(row(r.parent as string).unit);
  });

  it('headings of tables with a unit column carry the printed unit, which names the row’s unit', () => {
    for (const tb of APPENDIX1.flatMap((t) => t.tables).filter((x) => x.unitHeader))
      for (const r of tb.rows.filter((x) => !x.parent)) {
        expect(r.unitText).toBeTruthy();
        expect(unitByName(r.unitText as string)?.id).toBe(r.unit);
      }
    expect(row('I.6').unitText).toBe('Viện NC PT KT- XH HN');
    expect(row('I.3').unitText).toBe('Sở TT&TT');
  });

  it('tables without a unit column print no unit text', () => {
    for (const tb of APPENDIX1.flatMap((t) => t.tables).filter((x) => !x.unitHeader))
      for (const r of tb.rows) expect(r.unitText).toBeUndefined();
  });
});

describe('labels', () => {
  const headerTexts = new Set([
    'STT',
    'Chỉ tiêu',
    'Nhiệm vụ/tiêu chí',
    'Các mục tiêu cải cách',
    'Giai đoạn',
    'Đơn vị thống kê báo cáo',
    'Đơn vị tham mưu đánh giá',
    'Chia theo tên loại VBQPPL',
    ...APPENDIX1.flatMap((t) => t.tables.flatMap((tb) => tb.columns.map((c) => c.label))),
  ]);

  it('carry no extract artefacts', () => {
    for (const r of ALL_ROWS) {
      expect(r.label.trim()).not.toBe('');
      expect(headerTexts.has(r.label)).toBe(false);
      expect(r.label).not.toMatch(/[\t\n\r]|\*\*|\s{2}/);
      expect(r.label).not.toMatch(/^[-–]/);
      expect(r.label).toBe(r.label.trim());
      expect(r.label).toBe(r.label.normalize('NFC'));
    }
  });

  it('are NFC everywhere else too', () => {
    const texts = APPENDIX1.flatMap((t) => [
      t.title,
      t.sheet,
      ...t.tables.flatMap((tb) => [
        tb.labelHeader,
        tb.unitHeader ?? '',
        tb.caption ?? '',
        ...tb.columns.flatMap((c) => [c.label, c.group ?? '']),
        ...tb.rows.flatMap((r) => [r.unitText ?? '', r.groupLabel ?? '', r.kindReason ?? '']),
      ]),
      ...t.relations.flatMap((rel) => (rel.kind === 'atMost' ? [rel.reason.vi] : [])),
    ]);
    for (const s of texts) expect(s).toBe(s.normalize('NFC'));
  });

  it('keep the original’s wording, with its typos corrected on record (corrections.ts)', () => {
    expect(row('III.3').label).toContain('trên Cổng/Trang Thông tin điện tử');
    expect(row('VII.8').label.startsWith('Số cơ quan chuyên môn cấp TP')).toBe(true);
    expect(row('VIII.4').label.startsWith('Chuyển giao')).toBe(true);
  });
});

describe('groups', () => {
  it('every group row has sub-rows, and only headings have sub-rows', () => {
    for (const r of ALL_ROWS.filter((x) => x.kind === 'group')) expect(childrenOf(r.id).length).toBeGreaterThan(0);
    for (const r of ALL_ROWS.filter((x) => x.parent)) expect(row(r.parent as string).parent).toBeUndefined();
  });

  it('a heading with sub-rows is either a group or the total of a sum relation', () => {
    for (const t of APPENDIX1) {
      const totals = new Set(sums(t).map((s) => s.total));
      for (const r of rowsOf(t).filter((x) => childrenOf(x.id).length > 0))
        expect(r.kind === 'group' || totals.has(r.id)).toBe(true);
    }
  });
});

describe('relations', () => {
  it('have unique ids named after their rows', () => {
    const ids = APPENDIX1.flatMap((t) => t.relations.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of APPENDIX1) {
      for (const s of sums(t)) expect(s.id).toBe(`${s.total}=sum`);
      for (const b of bounds(t)) expect(b.id).toBe(`${b.lesser}<=${b.greater}`);
    }
  });

  it('sum count rows of their own section, the parts being the total’s sub-rows', () => {
    for (const t of APPENDIX1) {
      const own = new Set(rowsOf(t).map((r) => r.id));
      for (const s of sums(t)) {
        expect(s.severity).toBe('warning');
        expect(own.has(s.total)).toBe(true);
        expect(row(s.total).kind).toBe('count');
        expect(s.parts.length).toBeGreaterThan(1);
        for (const p of s.parts) {
          expect(own.has(p)).toBe(true);
          expect([p, row(p).kind]).toEqual([p, 'count']);
          expect(row(p).parent).toBe(s.total);
        }
      }
    }
  });

  it('are exactly the sums the seed implies', () => {
    const all = APPENDIX1.flatMap(sums).map((s) => [s.total, s.parts]);
    expect(all).toEqual([
      ['I.1', ['I.1.a', 'I.1.b']],
      ['II.1', ['II.1.a', 'II.1.b', 'II.1.c', 'II.1.d', 'II.1.e', 'II.1.f']],
      ['III.1', ['III.1.a', 'III.1.b', 'III.1.c']],
      ['VI.2', ['VI.2.a', 'VI.2.b', 'VI.2.c', 'VI.2.d']],
      ['VI.3', ['VI.3.a', 'VI.3.b', 'VI.3.c']],
      ['VI.4', ['VI.4.a', 'VI.4.b', 'VI.4.c']],
    ]);
  });

  it('bound counts by counts of the same section, with a reason in both languages', () => {
    for (const t of APPENDIX1) {
      const own = new Set(rowsOf(t).map((r) => r.id));
      for (const b of bounds(t)) {
        expect(b.severity).toBe('warning');
        expect(own.has(b.lesser) && own.has(b.greater)).toBe(true);
        expect(b.lesser).not.toBe(b.greater);
        expect(row(b.lesser).kind).toBe('count');
        expect(row(b.greater).kind).toBe('count');
        expect(b.reason.vi.trim()).not.toBe('');
        expect(b.reason.en.trim()).not.toBe('');
        expect(b.reason.en).not.toBe(b.reason.vi);
      }
    }
  });

  it('include the bounds a careful official expects', () => {
    const ids = APPENDIX1.flatMap(bounds).map((b) => b.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'V.1.b<=V.1.a',
        'V.2.b<=V.2.a',
        'III.6.b<=III.6.a',
        'III.6.c<=III.6.a',
        'II.6<=II.5',
        'II.5<=II.4',
        'II.3<=II.2',
      ]),
    );
  });
});

describe('weights', () => {
  it('only percent rows are weighed, by a count row of the same section', () => {
    for (const t of APPENDIX1) {
      const own = new Set(rowsOf(t).map((r) => r.id));
      for (const r of rowsOf(t).filter((x) => x.weightBy !== undefined)) {
        expect(r.kind).toBe('percent');
        expect(own.has(r.weightBy as string)).toBe(true);
        expect(row(r.weightBy as string).kind).toBe('count');
      }
    }
    expect(ALL_ROWS.filter((r) => r.weightBy).map((r) => r.id)).toEqual(['I.6.c', 'VII.11']);
  });
});
