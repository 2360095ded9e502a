/**
 * `cchc consolidate FILE.xlsx … --out TOTAL.xlsx`: the city-level Appendix 1 from the units'
 * returns. Per indicator and column: counts are summed; flags give the number of units answering
 * 1; percentages are not summed but averaged over the units that reported (weighted where the
 * catalog names a weight row); Đạt/Không đạt are counted. Invalid values (engine errors) are left
 * out, never summed, and the sheet "Nguồn số liệu" says which unit supplied what and what was left out.
 */
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import { APPENDIX1, TEMPLATE_VERSION, appendix1Row } from '../../catalog';
import type { Appendix1TemplateId, RowKind, TemplateId } from '../../catalog/types';
import { keyOfCell, parseCellInput, validateWorkbook } from '../../engine';
import type { CellValue, Finding, SheetSnapshot } from '../../engine/types';
import { buildWorkbookPlan } from '../../layout';
import { columnNumber } from '../../layout/a1';
import type { RowPlan, SheetPlan } from '../../layout/types';
import { parseArgs, parseLang, type Lang } from '../args';
import { InputError, UsageError, type InputProblem } from '../errors';
import { clean, formatNumber, formatPercent, t } from '../i18n';
import type { CliIo } from '../io';
import { withProgress } from '../progress';
import { CONSOLIDATED_PREFIX, readTemplateWorkbook, type TemplateWorkbook } from '../xlsx/readSnapshots';
import { addPlannedSheet, excelStyle, VERSION_NAME, workbookBytes, type BuiltWorkbook } from '../xlsx/writePlan';
import { requireXlsxPath, writeOutput } from './template';

export const CONSOLIDATE_OPTIONS = { booleans: ['json'], strings: ['out', 'lang'] } as const;

export const SOURCES_SHEET = 'Nguồn số liệu';
// A1 of a consolidated sheet is not a template marker, so a total is never checked or summed as a unit's return.
export { CONSOLIDATED_PREFIX };

const PASS = 'Đạt';
const FAIL = 'Không đạt';

type ValueKind = Exclude<RowKind, 'group'>;

export interface Contribution {
  source: number;
  value: number | string;
  /** Where it was read (sheet name and cell in the unit's workbook). */
  sheet: string;
  cell: string;
}

/** A cell of a unit's workbook: `source` indexes `Consolidation.sources`. */
export interface SourceCell {
  source: number;
  sheet: string;
  cell: string;
  rowKey: string;
  column: string;
}

export interface LeftOut extends SourceCell {
  value: CellValue;
  reason: string;
}

export interface Normalised extends SourceCell {
  from: CellValue;
  to: number | string;
}

export interface Aggregate {
  rowKey: string;
  column: string;
  kind: ValueKind;
  /** What is written in the cell. */
  value: number | string | null;
  /** How many units' values went into it. */
  units: number;
  /** For flags: units answering 1; for pass/fail: units 'Đạt'. */
  yes?: number;
  /** For pass/fail: units 'Không đạt'. */
  no?: number;
  /** How the value was formed; percentages are 'weighted' (by `weightBy`) or a plain 'mean'. */
  method?: 'sum' | 'countYes' | 'mean' | 'weighted' | 'countPass' | 'joined';
  weightBy?: string;
  contributions: Contribution[];
}

export interface SourceFile {
  file: string;
  /** The reporter cell, else the file name. */
  unit: string;
  reporterFromCell: boolean;
  status: 'used' | 'unreadable' | 'no-appendix1';
  problem?: InputProblem;
  message?: string;
  version?: string;
  sheets: { templateId: TemplateId; sheet: string; used: number; leftOut: number; normalised: number }[];
  /** Sheets of a template already read from this file (only the first counts). */
  duplicates: string[];
}

export interface Consolidation {
  templates: Appendix1TemplateId[];
  sources: SourceFile[];
  aggregates: Map<Appendix1TemplateId, Aggregate[]>;
  leftOut: LeftOut[];
  normalised: Normalised[];
}

const APPENDIX1_IDS = new Set<string>(APPENDIX1.map((t) => t.id));

function isAppendix1(id: TemplateId): id is Appendix1TemplateId {
  return APPENDIX1_IDS.has(id);
}

/** Row index of each key in column A, by the engine's rule (keyOfCell). */
function rowIndexByKey(snapshot: SheetSnapshot): Map<string, number> {
  const map = new Map<string, number>();
  snapshot.values.forEach((row, i) => {
    const key = keyOfCell(row[0]);
    if (key !== '' && !map.has(key)) map.set(key, i);
  });
  return map;
}

function at<T>(grid: T[][] | undefined, r: number, c: number): T | undefined {
  return grid?.[r]?.[c];
}

/** Cells (sheet!A1) the engine marks as errors, with the first error's message. */
function errorCells(findings: Finding[], lang: Lang): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of findings)
    if (f.severity === 'error' && !map.has(`${f.sheet}!${f.cell}`)) map.set(`${f.sheet}!${f.cell}`, t(f.message, lang));
  return map;
}

interface Collected {
  /** rowKey → column → contributions. */
  values: Map<string, Map<string, Contribution[]>>;
}

function collect(
  plan: SheetPlan,
  books: { index: number; snapshot: SheetSnapshot; errors: Map<string, string> }[],
  consolidation: Consolidation,
  lang: Lang,
): Collected {
  const values = new Map<string, Map<string, Contribution[]>>();
  for (const { index, snapshot, errors } of books) {
    const rows = rowIndexByKey(snapshot);
    const source = consolidation.sources[index];
    const sheetInfo = source.sheets.find((s) => s.sheet === snapshot.name);
    for (const rowPlan of plan.rows) {
      const kind = rowPlan.kind;
      if (kind === 'group' || kind === 'meta' || kind === 'par-leaf' || kind === 'par-parent') continue;
      const r = rows.get(rowPlan.key);
      if (r === undefined) continue;
      for (const [column, letter] of Object.entries(rowPlan.inputs)) {
        const c = columnNumber(letter) - 1;
        const raw = at(snapshot.values, r, c) ?? '';
        const cell = `${letter}${r + 1}`;
        const base = { source: index, sheet: snapshot.name, cell, rowKey: rowPlan.key, column };
        const error = errors.get(`${snapshot.name}!${cell}`);
        const parsed = parseCellInput(raw, kind, {
          numberFormat: at(snapshot.numberFormats, r, c),
          formula: at(snapshot.formulas, r, c),
        });
        if (parsed.status === 'empty') continue;
        if (error !== undefined || parsed.status === 'invalid') {
          const reason = error ?? (parsed.problems[0] ? t(parsed.problems[0].message, lang) : String(raw));
          consolidation.leftOut.push({ ...base, value: raw, reason });
          if (sheetInfo) sheetInfo.leftOut++;
          continue;
        }
        if (parsed.value === null) continue; // fixable to "clear the cell": nothing reported
        if (parsed.status === 'fixable') {
          consolidation.normalised.push({ ...base, from: raw, to: parsed.value });
          if (sheetInfo) sheetInfo.normalised++;
        }
        if (sheetInfo) sheetInfo.used++;
        let byColumn = values.get(rowPlan.key);
        if (!byColumn) values.set(rowPlan.key, (byColumn = new Map()));
        const list = byColumn.get(column) ?? [];
        list.push({ source: index, value: parsed.value, sheet: snapshot.name, cell });
        byColumn.set(column, list);
      }
    }
  }
  return { values };
}

type NumericContribution = Contribution & { value: number };

function numeric(contributions: Contribution[]): NumericContribution[] {
  return contributions.filter((c): c is NumericContribution => typeof c.value === 'number');
}

function aggregateRows(plan: SheetPlan, collected: Collected, consolidation: Consolidation, lang: Lang): Aggregate[] {
  const out: Aggregate[] = [];
  for (const rowPlan of plan.rows) {
    const kind = rowPlan.kind;
    if (kind === 'group' || kind === 'meta' || kind === 'par-leaf' || kind === 'par-parent') continue;
    const catalogRow = appendix1Row(rowPlan.key)?.row;
    for (const column of Object.keys(rowPlan.inputs)) {
      const contributions = collected.values.get(rowPlan.key)?.get(column) ?? [];
      const agg: Aggregate = { rowKey: rowPlan.key, column, kind, value: null, units: 0, contributions };
      if (contributions.length === 0) {
        out.push(agg);
        continue;
      }
      switch (kind) {
        case 'count': {
          const nums = numeric(contributions);
          agg.method = 'sum';
          agg.units = nums.length;
          agg.value = clean(nums.reduce((s, c) => s + c.value, 0));
          break;
        }
        case 'flag': {
          const nums = numeric(contributions);
          agg.method = 'countYes';
          agg.units = nums.length;
          agg.yes = nums.filter((c) => c.value === 1).length;
          agg.value = agg.yes;
          break;
        }
        case 'percent': {
          const nums = numeric(contributions);
          const weightKey = catalogRow?.weightBy;
          const weights = weightKey ? (collected.values.get(weightKey)?.get(column) ?? []) : [];
          const weightOf = new Map(numeric(weights).map((w) => [w.source, w.value]));
          const weighed = nums.filter((c) => (weightOf.get(c.source) ?? 0) > 0);
          if (weightKey && weighed.length > 0) {
            for (const c of nums)
              if (!weighed.includes(c)) {
                consolidation.leftOut.push({
                  source: c.source,
                  sheet: c.sheet,
                  cell: c.cell,
                  rowKey: rowPlan.key,
                  column,
                  value: c.value,
                  reason: t(
                    {
                      vi: `Không có số liệu trọng số ${weightKey} (cùng cột) lớn hơn 0 nên không tính vào bình quân gia quyền.`,
                      en: `No weight ${weightKey} (same column) above 0, so it cannot enter the weighted mean.`,
                    },
                    lang,
                  ),
                });
              }
            const totalWeight = weighed.reduce((s, c) => s + (weightOf.get(c.source) as number), 0);
            agg.method = 'weighted';
            agg.weightBy = weightKey;
            agg.units = weighed.length;
            agg.contributions = weighed;
            agg.value = clean(
              weighed.reduce((s, c) => s + c.value * (weightOf.get(c.source) as number), 0) / totalWeight,
            );
          } else {
            agg.method = 'mean';
            agg.units = nums.length;
            agg.value = nums.length ? clean(nums.reduce((s, c) => s + c.value, 0) / nums.length) : null;
          }
          break;
        }
        case 'passfail': {
          agg.method = 'countPass';
          agg.yes = contributions.filter((c) => c.value === PASS).length;
          agg.no = contributions.filter((c) => c.value === FAIL).length;
          agg.units = agg.yes + agg.no;
          agg.value = `${PASS}: ${agg.yes}; ${FAIL}: ${agg.no}`;
          break;
        }
        case 'text': {
          agg.method = 'joined';
          agg.units = contributions.length;
          agg.value = contributions
            .map((c) => `${consolidation.sources[c.source].unit}: ${String(c.value)}`)
            .join('\n');
          break;
        }
      }
      out.push(agg);
    }
  }
  return out;
}

export interface ConsolidateOptions {
  lang: Lang;
  cwd: string;
  onFile?: (file: string) => void;
}

/** Reads and aggregates the files; nothing is written. */
export async function consolidateFiles(files: readonly string[], options: ConsolidateOptions): Promise<Consolidation> {
  const consolidation: Consolidation = {
    templates: [],
    sources: [],
    aggregates: new Map(),
    leftOut: [],
    normalised: [],
  };
  const perTemplate = new Map<
    Appendix1TemplateId,
    { index: number; snapshot: SheetSnapshot; errors: Map<string, string> }[]
  >();
  for (const file of files) {
    const index = consolidation.sources.length;
    let book: TemplateWorkbook;
    try {
      book = await readTemplateWorkbook(path.resolve(options.cwd, file));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      consolidation.sources.push({
        file,
        unit: path.basename(file),
        reporterFromCell: false,
        status: 'unreadable',
        problem: e.problem,
        message: t(e.text, options.lang),
        sheets: [],
        duplicates: [],
      });
      options.onFile?.(file);
      continue;
    }
    const source: SourceFile = {
      file,
      unit: book.reporter ?? path.basename(file),
      reporterFromCell: book.reporter !== null,
      status: 'used',
      version: [...new Set(book.snapshots.map((s) => s.version))].join(', '),
      sheets: [],
      duplicates: [],
    };
    consolidation.sources.push(source);
    const errors = errorCells(validateWorkbook(book.snapshots).findings, options.lang);
    for (const snapshot of book.snapshots) {
      const id = snapshot.templateId;
      if (!isAppendix1(id)) continue;
      if (source.sheets.some((s) => s.templateId === id)) {
        source.duplicates.push(snapshot.name);
        continue;
      }
      source.sheets.push({ templateId: id, sheet: snapshot.name, used: 0, leftOut: 0, normalised: 0 });
      const list = perTemplate.get(id) ?? [];
      list.push({ index, snapshot, errors });
      perTemplate.set(id, list);
    }
    if (source.sheets.length === 0) source.status = 'no-appendix1';
    options.onFile?.(file);
  }
  consolidation.templates = APPENDIX1.map((t) => t.id).filter((id) => perTemplate.has(id));
  if (consolidation.templates.length === 0) return consolidation;
  const plan = buildWorkbookPlan({ templates: consolidation.templates });
  for (const sheetPlan of plan.sheets) {
    const id = sheetPlan.templateId as Appendix1TemplateId;
    const collected = collect(sheetPlan, perTemplate.get(id) ?? [], consolidation, options.lang);
    consolidation.aggregates.set(id, aggregateRows(sheetPlan, collected, consolidation, options.lang));
  }
  return consolidation;
}

// ---------------------------------------------------------------------------------------------
// Writing the consolidated workbook

function methodLabel(
  kind: ValueKind,
  weightBy: string | undefined,
  unweighted: string | undefined,
  lang: Lang,
): string {
  const vi = lang === 'vi';
  switch (kind) {
    case 'count':
      return vi ? 'Tổng cộng số liệu các đơn vị' : 'Sum over the units';
    case 'flag':
      return vi ? 'Số đơn vị trả lời Có (= 1), không phải tổng' : 'Number of units answering yes (= 1), not a sum';
    case 'percent':
      return weightBy
        ? vi
          ? `Bình quân gia quyền theo ${weightBy} (${appendix1Row(weightBy)?.row.label ?? ''}) của các đơn vị có số liệu, không phải tổng`
          : `Mean weighted by ${weightBy} (${appendix1Row(weightBy)?.row.label ?? ''}) over the units that reported, not a sum`
        : unweighted
          ? vi
            ? `Trung bình cộng của các đơn vị có số liệu, không phải tổng (không đơn vị nào có số liệu trọng số ${unweighted})`
            : `Mean of the units that reported, not a sum (no unit reported the weight ${unweighted})`
          : vi
            ? 'Trung bình cộng của các đơn vị có số liệu, không phải tổng'
            : 'Mean of the units that reported, not a sum';
    case 'passfail':
      return vi ? `Số đơn vị đánh giá "${PASS}" / "${FAIL}"` : `Number of units assessing "${PASS}" / "${FAIL}"`;
    case 'text':
      return vi ? 'Nội dung các đơn vị, ghép lại' : 'The units’ texts, joined';
  }
}

function noteFor(agg: Aggregate, consolidation: Consolidation, lang: Lang): string {
  const vi = lang === 'vi';
  const shown = (v: number | string) =>
    typeof v === 'string' ? v : agg.kind === 'percent' ? formatPercent(v, lang) : formatNumber(v, lang);
  const head =
    agg.method === 'weighted'
      ? vi
        ? `Bình quân gia quyền (trọng số ${agg.weightBy}) của ${agg.units} đơn vị:`
        : `Weighted mean (weight ${agg.weightBy}) of ${agg.units} units:`
      : agg.method === 'mean'
        ? vi
          ? `Trung bình cộng của ${agg.units} đơn vị:`
          : `Mean of ${agg.units} units:`
        : agg.method === 'countYes'
          ? vi
            ? `${agg.yes}/${agg.units} đơn vị trả lời Có:`
            : `${agg.yes} of ${agg.units} units answered yes:`
          : agg.method === 'countPass'
            ? vi
              ? `${agg.yes} Đạt, ${agg.no} Không đạt trên ${agg.units} đơn vị:`
              : `${agg.yes} achieved, ${agg.no} not achieved, of ${agg.units} units:`
            : vi
              ? `Tổng của ${agg.units} đơn vị:`
              : `Sum of ${agg.units} units:`;
  const MAX_LINES = 25;
  const lines = agg.contributions
    .slice(0, MAX_LINES)
    .map((c) => `${consolidation.sources[c.source].unit}: ${shown(c.value)}`);
  if (agg.contributions.length > MAX_LINES)
    lines.push(
      vi
        ? `… và ${agg.contributions.length - MAX_LINES} đơn vị khác`
        : `… and ${agg.contributions.length - MAX_LINES} more units`,
    );
  return [head, ...lines].join('\n');
}

function lastColumn(plan: SheetPlan): number {
  return Math.max(...plan.columns.map((c) => columnNumber(c.letter)));
}

function writeConsolidatedSheet(
  built: BuiltWorkbook,
  plan: SheetPlan,
  styles: ReturnType<typeof buildWorkbookPlan>['styles'],
  aggregates: Aggregate[],
  consolidation: Consolidation,
  lang: Lang,
): void {
  const sheet = addPlannedSheet(built.workbook, plan, styles, {
    validations: false,
    // 'invalid' would paint flag counts above 1 and pass/fail tallies as errors; marks do not apply.
    conditionalPurposes: ['belowTarget', 'formulaOverwritten'],
    marker: `${CONSOLIDATED_PREFIX}${plan.templateId}@${plan.version}`,
  });
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
    sheet.getCell(`${reporterLetter}${reporter.row}`).value =
      lang === 'vi'
        ? `Bảng tổng hợp của ${units.length} đơn vị: ${units.join('; ')}`
        : `Consolidation of ${units.length} units: ${units.join('; ')}`;
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

function sourcesSheet(workbook: Workbook, consolidation: Consolidation, lang: Lang): Worksheet {
  const vi = lang === 'vi';
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
  sheet.getCell(row, 1).value = vi
    ? 'NGUỒN SỐ LIỆU CỦA BẢNG TỔNG HỢP PHỤ LỤC 1'
    : 'SOURCES OF THE APPENDIX 1 CONSOLIDATION';
  sheet.getCell(row++, 1).style = { font: { bold: true, size: 14 } };
  sheet.getCell(row++, 1).value = vi
    ? `Lập ngày ${new Date().toLocaleDateString('vi-VN')} bằng cchc consolidate, biểu mẫu phiên bản ${TEMPLATE_VERSION}. Giá trị không hợp lệ không được cộng vào tổng (xem bảng 2). Chỉ tổng hợp Phụ lục 1; điểm Chỉ số CCHC không cộng giữa các đơn vị.`
    : `Made on ${new Date().toLocaleDateString('en-GB')} by cchc consolidate, template version ${TEMPLATE_VERSION}. Invalid values are not added to the totals (see table 2). Only Appendix 1 is consolidated; PAR scores are not added across units.`;
  row++;

  sheet.getCell(row, 1).value = vi ? '1. Các tệp và đơn vị' : '1. Files and units';
  sheet.getCell(row++, 1).style = bold;
  put(
    vi
      ? [
          'STT',
          'Tệp',
          'Đơn vị báo cáo',
          'Trang biểu mẫu đã dùng',
          'Số ô đã dùng',
          'Số ô bị loại',
          'Phiên bản',
          'Tình trạng',
        ]
      : ['No.', 'File', 'Reporting unit', 'Template sheets used', 'Cells used', 'Cells left out', 'Version', 'Status'],
    headerStyle,
  );
  const unitCounts = new Map<string, number>();
  for (const s of consolidation.sources)
    if (s.status === 'used') unitCounts.set(s.unit, (unitCounts.get(s.unit) ?? 0) + 1);
  consolidation.sources.forEach((s, i) => {
    const notes: string[] = [];
    if (s.status === 'unreadable') notes.push((vi ? 'Không đọc được: ' : 'Not read: ') + (s.message ?? ''));
    else if (s.status === 'no-appendix1')
      notes.push(vi ? 'Không có trang Phụ lục 1 nào: không tổng hợp.' : 'No Appendix 1 sheet: nothing consolidated.');
    else notes.push(vi ? 'Đã tổng hợp' : 'Consolidated');
    if (!s.reporterFromCell && s.status !== 'unreadable')
      notes.push(
        vi
          ? 'Ô "Cơ quan, đơn vị báo cáo" trống: dùng tên tệp.'
          : 'The reporting-unit cell is empty: the file name is used.',
      );
    if (s.version && s.version !== TEMPLATE_VERSION)
      notes.push(vi ? `Phiên bản biểu mẫu khác (${s.version}).` : `Different template version (${s.version}).`);
    if ((unitCounts.get(s.unit) ?? 0) > 1)
      notes.push(
        vi
          ? 'Cùng tên đơn vị với tệp khác: kiểm tra để không cộng hai lần.'
          : 'Same unit name as another file: check that it is not counted twice.',
      );
    if (s.duplicates.length)
      notes.push(
        vi
          ? `Trang trùng biểu mẫu, không dùng: ${s.duplicates.join(', ')}.`
          : `Duplicate template sheets, not used: ${s.duplicates.join(', ')}.`,
      );
    put([
      i + 1,
      s.file,
      s.unit,
      s.sheets.map((x) => x.sheet).join('\n'),
      s.sheets.reduce((n, x) => n + x.used, 0),
      s.sheets.reduce((n, x) => n + x.leftOut, 0),
      s.version ?? '',
      notes.join(' '),
    ]);
  });
  row++;

  /** Tables 2 and 3 list cells: where each one is, then two columns of their own. */
  const cellTable = <T extends SourceCell>(
    title: string,
    ownHeaders: [string, string],
    cells: readonly T[],
    own: (c: T) => (string | number)[],
  ): void => {
    sheet.getCell(row, 1).value = title;
    sheet.getCell(row++, 1).style = bold;
    put(
      [
        ...(vi
          ? ['STT', 'Tệp', 'Đơn vị', 'Trang', 'Ô', 'Mã dòng', 'Cột']
          : ['No.', 'File', 'Unit', 'Sheet', 'Cell', 'Row key', 'Column']),
        ...ownHeaders,
      ],
      headerStyle,
    );
    if (cells.length === 0) put([vi ? '(không có)' : '(none)']);
    cells.forEach((c, i) => {
      const s = consolidation.sources[c.source];
      put([i + 1, s.file, s.unit, c.sheet, c.cell, c.rowKey, c.column, ...own(c)]);
    });
    row++;
  };
  cellTable(
    vi ? '2. Các ô bị loại khỏi bảng tổng hợp' : '2. Cells left out of the consolidation',
    vi ? ['Giá trị', 'Lý do'] : ['Value', 'Reason'],
    consolidation.leftOut,
    (l) => [String(l.value ?? ''), l.reason],
  );
  cellTable(
    vi
      ? '3. Giá trị đã được đọc lại theo đúng định dạng (vẫn được tổng hợp)'
      : '3. Values read after normalisation (still consolidated)',
    vi ? ['Giá trị gốc', 'Đọc là'] : ['As entered', 'Read as'],
    consolidation.normalised,
    (n) => [String(n.from ?? ''), n.to],
  );

  [6, 28, 28, 24, 10, 12, 12, 16, 60].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return sheet;
}

export async function consolidatedWorkbook(consolidation: Consolidation, lang: Lang): Promise<Buffer> {
  const plan = buildWorkbookPlan({ templates: consolidation.templates });
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
  for (const sheetPlan of plan.sheets)
    writeConsolidatedSheet(
      built,
      sheetPlan,
      plan.styles,
      consolidation.aggregates.get(sheetPlan.templateId as Appendix1TemplateId) ?? [],
      consolidation,
      lang,
    );
  sourcesSheet(workbook, consolidation, lang);
  return workbookBytes(built);
}

function summaryJson(consolidation: Consolidation, out: string): unknown {
  return {
    out,
    templates: consolidation.templates,
    files: consolidation.sources.map((s) => ({
      file: s.file,
      unit: s.unit,
      status: s.status,
      ...(s.message ? { message: s.message } : {}),
      sheets: s.sheets,
    })),
    leftOut: consolidation.leftOut.map((l) => ({ ...l, file: consolidation.sources[l.source].file })),
    normalised: consolidation.normalised.map((n) => ({ ...n, file: consolidation.sources[n.source].file })),
    values: Object.fromEntries(
      [...consolidation.aggregates].map(([id, aggs]) => [
        id,
        aggs
          .filter((a) => a.value !== null)
          .map((a) => ({
            id: a.rowKey,
            column: a.column,
            kind: a.kind,
            method: a.method,
            value: a.value,
            units: a.units,
            ...(a.yes !== undefined ? { yes: a.yes } : {}),
            ...(a.no !== undefined ? { no: a.no } : {}),
            ...(a.weightBy ? { weightBy: a.weightBy } : {}),
          })),
      ]),
    ),
  };
}

export async function runConsolidate(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, CONSOLIDATE_OPTIONS);
  const lang = parseLang(args.strings.get('lang'));
  const outArg = args.strings.get('out');
  if (!outArg)
    throw new UsageError({
      vi: 'Thiếu --out TỆP.xlsx (tệp tổng hợp sẽ ghi).',
      en: 'Missing --out FILE.xlsx (the consolidated file to write).',
    });
  requireXlsxPath(outArg, '--out');
  if (args.positional.length === 0)
    throw new UsageError({
      vi: 'Cần ít nhất một tệp .xlsx để tổng hợp.',
      en: 'Give at least one .xlsx file to consolidate.',
    });
  const out = path.resolve(io.cwd, outArg);
  if (args.positional.some((f) => path.resolve(io.cwd, f) === out))
    throw new UsageError({
      vi: `--out "${outArg}" cũng là một tệp đầu vào: chọn tên khác để không ghi đè số liệu.`,
      en: `--out "${outArg}" is also an input file: choose another name so no return is overwritten.`,
    });

  const consolidation = await withProgress(io.stderr, args.positional, (onFile) =>
    consolidateFiles(args.positional, { lang, cwd: io.cwd, onFile }),
  );
  for (const s of consolidation.sources)
    if (s.status === 'unreadable') io.stderr.write(`cchc consolidate: ${s.file}: ${s.message}\n`);
  if (consolidation.templates.length === 0) {
    io.stderr.write(
      t(
        {
          vi: 'cchc consolidate: không tệp nào có trang Phụ lục 1 đọc được; không ghi tệp tổng hợp.\n',
          en: 'cchc consolidate: no file has a readable Appendix 1 sheet; nothing written.\n',
        },
        lang,
      ),
    );
    return 2;
  }
  await writeOutput(out, await consolidatedWorkbook(consolidation, lang));

  if (args.booleans.has('json')) io.stdout.write(JSON.stringify(summaryJson(consolidation, outArg), null, 2) + '\n');
  else {
    const used = consolidation.sources.filter((s) => s.status === 'used').length;
    const unreadable = consolidation.sources.filter((s) => s.status === 'unreadable').length;
    io.stdout.write(
      t(
        {
          vi: `Đã ghi ${outArg}: ${consolidation.templates.length} trang Phụ lục 1 (${consolidation.templates.join(', ')}) tổng hợp từ ${used} tệp; ${consolidation.leftOut.length} ô bị loại, ${consolidation.normalised.length} ô được đọc lại, ${unreadable} tệp không đọc được. Chi tiết ở trang "${SOURCES_SHEET}".\n`,
          en: `Wrote ${outArg}: ${consolidation.templates.length} Appendix 1 sheets (${consolidation.templates.join(', ')}) from ${used} files; ${consolidation.leftOut.length} cells left out, ${consolidation.normalised.length} values normalised, ${unreadable} files unreadable. Details on the sheet "${SOURCES_SHEET}".\n`,
        },
        lang,
      ),
    );
  }
  if (consolidation.sources.some((s) => s.status === 'unreadable')) return 2;
  return consolidation.leftOut.length > 0 ? 1 : 0;
}
