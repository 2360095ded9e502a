/**
 * The visible sheet "CCHC – chưa xếp": values an upgrade or re-layout found no place for, and
 * entries a co-author typed into an area while it was being re-laid out, each with its sheet,
 * row key, column and version, newest first. Nothing an official typed is dropped.
 */
import type { CellValue, SheetSnapshot } from '../engine/types';
import { columnLetter, columnNumber } from '../layout/a1';
import type { SheetPlan } from '../layout/types';
import type { UnplacedValue } from '../engine/carriedValues';
import { SnapshotReader } from '../engine/snapshotReader';
import { isEmpty } from '../engine/text';
import type { InjectContext } from './inject';
import type { SheetState } from './read';
import { UNPLACED_SHEET } from './names';
import { actionBytes, pathBytes, rangePathBytes } from './session';

const UNPLACED_HEADER = [
  'Trang tính / Sheet',
  'Mã dòng / Row key',
  'Cột / Column',
  'Giá trị / Value',
  'Phiên bản / Version',
  'Thời điểm / When',
];

/**
 * Reserves, then queues, the values kept aside at the top of the unplaced sheet (created, with its
 * header, when missing); the reservation may send what is queued before first.
 */
export async function writeUnplaced(
  ic: InjectContext,
  unplaced: UnplacedValue[],
  versions: Map<string, string>,
  added?: Excel.Worksheet,
): Promise<Excel.Worksheet> {
  const collection = ic.session.ctx.workbook.worksheets;
  const found = ic.sheets.find((s) => s.name.toLocaleLowerCase('vi') === UNPLACED_SHEET.toLocaleLowerCase('vi'));
  const existing = added ? { id: null } : found;
  const stamp = ic.now().toISOString().replace('T', ' ').slice(0, 16);
  const rows = unplaced.map((u) => [u.sheet, u.rowKey, u.column, u.value, versions.get(u.sheet) ?? '', stamp]);
  const formats = rows.map((r) => r.map((v) => (typeof v === 'string' ? '@' : 'General')));
  const last = columnLetter(UNPLACED_HEADER.length);
  const sheetPath = pathBytes('workbook', 'worksheets', ['add', UNPLACED_SHEET]);
  const body = `A2:${last}${rows.length + 1}`;
  // Header, widths, freeze or insert and visibility: a handful of commands on short paths.
  await ic.session.reserve(
    12 * actionBytes(rangePathBytes(sheetPath, body) + pathBytes('format', 'font'), 'bold', UNPLACED_HEADER) +
      actionBytes(rangePathBytes(sheetPath, body), 'numberFormat', formats) +
      actionBytes(rangePathBytes(sheetPath, body), 'values', rows),
  );
  let sheet: Excel.Worksheet;
  if (existing) {
    sheet = added ?? collection.getItem((existing as SheetState).id);
    sheet.visibility = 'Visible';
    // Newest first, under the header: no need to know how long the list already is.
    sheet.getRange(`A2:${last}${rows.length + 1}`).insert('Down');
  } else {
    sheet = collection.add(UNPLACED_SHEET);
    const header = sheet.getRange(`A1:${last}1`);
    header.values = [UNPLACED_HEADER];
    header.format.font.bold = true;
    header.format.fill.color = '#D9D9D9';
    sheet.getRange(`A:${last}`).format.columnWidth = widthOf(22);
    sheet.freezePanes.freezeRows(1);
  }
  const range = sheet.getRange(body);
  range.numberFormat = formats;
  range.values = rows as unknown[][] as string[][];
  return sheet;
}

/** A sheet given a new layout: what our read saw, and what the area held just before it was cleared. */
export interface Relaid {
  name: string;
  before: Excel.Range;
  reader: SnapshotReader | null;
  source: SheetPlan | null;
  plan: SheetPlan;
}

/**
 * Entries a co-author made between our read and our write (the request that cleared the area):
 * every cell whose content then differs from what we read, and is not blank. Each is reported
 * with its row key and column as the sheet then held them, so that nothing typed is lost even
 * though the cell it was typed in now belongs to the new layout.
 */
export function lateEntries(r: Relaid): UnplacedValue[] {
  const values = r.before.values as CellValue[][];
  const formulas = r.before.formulas as CellValue[][];
  const snapshot: SheetSnapshot = {
    name: r.name,
    templateId: r.plan.templateId,
    version: r.plan.version,
    origin: 'A1',
    values,
    formulas,
  };
  const now = new SnapshotReader(snapshot);
  const content = (reader: SnapshotReader | null, row: number, col: number): string => {
    if (!reader) return '';
    const f = reader.formula(row, col);
    const v = isEmpty(f) ? reader.value(row, col) : f;
    return isEmpty(v) ? '' : String(v);
  };
  const out: UnplacedValue[] = [];
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < values[i].length; j++) {
      const row = i + 1;
      const col = j + 1;
      const got = content(now, row, col);
      if (got === '' || got === content(r.reader, row, col)) continue;
      const keyed = now.key(row);
      const columnId = keyed
        ? Object.entries(
            r.source?.rows.find((p) => p.key === keyed)?.inputs ??
              r.plan.rows.find((p) => p.key === keyed)?.inputs ??
              {},
          ).find(([, letter]) => columnNumber(letter) === col)?.[0]
        : undefined;
      const f = now.formula(row, col);
      const value = (isEmpty(f) ? now.value(row, col) : f) as string | number | boolean;
      out.push({ sheet: r.name, rowKey: keyed, column: columnId ?? `${columnLetter(col)}${row}`, value });
    }
  return out;
}

function widthOf(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}
