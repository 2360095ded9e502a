/**
 * What the Word report says, as plain data built from a workbook's snapshots and the catalog: the
 * letterhead (letterhead.ts), Appendix 2's headings with the unit's text and the figures to cite,
 * Section VIII with the suggestions, the Appendix 1 tables with the rows that hold data
 * (appendixTables.ts), the PAR self-score (parScore.ts) and the findings of validation. Pure: the CLI
 * (Node) and the task pane (browser) build the same model and hand it to docx.ts, which writes it as
 * the working draft or the report to send (draft.ts).
 *
 * A workbook without the outline sheet, or whose outline is of another major version, still gets a
 * report: the headings with placeholders, and a note saying why the text is missing.
 *
 * Numbers are written as Vietnamese writes them (1,5; 85,5%), whatever the decimal separator of the
 * Excel it is exported from: the .docx is a formal Vietnamese document sent to the city, read and
 * printed away from that Excel, where "1.5" would read as one thousand five hundred. So the engine is
 * told no Excel separator here (DOCUMENT_NUMBERS), unlike the pane's lists and `cchc check`, which
 * follow the reader's Excel; `cchc report` takes no --decimal.
 */
import { APPENDIX1, OUTLINE_SOURCE, TEMPLATE_VERSION, appendix1Row } from '../catalog';
import { OUTLINE_FULL } from '../catalog/outlineGuidance';
import type { OutlineRow } from '../catalog/outline';
import { assessSection8, type GoalAssessment } from '../engine/section8';
import { workbookReader, type WorkbookReader } from '../engine/figures';
import { validateWorkbook } from '../engine/validate';
import type { Finding, MessageOptions, SheetSnapshot } from '../engine/types';
import { outlineTextKey, OUTLINE_TEXT_COLUMN, OUTLINE_YEARS } from '../layout/outlineSheet';
import { REPORTER_COLUMN, REPORTER_KEY } from '../layout/keyColumn';
import { blankTotal, reportTable, type ReportTable } from './appendixTables';
import { cleanText, formatValue } from './format';
import { letterheadOf, type Letterhead } from './letterhead';
import { parSection, type ParSection } from './parScore';

export interface ReportFigure {
  rowId: string;
  label: string;
  /** Formatted values by year column ('2019', '2020'); '' when unfilled. */
  values: Record<string, string>;
}

export interface ReportHeading {
  row: OutlineRow;
  /** The unit's text, cleaned; '' when not written; null for headings that take no text. */
  text: string | null;
  figures: ReportFigure[];
}

export interface ReportModel {
  unit: string | null;
  /** Managing and issuing body, symbol, place, signer and recipients, from the unit's kind. */
  letterhead: Letterhead;
  source: typeof OUTLINE_SOURCE;
  /** Remarks on the workbook the reader should see (missing outline, other versions), in Vietnamese. */
  notes: string[];
  headings: ReportHeading[];
  goals: GoalAssessment[];
  tables: ReportTable[];
  /** The PAR self-score section; null when the workbook has no PAR sheet. */
  par: ParSection | null;
  /** Errors and warnings of validation, errors first. */
  findings: Finding[];
  counts: Record<'error' | 'warning' | 'info', number>;
}

/** Each language its own separator, and no sentence about "this Excel": the document's Vietnamese is 1,5. */
const DOCUMENT_NUMBERS: MessageOptions = { decimalSeparator: null };

function majorOf(version: string): string {
  return version.split('.')[0];
}

function reporter(snapshots: readonly SheetSnapshot[], reader: WorkbookReader): string | null {
  for (const s of snapshots) {
    const t = reader.text(s.templateId, REPORTER_KEY, REPORTER_COLUMN);
    if (t && t.value.trim() !== '') return cleanText(t.value.trim());
  }
  return null;
}

function headingsOf(reader: WorkbookReader, outlineUsable: boolean): ReportHeading[] {
  return OUTLINE_FULL.map((row) => {
    const figures: ReportFigure[] = row.related.flatMap((rowId) => {
      const figure = reader.figure(rowId);
      if (!figure) return [];
      const values: Record<string, string> = {};
      const templateId = appendix1Row(rowId)?.template.id ?? '';
      for (const y of OUTLINE_YEARS) {
        const blank = reader.text(templateId, rowId, y)?.value.trim() === '';
        const v = figure.values[y] ?? (blank ? blankTotal(reader, templateId, rowId, y) : null);
        values[y] = formatValue(v, figure.kind);
      }
      return [{ rowId, label: figure.label, values }];
    });
    if (!row.leaf) return { row, text: null, figures };
    const cell = outlineUsable ? reader.text('OUTLINE', outlineTextKey(row.id), OUTLINE_TEXT_COLUMN) : null;
    return { row, text: cell ? cleanText(cell.value).trim() : '', figures };
  });
}

export function buildReportModel(snapshots: readonly SheetSnapshot[]): ReportModel {
  const reader = workbookReader(snapshots);
  const notes: string[] = [];
  const outline = reader.snapshot('OUTLINE');
  let outlineUsable = outline !== undefined;
  if (!outline)
    notes.push(
      'Sổ làm việc chưa có trang "Đề cương báo cáo" (Phụ lục 2): báo cáo chỉ có các đề mục và số liệu, chưa có nội dung của đơn vị. Hãy chèn trang này bằng add-in hoặc lệnh "cchc template" rồi nhập nội dung.',
    );
  else if (majorOf(outline.version) !== majorOf(TEMPLATE_VERSION)) {
    outlineUsable = false;
    notes.push(
      `Trang "${outline.name}" theo mẫu phiên bản ${outline.version}, khác phiên bản ${TEMPLATE_VERSION} của add-in: nội dung chưa được đưa vào báo cáo. Hãy nâng cấp biểu mẫu (chèn lại) rồi xuất lại.`,
    );
  }
  for (const s of snapshots)
    if (s.templateId !== 'OUTLINE' && majorOf(s.version) !== majorOf(TEMPLATE_VERSION))
      notes.push(`Trang "${s.name}" theo mẫu phiên bản ${s.version}; số liệu được đọc theo mã dòng.`);

  const tables: ReportTable[] = [];
  for (const template of APPENDIX1) {
    if (template.id === 'VIII') continue; // printed as the Section VIII table, with the suggestions
    const snapshot = snapshots.find((s) => s.templateId === template.id);
    for (const table of template.tables) tables.push(reportTable(template, table, snapshot));
  }

  const result = validateWorkbook([...snapshots], DOCUMENT_NUMBERS);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = result.findings
    .filter((f) => f.severity !== 'info')
    .sort((a, b) => order[a.severity] - order[b.severity]);
  const unit = reporter(snapshots, reader);
  return {
    unit,
    letterhead: letterheadOf(unit),
    source: OUTLINE_SOURCE,
    notes,
    headings: headingsOf(reader, outlineUsable),
    goals: assessSection8(reader, DOCUMENT_NUMBERS),
    tables,
    par: parSection(snapshots),
    findings,
    counts: result.counts,
  };
}
