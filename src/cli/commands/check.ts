/**
 * `cchc check FILE.xlsx … [--json] [--lang en] [--decimal , | .]`: validates filled workbooks with
 * the same engine as the add-in; --decimal writes numbers with the reader's Excel's separator. Exit status: 0 no errors, 1 some file has errors, 2 some input could not be
 * read as a template workbook (2 wins over 1); unreadable files are reported and the rest checked.
 */
import path from 'node:path';
import { TEMPLATE_VERSION } from '../../catalog';
import { newestParSnapshot, summarizePar, validateWorkbook } from '../../engine';
import { findingPlace, SEVERITY_NAMES } from '../../engine/findingPlace';
import type { Finding, LeadGroup, ParRowResult, ParSummary, Severity, SheetSnapshot } from '../../engine/types';
import type { DecimalSeparator } from '../../layout/types';
import { parseArgs, parseDecimal, parseLang, parseThreads, type Lang } from '../args';
import { InputError, type InputProblem } from '../../xlsx/errors';
import { UsageError } from '../errors';
import { clean } from '../../engine/sums';
import { formatNumber, formatPlain, t, unitName } from '../i18n';
import type { CliIo } from '../io';
import { checkInThreads, workerCount } from '../checkPool';
import { withProgress } from '../progress';
import { readTemplateWorkbook } from '../xlsx/readSnapshots';

export const CHECK_OPTIONS = { booleans: ['json'], strings: ['lang', 'decimal', 'threads'] } as const;

/** A finding as the JSON reports it: its message in one language, its fix as the value written. */
export interface CheckIssue extends Pick<Finding, 'severity' | 'code' | 'sheet' | 'cell' | 'column'> {
  /** Catalog row key (the finding's `rowKey`). */
  id: string;
  message: string;
  /** The value the fix writes (a formula for a restored subtotal); null when there is no fix. */
  fix: string | number | null;
  fixDescription: string | null;
  /** A value the official did not type (an assessment, a restored formula…): suggested, never a fix. */
  suggestion: string | number | null;
  suggestionDescription: string | null;
}

export type ParRowReport = Pick<
  ParRowResult,
  'id' | 'cell' | 'max' | 'previousScore' | 'target' | 'score' | 'complete' | 'belowTarget' | 'gap' | 'missing' | 'lead'
>;

export interface ParReport {
  sheet: string;
  /** The year of the sheet's list (the year scored). */
  year: number;
  total: Pick<ParRowResult, 'score' | 'target' | 'complete' | 'partialSum' | 'missing' | 'gap'>;
  rows: ParRowReport[];
  /** Leaves below target by lead unit, largest debt first; `rows` are their ids. */
  byLead: (Omit<LeadGroup, 'rows'> & { rows: string[] })[];
  /** Filled scores the total leaves out (text, out of range…), with why, in the report's language. */
  excluded: { id: string; cell: string; value: string | number | boolean | null; reason: string }[];
}

export interface CheckedFile {
  file: string;
  reporter: string | null;
  template: {
    version: string | null;
    current: string;
    sheets: { name: string; templateId: string; version: string }[];
  };
  counts: Record<Severity, number>;
  issues: CheckIssue[];
  par: ParReport | null;
}

export interface FailedFile {
  file: string;
  /** `details`: what went wrong technically, for IT (a library's words), never the sentence. */
  error: { problem: InputProblem; message: string; details?: string };
  template: null;
  issues: [];
  par: null;
}

export type FileReport = CheckedFile | FailedFile;

export function isFailed(report: FileReport): report is FailedFile {
  return 'error' in report;
}

export interface CheckRun {
  files: FileReport[];
  exitCode: 0 | 1 | 2;
  /** Time spent unzipping and parsing .xlsx, and in the engine, in milliseconds. */
  parseMs: number;
  validateMs: number;
}

const r = (n: number | null): number | null => (n === null ? null : clean(n));

function parRowReport(row: ParRowResult): ParRowReport {
  return {
    id: row.id,
    cell: row.cell,
    max: row.max,
    previousScore: row.previousScore,
    target: row.target,
    score: r(row.score),
    complete: row.complete,
    belowTarget: row.complete ? row.belowTarget : null,
    gap: row.complete ? r(row.gap) : null,
    missing: row.missing,
    lead: row.lead,
  };
}

export function parReport(summary: ParSummary, lang: Lang = 'vi'): ParReport {
  const total = summary.total;
  return {
    sheet: summary.sheet,
    year: summary.year,
    total: {
      score: r(total.score),
      target: total.target,
      complete: total.complete,
      partialSum: clean(total.partialSum),
      missing: total.missing,
      gap: total.complete ? r(total.gap) : null,
    },
    rows: summary.rows.map(parRowReport),
    byLead: summary.byLead.map((g) => ({
      lead: g.lead,
      pointsOwed: clean(g.pointsOwed),
      rows: g.rows.map((x) => x.id),
    })),
    excluded: summary.excluded.map((x) => ({ id: x.id, cell: x.cell, value: x.value, reason: t(x.reason, lang) })),
  };
}

function issueOf(finding: Finding, lang: Lang): CheckIssue {
  const fix = finding.fix ? (finding.fix.formula ?? finding.fix.value) : null;
  return {
    severity: finding.severity,
    code: finding.code,
    sheet: finding.sheet,
    cell: finding.cell,
    id: finding.rowKey,
    column: finding.column,
    message: t(finding.message, lang),
    fix,
    fixDescription: finding.fix ? t(finding.fix.description, lang) : null,
    suggestion: finding.suggestion ? (finding.suggestion.formula ?? finding.suggestion.value) : null,
    suggestionDescription: finding.suggestion ? t(finding.suggestion.description, lang) : null,
  };
}

/** Validates one workbook's snapshots: the part of `check` that does not touch the file. */
export function checkSnapshots(
  file: string,
  snapshots: SheetSnapshot[],
  reporter: string | null,
  lang: Lang,
  decimalSeparator: DecimalSeparator | null = null,
  readerFindings: readonly Finding[] = [],
): CheckedFile {
  const result = validateWorkbook(snapshots, { decimalSeparator });
  // What the reader found (values beyond a template's area) comes first, counted with the rest.
  const findings = [...readerFindings, ...result.findings];
  const counts = { ...result.counts };
  for (const f of readerFindings) counts[f.severity]++;
  // With two years' PAR sheets, the newest year's is the one reported.
  const newest = newestParSnapshot(snapshots);
  const parSheet = result.sheets.find((s) => s.templateId === 'PAR' && s.sheet === newest?.name);
  let par: ParSummary | null = parSheet?.par ?? null;
  if (!par) {
    const parSnapshot = newestParSnapshot(snapshots);
    if (parSnapshot) par = summarizePar(parSnapshot);
  }
  const versions = [...new Set(snapshots.map((s) => s.version))];
  return {
    file,
    reporter,
    template: {
      version: versions.length === 1 ? versions[0] : versions.length === 0 ? null : versions.join(', '),
      current: TEMPLATE_VERSION,
      sheets: snapshots.map((s) => ({ name: s.name, templateId: s.templateId, version: s.version })),
    },
    counts,
    issues: findings.map((f) => issueOf(f, lang)),
    par: par ? parReport(par, lang) : null,
  };
}

export interface CheckOptions extends FileCheckOptions {
  /** Called after each file (progress bar), in the order files finish. */
  onFile?: (file: string) => void;
  /** Threads in all, this one included (--threads); absent: as many as the run is worth (checkPool.ts). */
  threads?: number;
}

/** What checking one file needs: plain data, handed to a worker thread as it is. */
export interface FileCheckOptions {
  lang: Lang;
  /** The decimal separator of the reader's Excel (--decimal); null or absent: the language's own. */
  decimalSeparator?: DecimalSeparator | null;
  cwd: string;
}

/** One file's report, and the time its reading and its validation took. */
export interface FileCheck {
  report: FileReport;
  parseMs: number;
  validateMs: number;
}

/** Reads and validates one file; a file that cannot be read is a FailedFile, never an exception. */
export async function checkOneFile(file: string, options: FileCheckOptions): Promise<FileCheck> {
  try {
    const book = await readTemplateWorkbook(path.resolve(options.cwd, file));
    const started = performance.now();
    const report = checkSnapshots(
      file,
      book.snapshots,
      book.reporter,
      options.lang,
      options.decimalSeparator,
      book.findings,
    );
    return { report, parseMs: book.parseMs, validateMs: performance.now() - started };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const report: FailedFile = {
      file,
      error: { problem: e.problem, message: t(e.text, options.lang), ...(e.details ? { details: e.details } : {}) },
      template: null,
      issues: [],
      par: null,
    };
    return { report, parseMs: 0, validateMs: 0 };
  }
}

/**
 * Reads and validates every file, reported in the order given; a file that cannot be read does not
 * stop the others. Long runs use the machine's other cores too (checkPool.ts).
 */
export async function checkFiles(files: readonly string[], options: CheckOptions): Promise<CheckRun> {
  const fileOptions: FileCheckOptions = {
    lang: options.lang,
    decimalSeparator: options.decimalSeparator ?? null,
    cwd: options.cwd,
  };
  const checks = await checkInThreads(
    files,
    fileOptions,
    workerCount(files.length, options.threads),
    (file) => checkOneFile(file, fileOptions),
    options.onFile,
  );
  const reports = checks.map((c) => c.report);
  let parseMs = 0;
  let validateMs = 0;
  for (const c of checks) {
    parseMs += c.parseMs;
    validateMs += c.validateMs;
  }
  const failed = reports.some(isFailed);
  const withErrors = reports.some((f) => !isFailed(f) && f.counts.error > 0);
  return { files: reports, exitCode: failed ? 2 : withErrors ? 1 : 0, parseMs, validateMs };
}

// ---------------------------------------------------------------------------------------------
// Human-readable report

function fixText(issue: CheckIssue, lang: Lang, decimal: DecimalSeparator | null): string | null {
  if (issue.suggestionDescription) return `${lang === 'vi' ? 'Đề xuất' : 'Suggestion'}: ${issue.suggestionDescription}`;
  const head = lang === 'vi' ? 'Sửa' : 'Fix';
  if (issue.fixDescription) return `${head}: ${issue.fixDescription}`;
  if (issue.fix === null) return null;
  return `${head}: → ${typeof issue.fix === 'string' ? `"${issue.fix}"` : formatPlain(issue.fix, lang, decimal)}`;
}

function parText(par: ParReport, lang: Lang, decimal: DecimalSeparator | null): string[] {
  const vi = lang === 'vi';
  const lines: string[] = [];
  const n = (x: number) => formatNumber(x, lang, 3, decimal);
  const total = par.total;
  lines.push(vi ? `  Chỉ số CCHC (trang "${par.sheet}"):` : `  PAR index (sheet "${par.sheet}"):`);
  if (total.complete && total.score !== null) {
    const gap = total.gap ?? 0;
    const verdict =
      gap >= 0
        ? vi
          ? `đạt mục tiêu (+${n(gap)})`
          : `target met (+${n(gap)})`
        : vi
          ? `thấp hơn mục tiêu ${n(-gap)} điểm`
          : `${n(-gap)} points below target`;
    lines.push(
      vi
        ? `    Tổng điểm ${par.year}: ${n(total.score)} / mục tiêu ${n(total.target)} — ${verdict}`
        : `    ${par.year} total: ${n(total.score)} / target ${n(total.target)} — ${verdict}`,
    );
  } else {
    lines.push(
      vi
        ? `    Tổng điểm ${par.year}: chưa đủ — còn ${total.missing} tiêu chí chưa chấm; điểm đã chấm ${n(total.partialSum)} / mục tiêu ${n(total.target)}`
        : `    ${par.year} total: incomplete — ${total.missing} criteria not scored yet; scored so far ${n(total.partialSum)} / target ${n(total.target)}`,
    );
  }
  if (par.excluded.length > 0) {
    lines.push(
      vi
        ? `    Không tính vào tổng (${par.excluded.length} ô đã nhập nhưng không hợp lệ):`
        : `    Left out of the total (${par.excluded.length} cells filled but not valid):`,
    );
    for (const x of par.excluded)
      lines.push(
        `      ${x.cell} (${x.id}): ${typeof x.value === 'number' ? n(x.value) : `"${String(x.value)}"`} — ${x.reason}`,
      );
  }
  const rowsById = new Map(par.rows.map((row) => [row.id, row]));
  if (par.byLead.length === 0) {
    lines.push(vi ? '    Không có tiêu chí nào dưới mục tiêu.' : '    No criterion is below its target.');
  } else {
    lines.push(vi ? '    Tiêu chí dưới mục tiêu, theo đơn vị chủ trì:' : '    Criteria below target, by lead unit:');
    for (const group of par.byLead) {
      lines.push(
        vi
          ? `      ${unitName(group.lead, lang)} — thiếu ${n(group.pointsOwed)} điểm:`
          : `      ${unitName(group.lead, lang)} — ${n(group.pointsOwed)} points short:`,
      );
      for (const id of group.rows) {
        const row = rowsById.get(id);
        if (!row || row.score === null) continue;
        lines.push(
          vi
            ? `        ${id} (${row.cell}): ${n(row.score)} / mục tiêu ${n(row.target)} (tối đa ${n(row.max)})`
            : `        ${id} (${row.cell}): ${n(row.score)} / target ${n(row.target)} (max ${n(row.max)})`,
        );
      }
    }
  }
  return lines;
}

export function fileText(report: FileReport, lang: Lang, decimal: DecimalSeparator | null = null): string {
  const vi = lang === 'vi';
  const lines: string[] = [];
  if (isFailed(report)) {
    lines.push(`${report.file}`);
    lines.push(vi ? `  KHÔNG ĐỌC ĐƯỢC: ${report.error.message}` : `  CANNOT READ: ${report.error.message}`);
    if (report.error.details)
      lines.push(
        vi ? `  Chi tiết cho bộ phận IT: ${report.error.details}` : `  Details for IT: ${report.error.details}`,
      );
    return lines.join('\n') + '\n';
  }
  const who = report.reporter ? ` — ${report.reporter}` : '';
  lines.push(`${report.file}${who}`);
  const v = report.template.version;
  lines.push(
    vi
      ? `  Biểu mẫu phiên bản ${v ?? '?'}${v && v !== report.template.current ? ` (phiên bản hiện hành ${report.template.current})` : ''}; ${report.template.sheets.length} trang biểu mẫu`
      : `  Template version ${v ?? '?'}${v && v !== report.template.current ? ` (current version ${report.template.current})` : ''}; ${report.template.sheets.length} template sheets`,
  );
  const c = report.counts;
  lines.push(
    `  ${SEVERITY_NAMES.error[lang]}: ${c.error} · ${SEVERITY_NAMES.warning[lang]}: ${c.warning} · ${SEVERITY_NAMES.info[lang]}: ${c.info}`,
  );
  const bySheet = new Map<string, CheckIssue[]>();
  for (const issue of report.issues) {
    const list = bySheet.get(issue.sheet) ?? [];
    list.push(issue);
    bySheet.set(issue.sheet, list);
  }
  for (const [sheet, issues] of bySheet) {
    lines.push(vi ? `  Trang "${sheet}":` : `  Sheet "${sheet}":`);
    for (const issue of issues) {
      const at = findingPlace({ cell: issue.cell, rowKey: issue.id, column: issue.column }, lang);
      lines.push(`    [${SEVERITY_NAMES[issue.severity][lang]}] ${at}: ${issue.message}`);
      const fix = fixText(issue, lang, decimal);
      if (fix) lines.push(`      ${fix}`);
    }
  }
  if (report.issues.length === 0) lines.push(vi ? '  Không phát hiện vấn đề nào.' : '  No problems found.');
  if (report.par) lines.push(...parText(report.par, lang, decimal));
  return lines.join('\n') + '\n';
}

export function runText(run: CheckRun, lang: Lang, decimal: DecimalSeparator | null = null): string {
  const parts = run.files.map((f) => fileText(f, lang, decimal));
  if (run.files.length > 1) {
    const failed = run.files.filter(isFailed).length;
    const withErrors = run.files.filter((f) => !isFailed(f) && f.counts.error > 0).length;
    const ok = run.files.length - failed - withErrors;
    parts.push(
      lang === 'vi'
        ? `Tổng cộng ${run.files.length} tệp: ${ok} không có lỗi, ${withErrors} có lỗi, ${failed} không đọc được.\n`
        : `${run.files.length} files: ${ok} without errors, ${withErrors} with errors, ${failed} unreadable.\n`,
    );
  }
  return parts.join('\n');
}

export function runJson(run: CheckRun): unknown {
  return {
    files: run.files.map((f) =>
      isFailed(f)
        ? f
        : {
            file: f.file,
            reporter: f.reporter,
            template: f.template,
            counts: f.counts,
            issues: f.issues,
            par: f.par,
          },
    ),
  };
}

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, CHECK_OPTIONS);
  const lang = parseLang(args.strings.get('lang'));
  const decimalSeparator = parseDecimal(args.strings.get('decimal'));
  const threads = parseThreads(args.strings.get('threads')) ?? undefined;
  if (args.positional.length === 0)
    throw new UsageError({
      vi: 'Cần ít nhất một tệp .xlsx để kiểm tra.',
      en: 'Give at least one .xlsx file to check.',
    });
  const run = await withProgress(io.stderr, args.positional, (onFile) =>
    checkFiles(args.positional, { lang, decimalSeparator, cwd: io.cwd, onFile, threads }),
  );
  for (const f of run.files) if (isFailed(f)) io.stderr.write(`cchc check: ${f.file}: ${f.error.message}\n`);
  if (args.booleans.has('json')) io.stdout.write(JSON.stringify(runJson(run), null, 2) + '\n');
  else io.stdout.write(runText(run, lang, decimalSeparator));
  return run.exitCode;
}
