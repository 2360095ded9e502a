/**
 * The sheet's structure rather than its values: the A1 marker typed over, the template version, template
 * rows whose key is gone from column A (a deleted row) and keys found on more than one row (a
 * copied row). Rows are found by key, so without these checks a deleted or copied row would go
 * unnoticed: its figures would simply be missing from, or silently ignored in, the totals.
 *
 * Cost: a string comparison and one pass over the template's rows per sheet; messages are built
 * only when something is wrong.
 */
import { appendix1Row, parRow, TEMPLATE_VERSION } from '../catalog';
import { columnLetter, parseCell } from '../layout/a1';
import { parseMarker } from '../layout/marker';
import { quote } from './format';
import { finding } from './sheet';
import type { SheetContext } from './sheet';
import type { Finding } from './types';

/** Every structural finding of the sheet, in this order: A1 marker, version, missing rows, copied rows. */
export function checkStructure(ctx: SheetContext, out: Finding[]): void {
  const typedOver = markerTypedOver(ctx);
  if (typedOver !== null) out.push(typedOver);
  const version = ctx.snapshot.version;
  if (version !== TEMPLATE_VERSION) out.push(versionFinding(ctx, version));
  // A snapshot without the key column cannot tell a deleted row from an unread one. The status
  // sheet's rows follow the templates present in the workbook, so none of its rows is required.
  if (!ctx.keyed || ctx.table.templateId === 'STATUS') return;
  const first = ctx.first;
  let found = 0;
  for (let i = 0; i < first.length; i++) {
    if (first[i] >= 0) found++;
    else if (ctx.table.rowList[i].plan.kind !== 'meta') out.push(missingFinding(ctx, i));
  }
  if (ctx.specs.length > found) duplicates(ctx, out);
}

/** -1, 0 or 1 as version a is older than, equal to or newer than b; an unreadable version counts as older. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (pa === null) return pb === null ? 0 : -1;
  if (pb === null) return 1;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function parseVersion(v: string): number[] | null {
  if (typeof v !== 'string' || !/^\d+(\.\d+)*$/.test(v.trim())) return null;
  return v.trim().split('.').map(Number);
}

/**
 * A sheet recognised by its CCHC_TEMPLATE name (layout/marker.ts) whose A1 no longer holds a
 * marker of its template: someone typed over it or cleared it. Still checked as the template it
 * is; "Chèn biểu mẫu" writes the marker back and keeps what was typed on the unplaced sheet
 * (src/excel/inject.ts). Only a snapshot that starts at A1 can tell (a used range that starts
 * elsewhere, a part read alone, says nothing of A1); the version is the version finding's.
 */
function markerTypedOver(ctx: SheetContext): Finding | null {
  const { row, col } = parseCell(ctx.snapshot.origin);
  if (row !== 1 || col !== 1) return null;
  const found = ctx.snapshot.values[0]?.[0] ?? '';
  if (parseMarker(found)?.templateId === ctx.snapshot.templateId) return null;
  const cleared = found === '';
  const message = cleared
    ? {
        vi: `Ô A1 (dấu nhận biết biểu mẫu) đã bị xóa. Tiện ích vẫn nhận ra trang này nhờ tên CCHC_TEMPLATE của trang; nhấn “Chèn biểu mẫu” để ghi lại dấu, số liệu được giữ nguyên.`,
        en: `Cell A1 (the template marker) was cleared. The add-in still recognises this sheet by its CCHC_TEMPLATE name; press “Insert templates” to write the marker back; your figures are kept.`,
      }
    : {
        vi: `Ô A1 (dấu nhận biết biểu mẫu) đã bị ghi đè bằng ${quote(found)}. Tiện ích vẫn nhận ra trang này nhờ tên CCHC_TEMPLATE của trang; nhấn “Chèn biểu mẫu” để ghi lại dấu, giá trị đã gõ được chép sang trang “CCHC – chưa xếp”.`,
        en: `Cell A1 (the template marker) was typed over with ${quote(found)}. The add-in still recognises this sheet by its CCHC_TEMPLATE name; press “Insert templates” to write the marker back; what was typed is copied to the sheet “CCHC – chưa xếp”.`,
      };
  return finding(ctx, { severity: 'warning', code: 'marker-overwritten', message }, '', null, 'A1');
}

function versionFinding(ctx: SheetContext, version: string): Finding {
  const shown = typeof version === 'string' && version.trim() !== '' ? version : '?';
  const newer = compareVersions(version, TEMPLATE_VERSION) > 0;
  const message = newer
    ? {
        vi: `Trang tính dùng biểu mẫu phiên bản ${shown}, mới hơn phiên bản ${TEMPLATE_VERSION} của tiện ích này: hãy cập nhật tiện ích CCHC; kết quả kiểm tra có thể chưa đúng với biểu mẫu mới.`,
        en: `This sheet uses template version ${shown}, newer than this add-in's ${TEMPLATE_VERSION}: please update the CCHC add-in; the checks may not match the newer template.`,
      }
    : {
        vi: `Trang tính dùng biểu mẫu phiên bản ${shown}, cũ hơn phiên bản ${TEMPLATE_VERSION} của tiện ích: chèn lại biểu mẫu để nâng cấp, số liệu được giữ.`,
        en: `This sheet uses template version ${shown}, older than the add-in's ${TEMPLATE_VERSION}: insert the templates again to upgrade; your figures are kept.`,
      };
  return finding(ctx, { severity: 'warning', code: 'version-mismatch', message }, '', null, 'A1');
}

function labelOf(key: string): string {
  return parRow(key)?.label ?? appendix1Row(key)?.row.label ?? '';
}

function missingFinding(ctx: SheetContext, index: number): Finding {
  const spec = ctx.table.rowList[index];
  const cell = `${columnLetter(ctx.table.keyCol)}${spec.plan.row}`;
  const label = labelOf(spec.key);
  const named = label === '' ? spec.key : `${spec.key} (“${label}”)`;
  return finding(
    ctx,
    {
      severity: 'error',
      code: 'row-missing',
      message: {
        vi: `Thiếu dòng ${named}: không tìm thấy mã dòng này ở cột A (có thể dòng đã bị xóa), nên số liệu của dòng không được kiểm tra và không vào tổng. Nhấn “Chèn biểu mẫu” để khôi phục dòng; các số liệu khác được giữ nguyên.`,
        en: `Row ${named} is missing: its key is not in column A (the row may have been deleted), so its figures are neither checked nor totalled. Press “Insert templates” to restore the row; the other figures are kept.`,
      },
    },
    spec.key,
    null,
    cell,
  );
}

function duplicates(ctx: SheetContext, out: Finding[]): void {
  const letter = columnLetter(ctx.table.keyCol);
  for (let i = 0; i < ctx.specs.length; i++) {
    const spec = ctx.specs[i];
    const firstAt = ctx.first[spec.index];
    if (ctx.at[i] === firstAt) continue;
    const row = ctx.row0 + ctx.at[i];
    const firstRow = ctx.row0 + firstAt;
    out.push(
      finding(
        ctx,
        {
          severity: 'warning',
          code: 'duplicate-key',
          message: {
            vi: `Mã dòng ${spec.key} xuất hiện nhiều lần: dòng ${row} là bản sao của dòng ${firstRow}. Chỉ dòng ${firstRow} được dùng để tính tổng; hãy xóa dòng sao chép ${row}.`,
            en: `Row key ${spec.key} appears more than once: row ${row} is a copy of row ${firstRow}. Only row ${firstRow} is used for totals; please delete the copied row ${row}.`,
          },
        },
        spec.key,
        null,
        `${letter}${row}`,
      ),
    );
  }
}
