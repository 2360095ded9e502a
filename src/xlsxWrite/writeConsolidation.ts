/**
 * Writes a consolidation (src/consolidate) as an .xlsx file for `cchc consolidate` and the pane (host-free: bytes, no Node API): the form of
 * each Appendix 1 template with the city totals, the merged PAR sheet when lead units returned
 * scores, and the sources sheet. Marked as a consolidation in A1, so it is never read back as a
 * unit's return.
 */
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import { appendix1Row } from '../catalog';
import type { Appendix1TemplateId } from '../catalog/types';
import type { Aggregate, Consolidation, Lang } from '../consolidate';
import { consolidatedReporter, methodLabel, noteFor } from '../consolidate/labels';
import { SOURCES_SHEET, sourcesTable } from '../consolidate/sources';
import { buildWorkbookPlan } from '../layout';
import { columnNumber } from '../layout/a1';
import type { RowPlan, SheetPlan } from '../layout/types';
import { CONSOLIDATED_PREFIX } from '../xlsx/reader';
import { addPlannedSheet, excelStyle, VERSION_NAME, workbookBytes, type BuiltWorkbook } from './writePlan';

export { SOURCES_SHEET };

function lastColumn(plan: SheetPlan): number {
  return Math.max(...plan.columns.map((c) => columnNumber(c.letter)));
}

/**
 * A template sheet for consolidated figures: no data validation, the consolidated marker, and
 * only the rules that still mean something ('invalid' would paint flag counts above 1 and
 * pass/fail tallies as errors; marks do not apply).
 */
function addConsolidatedSheet(
  built: BuiltWorkbook,
  plan: SheetPlan,
  styles: ReturnType<typeof buildWorkbookPlan>['styles'],
): ReturnType<typeof addPlannedSheet> {
  return addPlannedSheet(built.workbook, plan, styles, {
    validations: false,
    conditionalPurposes: ['belowTarget', 'formulaOverwritten'],
    marker: `${CONSOLIDATED_PREFIX}${plan.templateId}@${plan.version}`,
  });
}

function writeConsolidatedSheet(
  built: BuiltWorkbook,
  plan: SheetPlan,
  styles: ReturnType<typeof buildWorkbookPlan>['styles'],
  aggregates: Aggregate[],
  consolidation: Consolidation,
  lang: Lang,
): void {
  const sheet = addConsolidatedSheet(built, plan, styles);
  const rowByKey = new Map<string, RowPlan>(plan.rows.map((r) => [r.key, r]));
  const computed = styles.formula;
  for (const agg of aggregates) {
    const rowPlan = rowByKey.get(agg.rowKey);
    const letter = rowPlan?.inputs[agg.column];
    if (!rowPlan || !letter) continue;
    const cell = sheet.getCell(`${letter}${rowPlan.row}`);
    const numFmt = cell.numFmt;
    cell.style = excelStyle({ ...computed, wrap: agg.kind === 'text' || agg.kind === 'passfail' }, numFmt);
    if (agg.value === null) continue;
    cell.value = agg.value;
    if (agg.kind === 'flag') cell.numFmt = '0';
    cell.note = noteFor(agg, consolidation, lang);
  }

  // Reporter line: who consolidated what.
  const reporter = rowByKey.get('meta.reporter');
  const reporterLetter = reporter ? Object.values(reporter.inputs)[0] : undefined;
  if (reporter && reporterLetter) {
    const units = consolidation.sources
      .filter((s) => s.sheets.some((x) => x.templateId === plan.templateId))
      .map((s) => s.unit);
    sheet.getCell(`${reporterLetter}${reporter.row}`).value = consolidatedReporter(units, lang);
  }

  // The method column, right of the form.
  const col = lastColumn(plan) + 1;
  sheet.getColumn(col).width = 42;
  const [top, bottom] = plan.headerRows;
  const header = sheet.getCell(top, col);
  header.value = lang === 'vi' ? 'Cách tổng hợp' : 'How consolidated';
  header.style = excelStyle(styles.header);
  if (bottom > top) sheet.mergeCells(top, col, bottom, col);
  const aggregateOfRow = new Map(aggregates.map((a) => [a.rowKey, a]));
  for (const rowPlan of plan.rows) {
    if (rowPlan.kind === 'group' && rowPlan.row > bottom) {
      // Heading rows stay grey across the whole table, as on the form.
      sheet.getCell(rowPlan.row, col).style = excelStyle(styles.header);
      continue;
    }
    const agg = aggregateOfRow.get(rowPlan.key);
    if (!agg) continue;
    const cell = sheet.getCell(rowPlan.row, col);
    const rowAggs = aggregates.filter((a) => a.rowKey === rowPlan.key);
    const weightBy = appendix1Row(rowPlan.key)?.row.weightBy;
    const weighted = rowAggs.some((a) => a.method === 'weighted');
    const fellBack = weightBy !== undefined && rowAggs.some((a) => a.method === 'mean');
    let label = methodLabel(
      agg.kind,
      fellBack && !weighted ? undefined : weightBy,
      fellBack ? weightBy : undefined,
      lang,
    );
    if (fellBack && weighted)
      label +=
        lang === 'vi'
          ? ` (cột không có số liệu ${weightBy}: trung bình cộng)`
          : ` (columns without ${weightBy}: plain mean)`;
    cell.value = label;
    cell.style = excelStyle({ ...styles.text, italic: true });
  }
}

/** The PAR form with each criterion's score and evidence from its lead unit's file. */
function writeParSheet(
  built: BuiltWorkbook,
  plan: SheetPlan,
  styles: ReturnType<typeof buildWorkbookPlan>['styles'],
  consolidation: Consolidation,
): void {
  const sheet = addConsolidatedSheet(built, plan, styles);
  const rowByKey = new Map<string, RowPlan>(plan.rows.map((r) => [r.key, r]));
  for (const m of consolidation.par?.merged ?? []) {
    const row = rowByKey.get(m.rowKey);
    if (!row) continue;
    if (m.score !== null && row.inputs.score) sheet.getCell(`${row.inputs.score}${row.row}`).value = m.score;
    if (m.evidence && row.inputs.evidence) sheet.getCell(`${row.inputs.evidence}${row.row}`).value = m.evidence;
  }
}

function sourcesSheet(workbook: Workbook, consolidation: Consolidation, lang: Lang): Worksheet {
  const table = sourcesTable(consolidation, lang, 'cchc consolidate', new Date());
  const sheet = workbook.addWorksheet(SOURCES_SHEET);
  const bold = { font: { bold: true } };
  const headerStyle = { ...excelStyle({ bold: true, fill: '#D9D9D9', wrap: true, border: true, vAlign: 'center' }) };
  const bodyStyle = excelStyle({ wrap: true, border: true, vAlign: 'top' });
  let row = 1;
  const put = (values: (string | number)[], style = bodyStyle) => {
    values.forEach((v, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = v;
      cell.style = style;
    });
    row++;
  };
  sheet.getCell(row, 1).value = table.title;
  sheet.getCell(row++, 1).style = { font: { bold: true, size: 14 } };
  sheet.getCell(row++, 1).value = table.intro;
  row++;
  for (const section of table.sections) {
    sheet.getCell(row, 1).value = section.title;
    sheet.getCell(row++, 1).style = bold;
    put(section.header, headerStyle);
    if (section.rows.length === 0) put([lang === 'vi' ? '(không có)' : '(none)']);
    for (const r of section.rows) put(r);
    row++;
  }
  [6, 28, 28, 24, 10, 12, 12, 16, 60].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return sheet;
}

export async function consolidatedWorkbook(consolidation: Consolidation, lang: Lang): Promise<Uint8Array> {
  const templates = [...consolidation.templates, ...(consolidation.par ? (['PAR'] as const) : [])];
  const plan = buildWorkbookPlan({ templates, parYear: consolidation.parYear });
  const workbook = new Workbook();
  workbook.creator = 'cchc';
  workbook.title =
    lang === 'vi' ? 'Tổng hợp Phụ lục 1 — CCHC Thành phố Hà Nội' : 'Appendix 1 consolidation — Hà Nội CCHC';
  workbook.calcProperties.fullCalcOnLoad = true;
  const built: BuiltWorkbook = {
    workbook,
    names: [{ name: VERSION_NAME, formula: `"${plan.version}"` }],
    properties: {
      [VERSION_NAME]: plan.version,
      CCHC_CONSOLIDATED_UNITS: String(consolidation.sources.filter((s) => s.status === 'used').length),
    },
  };
  for (const sheetPlan of plan.sheets) {
    if (sheetPlan.templateId === 'PAR') writeParSheet(built, sheetPlan, plan.styles, consolidation);
    else
      writeConsolidatedSheet(
        built,
        sheetPlan,
        plan.styles,
        consolidation.aggregates.get(sheetPlan.templateId as Appendix1TemplateId) ?? [],
        consolidation,
        lang,
      );
  }
  sourcesSheet(workbook, consolidation, lang);
  return workbookBytes(built);
}
