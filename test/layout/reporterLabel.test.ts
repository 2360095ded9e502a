/**
 * "Cơ quan, đơn vị báo cáo:" must be readable on every template sheet. The label sits beside the
 * input cell, so Excel cannot spill it over that cell: a span narrower than the text shows
 * "Cơ qua…" (the outline sheet did, in its 7-character number column; issue 23, item 6).
 */
import { REPORTER_LABEL } from '../../src/layout/common';
import { buildWorkbookPlan } from '../../src/layout';
import { parseRange } from '../../src/layout/a1';
import { lineWidth } from '../../src/layout/measure';
import { contains } from './helpers';

it('gives the reporter label room for itself on one line on every template sheet', () => {
  const plan = buildWorkbookPlan();
  const checked: string[] = [];
  for (const sheet of plan.sheets) {
    const label = sheet.cells.find((c) => c.value === REPORTER_LABEL);
    if (!label) continue;
    const span = sheet.merges.find((m) => contains(m, label.address)) ?? label.address;
    const { left, right } = parseRange(span);
    const width = sheet.columns.slice(left - 1, right).reduce((n, c) => n + (c.hidden ? 0 : c.width), 0);
    expect({ sheet: sheet.templateId, fits: width >= lineWidth(REPORTER_LABEL, { bold: true }) }).toEqual({
      sheet: sheet.templateId,
      fits: true,
    });
    checked.push(sheet.templateId);
  }
  expect(checked).toEqual(expect.arrayContaining(['I', 'VIII', 'OUTLINE', 'PAR']));
});
