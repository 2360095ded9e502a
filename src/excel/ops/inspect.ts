/**
 * inspect: what the workbook holds and what "Chèn biểu mẫu" would do with each template. The
 * pane calls it when it opens, so it is part of the pane's start-up (README, "Task pane": a
 * JavaScript budget and a time to interactive) and is kept apart from the rest of "Chèn biểu mẫu"
 * (ops/templates.ts): it reads the sheet list and the markers only, and needs no template layout,
 * which that module brings with it.
 */
import { TEMPLATE_IDS, TEMPLATE_VERSION } from '../../catalog';
import type { WorkbookStatus } from '../../contracts/operations';
import type { Bilingual } from '../../engine/types';
import { defaultSheetName } from '../../layout/names';
import { AdapterCore, byTemplateOrder } from '../core';
import { freeName, UNPLACED_SHEET } from '../names';
import type { SheetState } from '../read';

export function inspect(core: AdapterCore): Promise<WorkbookStatus> {
  // Its result holds no number the decimal separator changes (versions, names, template counts),
  // so it does not wait for Excel's number settings: the pane asks for both as it opens.
  return core.operation(
    async (session) => {
      const state = await core.read(session, { version: true });
      const present = state.templates
        .slice()
        .sort(byTemplateOrder)
        .map((s) => ({ templateId: s.marker!.templateId, sheet: s.name, version: s.marker!.version }));
      const taken = state.sheets.map((s) => s.name);
      const plan: WorkbookStatus['plan'] = TEMPLATE_IDS.map((id) => {
        const existing = present.filter((p) => p.templateId === id);
        if (existing.length) {
          const old = existing.find((p) => p.version !== TEMPLATE_VERSION);
          const a1 = markerWarning(state.templates.filter((s) => s.marker?.templateId === id));
          if (old)
            return {
              templateId: id,
              action: 'upgrade' as const,
              sheet: old.sheet,
              detail: {
                vi: `Nâng cấp "${old.sheet}" từ phiên bản ${old.version} lên ${TEMPLATE_VERSION}, giữ nguyên số liệu đã nhập.${a1.vi}`,
                en: `Upgrade "${old.sheet}" from version ${old.version} to ${TEMPLATE_VERSION}, keeping the values entered.${a1.en}`,
              },
            };
          return {
            templateId: id,
            action: 'refresh' as const,
            sheet: existing[0].sheet,
            detail: {
              vi: `Làm mới "${existing[0].sheet}": chỉ sửa phần khung biểu mẫu bị thay đổi, không động tới số liệu.${a1.vi}`,
              en: `Refresh "${existing[0].sheet}": only template parts that changed are rewritten, never values.${a1.en}`,
            },
          };
        }
        const wanted = defaultSheetName(id);
        const sheet = freeName(wanted, taken);
        return {
          templateId: id,
          action: 'create' as const,
          sheet,
          detail:
            sheet === wanted
              ? { vi: `Tạo trang "${sheet}".`, en: `Create sheet "${sheet}".` }
              : {
                  vi: `Đã có trang "${wanted}" không phải của tiện ích: giữ nguyên, tạo trang mới "${sheet}".`,
                  en: `A sheet "${wanted}" exists that is not the add-in's: it is kept, a new sheet "${sheet}" is created.`,
                },
        };
      });
      return { currentVersion: TEMPLATE_VERSION, workbookVersion: state.workbookVersion, present, plan };
    },
    { numbers: false },
  );
}

/**
 * What inspect says of sheets whose A1 marker was typed over (recognised by their name): that the
 * insert writes it back and keeps what was typed. Empty strings when none was.
 */
function markerWarning(sheets: SheetState[]): Bilingual {
  const hit = sheets.filter((s) => s.a1Overwritten !== null);
  if (hit.length === 0) return { vi: '', en: '' };
  const names = hit.map((s) => `"${s.name}"`).join(', ');
  return {
    vi: ` Ô A1 (dấu nhận biết biểu mẫu) của ${names} đã bị ghi đè: "Chèn biểu mẫu" sẽ ghi lại dấu nhận biết và chép giá trị đã nhập sang trang "${UNPLACED_SHEET}".`,
    en: ` Cell A1 (the template marker) of ${names} was typed over: "Insert templates" writes the marker back and copies the value typed to the sheet "${UNPLACED_SHEET}".`,
  };
}
