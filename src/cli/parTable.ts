/**
 * A year's PAR-index list as the city lays it out in Excel, read and written: STT, lĩnh vực / tiêu chí
 * / tiêu chí thành phần, điểm tối đa, điểm năm trước, mục tiêu, chủ trì tham mưu, nhiệm vụ, thời hạn
 * (and, where present, ghi chú and mã dòng). Reading takes the table as an office's Excel has it:
 * title lines above the header, a header over one or two rows, a row of column numbers, headers
 * repeated further down, merged cells (a lead, task or deadline cell merged down covers every row it
 * spans), numbers as numbers or as text with either decimal separator. What breaks a rule is refused
 * row by row (catalog/parCheck.ts holds the rules; the messages name the table's row). ExcelJS is
 * used here only, in the command line: the project's own reader does not give merged cells.
 * Writing such a table: parTableWrite.ts.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { checkParListFile, checkParRows, type ParListFile } from '../catalog/parCheck';
import { worded, type ParListProblem } from '../catalog/parWording';
import type { ParRow, UnitId } from '../catalog/types';
import { unitByName } from '../catalog/units';
import { readNumericText } from '../engine/numberText';
import { foldVietnamese } from '../engine/text';

/** A cell as the table gives it: its text or number, and whether it is part of a merge spanning rows. */
export interface TableCell {
  value: string | number | null;
  /** Part of a merged range of several rows (its value is the range's). */
  mergedDown: boolean;
}

/** A problem of one table row (row: the row number Excel shows; null for the table as a whole). */
export interface TableProblem {
  row: number | null;
  stt: string | null;
  vi: string;
  en: string;
}

export interface TableReading {
  /** The list, when the table keeps every rule. */
  list: ParListFile | null;
  problems: TableProblem[];
  /** Lead units the catalog does not know, as printed: to confirm and add to the catalog's units. */
  newUnits: string[];
}

export interface TableOptions {
  year: number;
  previousYear?: number;
  /** The issuing document, when the lines above the table do not say it (or say it otherwise). */
  source?: Partial<ParListFile['source']>;
}

type Column = 'stt' | 'key' | 'label' | 'max' | 'previous' | 'target' | 'lead' | 'tasks' | 'deadline' | 'note';

const COLUMN_NAMES: Record<Column, { vi: string; en: string }> = {
  stt: { vi: 'STT', en: 'No.' },
  key: { vi: 'Mã dòng', en: 'Row key' },
  label: { vi: 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', en: 'Area/criterion/sub-criterion' },
  max: { vi: 'Điểm tối đa', en: 'Maximum' },
  previous: { vi: 'Điểm năm trước', en: 'Previous year’s score' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  lead: { vi: 'Chủ trì tham mưu', en: 'Lead unit' },
  tasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
  deadline: { vi: 'Thời gian hoàn thành', en: 'Deadline' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

/** Header words (folded: no diacritics, lower case), tried in this order. */
const HEADER_PATTERNS: [Column, RegExp][] = [
  ['key', /\bma dong\b/],
  ['stt', /^(stt|tt|so thu tu)$/],
  ['max', /toi da/],
  ['target', /muc tieu|phan dau/],
  ['lead', /chu tri/],
  ['tasks', /nhiem vu/],
  ['deadline', /thoi (gian|han)/],
  ['note', /ghi chu/],
  ['previous', /diem (nam|dat)|nam truoc|(19|20)[0-9]{2}/],
  ['label', /linh vuc|tieu chi|noi dung/],
];
const REQUIRED: Column[] = ['stt', 'label', 'max', 'previous', 'target', 'lead'];
const TOTAL_LABEL = /^(tong (so )?diem|tong cong|tong)$/;
const NOTES_START = /^ghi chu:?$/;

function text(cell: TableCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  return (typeof v === 'number' ? String(v) : v).normalize('NFC').trim();
}

/** One "- " item per line; lines without a dash continue the item above. */
function items(raw: string): string[] {
  const out: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const dashed = /^[-–•+]\s*(.*)$/.exec(trimmed);
    if (dashed || out.length === 0) out.push((dashed ? dashed[1] : trimmed).trim());
    else out[out.length - 1] = `${out[out.length - 1]} ${trimmed}`;
  }
  return out.filter((s) => s.length > 0);
}

/** One item per line, a leading dash dropped (deadlines: "Tháng 8/2021", "Hằng quý"). */
function lines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^[-–•+]\s*/, ''))
    .filter((line) => line.length > 0);
}

const isNumberingRow = (cells: readonly TableCell[]): boolean => {
  const filled = cells.map(text).filter((t) => t !== '');
  return filled.length >= 3 && filled.every((t) => /^\(?[0-9]+\)?$/.test(t));
};

/** The header: the first row naming STT and the label column, with the row below when it completes it. */
function findHeader(grid: readonly TableCell[][]): { row: number; columns: Map<Column, number> } | null {
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const names = grid[r].map((c) => foldVietnamese(text(c)));
    if (!names.some((n) => /^(stt|tt|so thu tu)$/.test(n))) continue;
    const below = grid[r + 1] ?? [];
    // A second header row: words under a group cell ("Điểm" over "Tối đa | Năm 2020 | Mục tiêu").
    const twoRows = below.some((c) => /[a-z]/.test(foldVietnamese(text(c)))) && !isDataLike(below, names);
    const columns = new Map<Column, number>();
    const width = Math.max(names.length, below.length);
    for (let c = 0; c < width; c++) {
      const name = `${names[c] ?? ''} ${twoRows ? foldVietnamese(text(below[c])) : ''}`.trim();
      if (!name) continue;
      const found = HEADER_PATTERNS.find(([col, pattern]) => !columns.has(col) && pattern.test(name));
      if (found) columns.set(found[0], c);
    }
    if (columns.has('label')) return { row: twoRows ? r + 1 : r, columns };
  }
  return null;
}

function isDataLike(cells: readonly TableCell[], header: readonly string[]): boolean {
  const stt = header.findIndex((n) => /^(stt|tt|so thu tu)$/.test(n));
  return stt >= 0 && /^[0-9]/.test(text(cells[stt]));
}

/** The issuing document, as the lines above the table cite it. */
function sourceAbove(lines: readonly string[]): Partial<ParListFile['source']> {
  const out: Partial<ParListFile['source']> = {};
  for (const line of lines) {
    const number = /(?:văn bản|công văn|VB|CV)\s*(?:số)?\s*:?\s*([0-9]+\/[0-9A-Za-zĐđ-]+)/iu.exec(line);
    if (number && !out.number) out.number = number[1];
    const date =
      /ngày\s+([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})/iu.exec(line) ??
      /ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})/iu.exec(line);
    if (date && !out.issued) out.issued = `${date[3]}-${date[2].padStart(2, '0')}-${date[1].padStart(2, '0')}`;
    if (!number && !date && !out.title && !/^\(.*\)$/.test(line)) out.title = line;
  }
  return out;
}

interface Draft {
  tableRow: number;
  row: ParRow;
  leadRaw: string;
  /** The row's own lead, task or deadline text, not spread from a merge. */
  ownText: boolean;
}

/** Reads the table (rows of cells, the first being the sheet's row 1). */
export function readParTable(grid: readonly TableCell[][], options: TableOptions): TableReading {
  const problems: TableProblem[] = [];
  const fail = (row: number | null, stt: string | null, vi: string, en: string): void => {
    problems.push({ row, stt, vi, en });
  };
  const header = findHeader(grid);
  if (!header) {
    fail(null, null, 'Không tìm thấy dòng tiêu đề của bảng (có cột "STT").', 'No header row (with an "STT" column).');
    return { list: null, problems, newUnits: [] };
  }
  const missing = REQUIRED.filter((c) => !header.columns.has(c));
  if (missing.length > 0) {
    fail(
      header.row + 1,
      null,
      `Bảng thiếu cột: ${missing.map((c) => COLUMN_NAMES[c].vi).join(', ')}.`,
      `The table lacks the columns: ${missing.map((c) => COLUMN_NAMES[c].en).join(', ')}.`,
    );
    return { list: null, problems, newUnits: [] };
  }
  const col = (cells: readonly TableCell[], c: Column): TableCell | undefined => {
    const i = header.columns.get(c);
    return i === undefined ? undefined : cells[i];
  };
  const firstHeaderRow = grid.findIndex((cells) =>
    cells.some((c) => /^(stt|tt|so thu tu)$/.test(foldVietnamese(text(c)))),
  );
  const above = grid
    .slice(0, firstHeaderRow)
    .map((cells) => cells.map(text).find((t) => t !== '') ?? '')
    .filter((t) => t !== '');

  const drafts: Draft[] = [];
  const notes: string[] = [];
  let inNotes = false;
  for (let r = header.row + 1; r < grid.length; r++) {
    const cells = grid[r];
    const tableRow = r + 1;
    const firstText = cells.map(text).find((t) => t !== '') ?? '';
    if (inNotes) {
      if (firstText) notes.push(firstText);
      continue;
    }
    if (!firstText) continue;
    if (NOTES_START.test(foldVietnamese(firstText))) {
      inNotes = true;
      continue;
    }
    let stt = text(col(cells, 'stt')).replace(/\.$/, '');
    let label = text(col(cells, 'label'));
    if (/^(stt|tt|so thu tu)$/.test(foldVietnamese(stt)) || isNumberingRow(cells)) continue; // a repeated header
    const key = text(col(cells, 'key'));
    if (!label && stt && !/^[0-9]/.test(stt)) [label, stt] = [stt, '']; // "TỔNG ĐIỂM" merged across STT and label
    let id: string;
    if (key) id = key;
    else if (stt) id = stt;
    else if (TOTAL_LABEL.test(foldVietnamese(label))) id = 'total';
    else {
      fail(
        tableRow,
        null,
        'Dòng không có STT (chỉ dòng tổng điểm, hoặc dòng ghi "Mã dòng", được để trống STT).',
        'The row has no number (only the total, or a row with a row key, may leave it blank).',
      );
      continue;
    }
    if (id !== 'total' && !/^[0-9]+(\.[0-9]+)*(\.other)?$/.test(id)) {
      fail(
        tableRow,
        stt || key,
        `STT "${stt || key}" không phải dạng số theo cấp (1, 1.1, 1.1.1).`,
        `Number "${stt || key}" is not a numbered level (1, 1.1, 1.1.1).`,
      );
      continue;
    }
    if (stt && key && stt !== key) {
      fail(tableRow, stt, `STT ${stt} khác mã dòng ${key}.`, `Number ${stt} differs from the row key ${key}.`);
      continue;
    }
    const segments = id === 'total' ? [] : id.split('.');
    const level = Math.min(segments.length, 3) as ParRow['level'];
    const parent = id === 'total' ? null : segments.length === 1 ? 'total' : segments.slice(0, -1).join('.');
    const number = (c: Column, max: number): number => {
      const cell = col(cells, c);
      const v = cell?.value;
      if (typeof v === 'number') return v;
      const t = text(cell);
      const reading = t ? readNumericText(t, 'parScore', max) : null;
      if (reading?.type === 'number' && !reading.reading.percentSign) return reading.reading.value;
      fail(
        tableRow,
        stt || id,
        t ? `${COLUMN_NAMES[c].vi}: "${t}" không đọc được thành số.` : `${COLUMN_NAMES[c].vi}: ô trống, cần một số.`,
        t
          ? `${COLUMN_NAMES[c].en}: "${t}" cannot be read as a number.`
          : `${COLUMN_NAMES[c].en}: empty, a number is needed.`,
      );
      return Number.NaN;
    };
    const max = number('max', 100);
    const previousScore = number('previous', Number.isNaN(max) ? 100 : max);
    const target = number('target', Number.isNaN(max) ? 100 : max);
    const leadCell = col(cells, 'lead');
    const tasksCell = col(cells, 'tasks');
    const deadlineCell = col(cells, 'deadline');
    const note = text(col(cells, 'note'));
    drafts.push({
      tableRow,
      leadRaw: text(leadCell),
      ownText: [leadCell, tasksCell, deadlineCell].some((c) => text(c) !== '' && !c?.mergedDown),
      row: {
        id,
        stt,
        label,
        level: id === 'total' ? 0 : level,
        parent,
        children: [],
        max,
        previousScore,
        target,
        lead: null,
        leadText: null,
        tasks: items(text(tasksCell)),
        deadline: lines(text(deadlineCell)),
        ...(key && !stt && id !== 'total' ? { synthetic: true as const } : {}),
        ...(note ? { note } : {}),
      },
    });
  }

  // The total first, then the document's order.
  drafts.sort((a, b) => Number(b.row.id === 'total') - Number(a.row.id === 'total'));
  if (drafts[0]?.row.id !== 'total') fail(null, null, 'Bảng không có dòng TỔNG ĐIỂM.', 'The table has no TOTAL row.');
  const rows = drafts.map((d) => d.row);
  for (const row of rows) row.children = rows.filter((r) => r.parent === row.id && r !== row).map((r) => r.id);

  const newUnits: string[] = [];
  const reported = new Set<number>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const leaves = (row: ParRow): ParRow[] =>
    row.children.length === 0 ? [row] : row.children.flatMap((c) => leaves(byId.get(c) as ParRow));
  drafts.forEach((d, i) => {
    const row = d.row;
    if (row.children.length > 0 || row.id === 'total') {
      if (d.ownText && row.id !== 'total')
        fail(
          d.tableRow,
          row.stt,
          'Dòng có dòng con không ghi đơn vị chủ trì, nhiệm vụ, thời hạn riêng: ghi ở các dòng con (hoặc gộp ô xuống các dòng con).',
          'A row with sub-rows has no lead, tasks or deadline of its own: give them on its sub-rows (or merge the cell down over them).',
        );
      row.tasks = [];
      row.deadline = [];
      return;
    }
    if (!d.leadRaw) return;
    const unit = unitByName(d.leadRaw);
    row.leadText = d.leadRaw;
    if (unit) row.lead = unit.id;
    else {
      reported.add(i);
      if (!newUnits.includes(d.leadRaw)) newUnits.push(d.leadRaw);
      fail(
        d.tableRow,
        row.stt,
        `Đơn vị chủ trì "${d.leadRaw}" chưa có trong danh mục đơn vị: cần xác nhận là đơn vị mới (hoặc sửa tên cho đúng).`,
        `Lead unit "${d.leadRaw}" is not among the catalog's units: confirm it as a new unit (or correct the name).`,
      );
    }
  });
  // A row the document does not print takes the lead its siblings share.
  for (const row of rows)
    if (row.synthetic && row.lead === null && row.parent) {
      const siblings = (byId.get(row.parent)?.children ?? []).map((c) => byId.get(c)).filter((s) => s && s !== row);
      const shared = new Set(siblings.map((s) => s?.lead));
      if (shared.size === 1) row.lead = [...shared][0] ?? null;
    }
  for (const row of rows)
    if (row.children.length > 0 && row.level > 1) {
      const shared = new Set(leaves(row).map((l) => l.lead));
      row.lead = shared.size === 1 ? ([...shared][0] as UnitId | null) : null;
    }

  const numbersRead = rows.every((r) => [r.max, r.previousScore, r.target].every((n) => !Number.isNaN(n)));
  if (numbersRead)
    for (const p of worded(checkParRows(rows))) {
      if (p.index !== null && reported.has(p.index) && p.rule === 'lead-missing') continue;
      const d = p.index === null ? undefined : drafts[p.index];
      fail(d?.tableRow ?? null, d ? d.row.stt || d.row.id : null, p.vi, p.en);
    }

  const found = sourceAbove(above);
  const source = { ...found, ...Object.fromEntries(Object.entries(options.source ?? {}).filter(([, v]) => v)) };
  if (!source.number || !source.issued || !source.title)
    fail(
      null,
      null,
      'Không thấy số, ngày hoặc tên văn bản ban hành danh mục ở các dòng trên bảng: ghi thêm --number, --issued, --title.',
      'The number, date or title of the issuing document is not in the lines above the table: add --number, --issued, --title.',
    );
  if (problems.length > 0) return { list: null, problems: sortProblems(problems), newUnits };
  const list: ParListFile = {
    year: options.year,
    previousYear: options.previousYear ?? options.year - 1,
    source: { number: source.number ?? '', issued: source.issued ?? '', title: source.title ?? '' },
    notes,
    rows,
  };
  // The file's shape, as the catalog will check it when it loads the file.
  const shape: ParListProblem[] = worded(checkParListFile({ ...list }));
  for (const p of shape) {
    const d = p.index === null ? undefined : drafts[p.index];
    fail(d?.tableRow ?? null, d ? d.row.stt || d.row.id : null, p.vi, p.en);
  }
  return problems.length > 0
    ? { list: null, problems: sortProblems(problems), newUnits }
    : { list, problems, newUnits };
}

function sortProblems(problems: TableProblem[]): TableProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** The data file's text for a list read from a table. */
export function parListFileText(list: ParListFile): string {
  const { notes, ...rest } = list;
  const file = { $schema: './par-list.schema.json', ...rest, ...(notes.length > 0 ? { notes } : {}) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function cellValue(cell: Cell): string | number | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) {
      const r = v.result;
      return typeof r === 'number' || typeof r === 'string' ? r : null;
    }
    if ('text' in v && typeof v.text === 'string') return v.text;
  }
  return null;
}

/** A sheet's cells as readParTable takes them: a merged range's value in every row of its first column. */
export function sheetGrid(sheet: Worksheet): TableCell[][] {
  const masterOf = (r: number, c: number): Cell | null => {
    if (r < 1 || r > sheet.rowCount) return null;
    const cell = sheet.getCell(r, c);
    return cell.isMerged ? cell.master : cell;
  };
  const grid: TableCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells: TableCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      const master = cell.isMerged ? cell.master : cell;
      const mergedDown =
        cell.isMerged && [masterOf(r - 1, c), masterOf(r + 1, c)].some((m) => m?.address === master.address);
      // Across columns a merged value belongs to its first column only.
      cells.push({ value: master.col === cell.col ? cellValue(master) : null, mergedDown });
    }
    grid.push(cells);
  }
  return grid;
}

/** Reads the first sheet of a workbook that holds such a table. */
export function readParWorkbook(workbook: Workbook, options: TableOptions): TableReading {
  let first: TableReading | null = null;
  for (const sheet of workbook.worksheets) {
    const reading = readParTable(sheetGrid(sheet), options);
    if (reading.list || reading.problems.some((p) => p.row !== null)) return reading;
    first ??= reading;
  }
  return first ?? readParTable([], options);
}
