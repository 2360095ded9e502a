/**
 * Moving the official to a cell ("Đi tới ô", "Đến ô trống tiếp theo") and what a unit has
 * filled ("Đơn vị của tôi"). Reads only, apart from activating and selecting, which a
 * view-only user may do too.
 */
import { appendix1Row, parList } from '../../catalog';
import type { UnitId } from '../../catalog/types';
import type { UnitProgress } from '../../contracts/operations';
import { cellAddress, columnNumber } from '../../layout/a1';
import { buildSheetPlan } from '../../layout';
import { AdapterCore, APPENDIX_IDS, byTemplateOrder } from '../core';
import { parYearOf } from '../../engine/parYears';
import { sheetRowsByKey } from '../../engine/rowKeys';
import { SnapshotReader } from '../../engine/snapshotReader';
import { isBlank } from '../../engine/text';

export async function goToCell(core: AdapterCore, sheetName: string, cell: string): Promise<void> {
  await core.operation(async (session) => {
    const sheet = session.ctx.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await session.sync();
  });
}

export function unitProgress(core: AdapterCore, unit: UnitId): Promise<UnitProgress> {
  return core.operation(async (session) => {
    const state = await core.read<never>(session, { data: (id) => id === 'PAR' || APPENDIX_IDS.has(id) });
    const rows: UnitProgress['rows'] = [];
    const missingRows: UnitProgress['missingRows'] = [];
    let nextEmpty: UnitProgress['nextEmpty'] = null;
    for (const s of state.templates.slice().sort(byTemplateOrder)) {
      const id = s.marker!.templateId;
      if (!s.snapshot || id === 'STATUS') continue;
      // A PAR sheet is read against its own year's list (its marker's), whichever years the workbook holds.
      const year = id === 'PAR' ? parYearOf(s.marker!) : undefined;
      const plan = buildSheetPlan(id, { sheetNames: { [id]: s.name }, parYear: year });
      const parRows = year === undefined ? null : new Map(parList(year).rows.map((p) => [p.id, p]));
      const reader = new SnapshotReader(s.snapshot);
      const keyRows = sheetRowsByKey(s.snapshot);
      for (const r of plan.rows) {
        const letters = Object.values(r.inputs);
        if (letters.length === 0) continue;
        let label: string | undefined;
        if (parRows) {
          const p = parRows.get(r.key);
          if (!p || p.children.length > 0 || p.lead !== unit) continue;
          label = p.label;
        } else {
          const a = appendix1Row(r.key);
          if (!a || a.row.unit !== unit) continue;
          label = a.row.label;
        }
        // Found by its key only: a row whose key is gone is reported missing, not read at its planned place.
        const row = keyRows.get(r.key);
        if (row === undefined) {
          missingRows.push({ sheet: s.name, rowKey: r.key, label });
          continue;
        }
        let filled = 0;
        let firstEmpty: string | null = null;
        for (const letter of letters) {
          const col = columnNumber(letter);
          if (!isBlank(reader.value(row, col))) filled++;
          else firstEmpty ??= cellAddress(row, col);
        }
        rows.push({ sheet: s.name, rowKey: r.key, label, cells: letters.length, filled, firstEmpty });
        if (!nextEmpty && firstEmpty) nextEmpty = { sheet: s.name, cell: firstEmpty };
      }
    }
    return {
      unit,
      rows,
      missingRows,
      cells: rows.reduce((n, r) => n + r.cells, 0),
      filled: rows.reduce((n, r) => n + r.filled, 0),
      nextEmpty,
    };
  });
}
