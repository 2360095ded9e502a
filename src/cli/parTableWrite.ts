/**
 * A year's PAR-index list written as the city lays it out in Excel (`cchc catalog export`), the
 * table parTable.ts reads back: title lines, header, a row of column numbers, one row per criterion;
 * lead, task and deadline cells merged down over consecutive criteria that share them; the list's
 * notes below the table. ExcelJS, in the command line only.
 */
import { Workbook } from 'exceljs';
import type { ParListFile } from '../catalog/parCheck';

const HEADERS = (list: ParListFile): string[] => [
  'STT',
  'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
  'Điểm tối đa',
  `Điểm năm ${list.previousYear}`,
  `Mục tiêu năm ${list.year}`,
  'Chủ trì tham mưu',
  'Nhiệm vụ',
  'Thời gian hoàn thành',
  'Ghi chú',
  'Mã dòng (chỉ dòng không có STT)',
];

/**
 * The table of a list as the city lays it out: title lines, header, a row of column numbers, one row
 * per criterion; lead, task and deadline cells merged down over consecutive criteria that share
 * them; the list's notes below the table.
 */
export function parTableWorkbook(list: ParListFile): Workbook {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(`Chỉ số CCHC ${list.year}`);
  const headers = HEADERS(list);
  const width = headers.length;
  const [d, m, y] = [list.source.issued.slice(8, 10), list.source.issued.slice(5, 7), list.source.issued.slice(0, 4)];
  sheet.getCell(1, 1).value = list.source.title;
  sheet.getCell(2, 1).value = `(Kèm theo Văn bản số ${list.source.number} ngày ${d}/${m}/${y})`;
  for (const r of [1, 2]) {
    sheet.mergeCells(r, 1, r, width);
    sheet.getCell(r, 1).alignment = { horizontal: 'center', wrapText: true };
  }
  sheet.getCell(1, 1).font = { bold: true };
  const headerRow = 4;
  headers.forEach((h, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.getCell(headerRow + 1, i + 1).value = `(${i + 1})`;
  });
  [6, 50, 10, 10, 10, 22, 70, 18, 30, 14].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const first = headerRow + 2;
  list.rows.forEach((row, i) => {
    const r = first + i;
    const leaf = row.children.length === 0;
    const values: (string | number | null)[] = [
      row.stt,
      row.label,
      row.max,
      row.previousScore,
      row.target,
      leaf ? row.leadText : null,
      leaf && row.tasks.length > 0 ? row.tasks.map((t) => `- ${t}`).join('\n') : null,
      leaf && row.deadline.length > 0 ? row.deadline.join('\n') : null,
      row.note ?? null,
      row.stt === '' ? row.id : null,
    ];
    values.forEach((v, c) => {
      const cell = sheet.getCell(r, c + 1);
      if (v !== null && v !== '') cell.value = v;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (c === 0) cell.numFmt = '@';
    });
    if (row.level <= 1) sheet.getRow(r).font = { bold: true };
  });
  // Merged down: a lead, task or deadline cell over consecutive criteria that share it.
  for (const c of [6, 7, 8]) {
    let start = 0;
    for (let i = 1; i <= list.rows.length; i++) {
      const same =
        i < list.rows.length &&
        String(sheet.getCell(first + i, c).value ?? '').trim() !== '' &&
        sheet.getCell(first + i, c).value === sheet.getCell(first + start, c).value;
      if (same) continue;
      if (i - 1 > start && sheet.getCell(first + start, c).value) {
        for (let k = start + 1; k < i; k++) sheet.getCell(first + k, c).value = null;
        sheet.mergeCells(first + start, c, first + i - 1, c);
      }
      start = i;
    }
  }
  if ((list.notes ?? []).length > 0) {
    let r = first + list.rows.length + 1;
    sheet.getCell(r, 1).value = 'Ghi chú:';
    for (const note of list.notes) {
      r++;
      sheet.getCell(r, 1).value = note;
      sheet.mergeCells(r, 1, r, width);
      sheet.getCell(r, 1).alignment = { wrapText: true };
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: headerRow + 1 }];
  return workbook;
}
