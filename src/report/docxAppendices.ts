/**
 * The appendices after the signature: Appendix 1's tables (rows with data only, Section VIII's
 * assessments), the PAR self-score, and, in the working draft only, the workbook's errors. Each part
 * is a list of chunks, a chunk being paragraphs and tables that share a page orientation.
 */
import { SEVERITY_NAMES } from '../engine/findingPlace';
import type { Finding } from '../engine/types';
import type { ReportTable } from './appendixTables';
import { SIZE, TEXT_WIDTH, mm, type Block, type DocxLib, type Run } from './docxKit';
import { gridTable, layoutGrid, type Grid, type GridRow } from './docxTables';
import type { Draft } from './draft';
import type { ReportModel } from './model';
import type { ParLine, ParSection } from './parScore';

export interface Chunk {
  landscape: boolean;
  blocks: Block[];
}

function heading(lib: DocxLib, p: Run, text: string, pageBreakBefore = false) {
  return new lib.Paragraph({
    heading: lib.HeadingLevel.HEADING_2,
    alignment: lib.AlignmentType.CENTER,
    pageBreakBefore,
    keepNext: true,
    children: [p(text, { bold: true })],
  });
}

function caption(lib: DocxLib, p: Run, text: string) {
  return new lib.Paragraph({
    heading: lib.HeadingLevel.HEADING_3,
    spacing: { before: 200, after: 80 },
    keepNext: true,
    children: [p(text, { bold: true })],
  });
}

function note(lib: DocxLib, p: Run, text: string) {
  return new lib.Paragraph({ spacing: { after: 80 }, children: [p(text, { italics: true, size: SIZE.table })] });
}

function appendixTable(lib: DocxLib, p: Run, t: ReportTable): Chunk {
  const title =
    t.table.caption && t.table.id !== t.template.id
      ? `${t.template.id}. ${t.template.title} – ${t.table.caption}`
      : `${t.template.id}. ${t.template.title}`;
  if (!t.present) return { landscape: false, blocks: [caption(lib, p, title), note(lib, p, '(Không có trang này.)')] };
  if (t.rows.length === 0)
    return { landscape: false, blocks: [caption(lib, p, title), note(lib, p, '(Đơn vị không có số liệu.)')] };
  const rows: GridRow[] = t.rows.map((r) => ({ cells: [r.stt, r.label, ...r.cells], bold: r.strong }));
  const grid = layoutGrid(
    t.table.labelHeader,
    t.columns.map((c, i) => ({ header: c.label, group: c.group, cells: t.rows.map((r) => r.cells[i]) })),
    rows,
  );
  const blocks: Block[] = [caption(lib, p, title), gridTable(lib, p, grid)];
  if (t.omitted > 0) blocks.push(note(lib, p, `(Không in ${t.omitted} dòng không có số liệu.)`));
  return { landscape: grid.landscape, blocks };
}

function goalsTable(lib: DocxLib, p: Run, model: ReportModel, draft: Draft): Chunk {
  const title = 'VIII. Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính';
  const goals = draft.hints ? model.goals : model.goals.filter((g) => g.official);
  if (goals.length === 0)
    return { landscape: false, blocks: [caption(lib, p, title), note(lib, p, '(Đơn vị chưa đánh giá.)')] };
  const rows = goals.map((g) => {
    const official = g.official === null ? '(không có trang VIII)' : g.official || '(chưa đánh giá)';
    const cells = [`${g.number}.`, g.label, official];
    if (draft.hints)
      cells.push(g.suggestion ? `${g.suggestion}: ${g.evidence?.vi ?? ''}` : `Không gợi ý: ${g.reason?.vi ?? ''}`);
    return { cells };
  });
  const figures = [{ header: 'Đánh giá (Đạt/ Không đạt)', cells: rows.map((r) => r.cells[2]) }];
  const grid = layoutGrid('Các mục tiêu cải cách', figures, rows);
  if (draft.hints) {
    // The suggestion takes a third of the label's room: it is prose.
    const label = grid.columns[1];
    const suggestion = Math.round(label.width * 0.4);
    label.width -= suggestion;
    grid.columns.push({ header: '[Gợi ý từ số liệu Phụ lục 1]', width: suggestion, align: 'left' });
  }
  return { landscape: grid.landscape, blocks: [caption(lib, p, title), gridTable(lib, p, grid)] };
}

function parLineCells(l: ParLine): string[] {
  const self = l.score || (l.missing > 0 ? `chưa đủ (${l.missing})` : '');
  return [l.stt, l.label, l.max, l.previousScore, l.target, self, l.gap];
}

/** "05/08/2021" from '2021-08-05'. */
function issuedText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function parChunks(lib: DocxLib, p: Run, par: ParSection | null): Chunk[] {
  if (!par)
    return [
      {
        landscape: false,
        blocks: [
          heading(lib, p, 'PHỤ LỤC 2. KẾT QUẢ TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', true),
          note(lib, p, '(Sổ làm việc không có trang Chỉ số CCHC.)'),
        ],
      },
    ];
  const { year, previousYear, source: doc } = par.list;
  const title = heading(lib, p, `PHỤ LỤC 2. KẾT QUẢ TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`, true);
  const source = note(
    lib,
    p,
    `(Theo Danh mục các chỉ tiêu Chỉ số CCHC phấn đấu đạt điểm năm ${year}, kèm theo Văn bản số ${doc.number} ngày ${issuedText(doc.issued)} của UBND Thành phố.)`,
  );
  const areaRows: GridRow[] = [
    ...par.areas.map((a) => ({ cells: parLineCells(a) })),
    { cells: parLineCells(par.total), bold: true },
  ];
  const headers = [
    'Điểm tối đa',
    `Điểm năm ${previousYear}`,
    `Mục tiêu năm ${year}`,
    `Tự chấm năm ${year}`,
    'Chênh lệch so với mục tiêu',
  ];
  const areas = layoutGrid(
    'Lĩnh vực',
    headers.map((h, i) => ({ header: h, cells: areaRows.map((r) => r.cells[i + 2]) })),
    areaRows,
  );
  const blocks: Block[] = [
    title,
    source,
    caption(lib, p, '1. Điểm theo lĩnh vực'),
    gridTable(lib, p, areas),
    new lib.Paragraph({ spacing: { before: 120, after: 120 }, children: [p(par.verdict, { bold: true })] }),
    caption(lib, p, '2. Tiêu chí dưới mục tiêu, theo đơn vị chủ trì tham mưu'),
  ];
  if (par.byLead.length === 0) blocks.push(note(lib, p, '(Không có tiêu chí nào dưới mục tiêu, hoặc chưa chấm.)'));
  else {
    const rows: GridRow[] = [];
    for (const g of par.byLead) {
      rows.push({ cells: [`${g.lead}: thiếu ${g.pointsOwed} điểm so với mục tiêu`], bold: true, span: true });
      for (const r of g.rows) rows.push({ cells: [r.stt, r.label, r.score, r.target, r.gap] });
    }
    const below = ['Tự chấm', 'Mục tiêu', 'Chênh lệch'];
    const grid = layoutGrid(
      'Tiêu chí',
      below.map((h, i) => ({ header: h, cells: rows.filter((r) => !r.span).map((r) => r.cells[i + 2]) })),
      rows,
    );
    blocks.push(gridTable(lib, p, grid));
  }
  return [{ landscape: false, blocks }];
}

function findingsChunk(lib: DocxLib, p: Run, findings: readonly Finding[], counts: ReportModel['counts']): Chunk {
  const rows = findings.map((f) => ({ cells: [SEVERITY_NAMES[f.severity].vi, f.sheet, f.cell, f.message.vi] }));
  const grid: Grid = {
    landscape: false,
    rows,
    columns: [
      { header: 'Mức độ', width: mm(22), align: 'left' },
      { header: 'Trang', width: mm(35), align: 'left' },
      { header: 'Ô', width: mm(14), align: 'center' },
      { header: 'Nội dung', width: TEXT_WIDTH.portrait - mm(71), align: 'left' },
    ],
  };
  return {
    landscape: false,
    blocks: [
      heading(lib, p, '[BẢN LÀM VIỆC] CÁC LỖI VÀ CẢNH BÁO CỦA SỔ LÀM VIỆC', true),
      note(
        lib,
        p,
        `Khi xuất báo cáo, sổ làm việc còn ${counts.error} lỗi và ${counts.warning} cảnh báo. Hãy sửa trước khi gửi báo cáo chính thức. Bản sạch không có phụ lục này.`,
      ),
      gridTable(lib, p, grid),
    ],
  };
}

export function appendixChunks(lib: DocxLib, p: Run, model: ReportModel, draft: Draft): Chunk[] {
  const chunks: Chunk[] = [
    {
      landscape: false,
      blocks: [
        heading(lib, p, 'PHỤ LỤC 1. SỐ LIỆU THỐNG KÊ', true),
        note(
          lib,
          p,
          `(Theo Phụ lục 1 kèm theo Kế hoạch số ${model.source.plan} ngày ${model.source.date}; chỉ in các dòng có số liệu.)`,
        ),
      ],
    },
    ...model.tables.map((t) => appendixTable(lib, p, t)),
    goalsTable(lib, p, model, draft),
    // A workbook without the PAR sheet (a district's, say): the report to send has no Appendix 2 at all.
    ...(model.par || draft.hints ? parChunks(lib, p, model.par) : []),
  ];
  if (draft.hints && model.findings.length > 0) chunks.push(findingsChunk(lib, p, model.findings, model.counts));
  return chunks;
}
