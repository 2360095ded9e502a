/**
 * "Xuất báo cáo (.docx)": the snapshots of every template sheet, read in one request, for the pane to
 * build the Word report with the same pure code as `cchc report`. Reads only: a view-only user can
 * export too. Formulas are calculated first so the outline's live figures are current. This Excel's
 * decimal separator (core.messages) is deliberately not passed on: the .docx is a Vietnamese
 * document for the city and writes 1,5 whatever the Excel (src/report/model.ts).
 */
import type { ReportData } from '../../contracts/operations';
import { AdapterCore, isChecked } from '../core';

export function reportData(core: AdapterCore): Promise<ReportData> {
  return core.operation(async (session) => {
    const state = await core.read<never>(session, { data: isChecked, calculate: true });
    return { snapshots: core.snapshots(state), syncs: session.syncs };
  });
}
