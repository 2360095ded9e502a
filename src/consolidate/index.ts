/**
 * One consolidation core for `cchc consolidate` and the pane's "Tổng hợp" panel: files are added
 * one at a time as they are read (so the pane can show progress and stay responsive), each folded
 * in at once (its values as contributions per cell, its PAR claims, its cells left out), so no
 * file's sheets are held after `add()` and memory does not grow with the files' size; then
 * `finish()` aggregates Appendix 1 and merges the PAR returns. A file is refused, with its own
 * message, when it holds another template version or comes from a unit already read; nothing
 * of a refused file enters the totals. Pure: the callers read files and write the result.
 */
import { APPENDIX1, TEMPLATE_VERSION } from '../catalog';
import type { Appendix1TemplateId, TemplateId } from '../catalog/types';
import { newestParSnapshot, parYearOf, validateWorkbook } from '../engine';
import type { Finding, MessageOptions } from '../engine/types';
import { buildSheetPlan } from '../layout';
import type { SheetPlan } from '../layout/types';
import type { InputProblem } from '../xlsx/errors';
import { aggregateRows, collectSheet, emptyCollected, errorCells, type Collected } from './aggregate';
import { mergePar, parClaims } from './par';
import type { Consolidation, Lang, LeftOut, ParChoice, ParClaim, ReadReturn, SourceFile } from './types';
import { unitIdOf, unitKey } from './units';

export type * from './types';
export { PASS, FAIL } from './aggregate';
export { contentHash } from './hash';

const APPENDIX1_IDS = new Set<string>(APPENDIX1.map((t) => t.id));

function isAppendix1(id: TemplateId): id is Appendix1TemplateId {
  return APPENDIX1_IDS.has(id);
}

/** The file's name without its folders, which stands for the unit when the reporter cell is empty. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** -1, 0 or 1 as version a is older than, equal to or newer than b ('1.2.0' < '1.10.0'). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return Math.sign(d);
  }
  return 0;
}

const inputCounts = new Map<TemplateId, number>();
/** Input cells of a template's values (not the reporter line): the denominator of completeness. */
function inputCellsOf(id: TemplateId): number {
  let n = inputCounts.get(id);
  if (n === undefined) {
    n = 0;
    for (const row of buildSheetPlan(id).rows)
      if (row.kind !== 'meta' && row.kind !== 'group') n += Object.keys(row.inputs).length;
    inputCounts.set(id, n);
  }
  return n;
}

const sheetPlans = new Map<Appendix1TemplateId, SheetPlan>();
function sheetPlanOf(id: Appendix1TemplateId): SheetPlan {
  let plan = sheetPlans.get(id);
  if (!plan) sheetPlans.set(id, (plan = buildSheetPlan(id)));
  return plan;
}

/**
 * What a file's findings list keeps for the pane, which lists its errors and warnings (each with
 * its place and message): the notes and the fixes offered are the checking panel's business, and
 * a file full of them would otherwise be held to the end. `counts` still counts every finding.
 */
function listed(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings)
    if (f.severity !== 'info')
      out.push({
        severity: f.severity,
        code: f.code,
        sheet: f.sheet,
        cell: f.cell,
        rowKey: f.rowKey,
        column: f.column,
        message: f.message,
      });
  return out;
}

export class Consolidator {
  readonly consolidation: Consolidation = {
    decimalSeparator: null,
    templates: [],
    sources: [],
    aggregates: new Map(),
    leftOut: [],
    normalised: [],
    par: null,
  };
  /** Each template's values so far, folded in file by file. */
  private readonly perTemplate = new Map<Appendix1TemplateId, Collected>();
  /** Every file's PAR claims, and its PAR scores left out, in the order the files were added. */
  private readonly parClaims: ParClaim[] = [];
  private readonly parLeftOut: LeftOut[] = [];
  /** Unit (normalised reporter) → file already read for it. */
  private readonly units = new Map<string, string>();

  /** `numbers`: the consolidating official's Excel separator, when known (Consolidation.decimalSeparator). */
  constructor(
    private readonly lang: Lang,
    private readonly version: string = TEMPLATE_VERSION,
    numbers: MessageOptions = {},
  ) {
    this.consolidation.decimalSeparator = numbers.decimalSeparator ?? null;
  }

  private refuse(source: SourceFile, problem: InputProblem, vi: string, en: string): SourceFile {
    source.status = 'refused';
    source.problem = problem;
    source.message = this.lang === 'vi' ? vi : en;
    return source;
  }

  /** Adds one file as read; returns its record (what the pane lists). */
  add(read: ReadReturn): SourceFile {
    const { sources } = this.consolidation;
    const index = sources.length;
    if ('error' in read) {
      const source: SourceFile = {
        file: read.file,
        unit: baseName(read.file),
        reporterFromCell: false,
        status: 'unreadable',
        ...(read.hash ? { hash: read.hash } : {}),
        problem: read.error.problem,
        message: read.error.text[this.lang],
        ...(read.error.details ? { details: read.error.details } : {}),
        sheets: [],
        duplicates: [],
      };
      sources.push(source);
      return source;
    }
    const book = read.book;
    const versions = [...new Set(book.snapshots.map((s) => s.version))];
    const source: SourceFile = {
      file: read.file,
      unit: book.reporter ?? baseName(read.file),
      reporterFromCell: book.reporter !== null,
      unitId: unitIdOf(book.reporter),
      ...(read.hash ? { hash: read.hash } : {}),
      status: 'used',
      version: versions.join(', '),
      sheets: [],
      duplicates: [],
    };
    sources.push(source);
    const other = versions.find((v) => compareVersions(v, this.version) !== 0);
    if (other !== undefined) {
      return compareVersions(other, this.version) < 0
        ? this.refuse(
            source,
            'version-older',
            `biểu mẫu phiên bản ${other} cũ hơn phiên bản ${this.version} của add-in: không tổng hợp. Hãy mở tệp, bấm "Chèn biểu mẫu" để nâng cấp (số liệu được giữ nguyên) rồi gửi lại.`,
            `template version ${other} is older than the add-in's ${this.version}: not consolidated. Open the file, click "Insert templates" to upgrade it (values are kept) and send it again.`,
          )
        : this.refuse(
            source,
            'version-newer',
            `biểu mẫu phiên bản ${other} mới hơn phiên bản ${this.version} của add-in: không tổng hợp. Hãy cập nhật add-in (hoặc lệnh cchc) rồi tổng hợp lại.`,
            `template version ${other} is newer than the add-in's ${this.version}: not consolidated. Update the add-in (or the cchc command) and consolidate again.`,
          );
    }
    const par = newestParSnapshot(book.snapshots);
    if (par) {
      const year = parYearOf(par);
      const known = this.consolidation.parYear;
      if (known !== undefined && known !== year)
        return this.refuse(
          source,
          'par-year',
          `trang Chỉ số CCHC của tệp là năm ${year}, khác năm ${known} của các tệp đã tổng hợp: không tổng hợp điểm của hai năm cùng lúc. Hãy tổng hợp riêng các tệp năm ${year}.`,
          `the file's PAR sheet is for ${year}, not ${known} like the files already consolidated: two years' scores are not consolidated together. Consolidate the ${year} files separately.`,
        );
      this.consolidation.parYear = year;
    }
    if (source.reporterFromCell) {
      const first = this.units.get(unitKey(source.unit));
      if (first !== undefined)
        return this.refuse(
          source,
          'duplicate-unit',
          `"${source.unit}" đã có trong tệp ${first}: tệp thứ hai của cùng đơn vị không được tổng hợp (tránh cộng hai lần). Hãy giữ lại một tệp.`,
          `"${source.unit}" is already in ${first}: a second file of the same unit is not consolidated (it would be counted twice). Keep one file.`,
        );
      this.units.set(unitKey(source.unit), read.file);
    }
    const result = validateWorkbook(book.snapshots, { decimalSeparator: this.consolidation.decimalSeparator });
    // What the reader found (values beyond a template's area) is listed with the engine's findings.
    const readerFindings = book.findings ?? [];
    source.counts = { ...result.counts };
    for (const f of readerFindings) source.counts[f.severity]++;
    source.findings = [...listed(readerFindings), ...listed(result.findings)];
    source.inputCells = 0;
    const errors = errorCells(result.findings, this.lang);
    const { decimalSeparator } = this.consolidation;
    let parTaken = false;
    for (const snapshot of book.snapshots) {
      const id = snapshot.templateId;
      if (id === 'PAR') {
        // The file's newest PAR sheet only: last year's, kept beside it, is not this year's return.
        if (snapshot === par && !parTaken) {
          parTaken = true;
          this.parClaims.push(
            ...parClaims({ index, snapshot, errors }, this.consolidation, this.lang, this.parLeftOut),
          );
        }
        continue;
      }
      if (!isAppendix1(id)) continue;
      if (source.sheets.some((s) => s.templateId === id)) {
        source.duplicates.push(snapshot.name);
        continue;
      }
      const sheetInfo = { templateId: id, sheet: snapshot.name, used: 0, leftOut: 0, normalised: 0 };
      source.sheets.push(sheetInfo);
      source.inputCells += inputCellsOf(id);
      let collected = this.perTemplate.get(id);
      if (!collected) this.perTemplate.set(id, (collected = emptyCollected()));
      collectSheet(sheetPlanOf(id), collected, { index, snapshot, errors }, sheetInfo, decimalSeparator, this.lang);
    }
    if (source.sheets.length === 0) source.status = 'no-appendix1';
    return source;
  }

  /** Aggregates what was added. Call once, after the last file. `choices`: the official's PAR choices. */
  finish(choices: readonly ParChoice[] = []): Consolidation {
    const consolidation = this.consolidation;
    consolidation.templates = APPENDIX1.map((t) => t.id).filter((id) => this.perTemplate.has(id));
    // Template by template, the cells each file left out or had normalised, then (aggregateRows)
    // the rates left out of a weighted mean; the PAR scores left out come last.
    for (const id of consolidation.templates) {
      const collected = this.perTemplate.get(id) ?? emptyCollected();
      consolidation.leftOut.push(...collected.leftOut);
      consolidation.normalised.push(...collected.normalised);
      consolidation.aggregates.set(id, aggregateRows(sheetPlanOf(id), collected, consolidation, this.lang));
    }
    consolidation.leftOut.push(...this.parLeftOut);
    consolidation.par = mergePar([...this.parClaims], consolidation, this.lang, choices);
    return consolidation;
  }
}

/**
 * The same consolidation with the PAR merge made again under these choices, from the claims it
 * already holds: nothing is read again (the pane's "Lấy điểm này").
 */
export function applyParChoices(
  consolidation: Consolidation,
  choices: readonly ParChoice[],
  lang: Lang,
): Consolidation {
  if (!consolidation.par) return consolidation;
  return { ...consolidation, par: mergePar(consolidation.par.claims, consolidation, lang, choices) };
}

/** Consolidates files already read, in the order given. */
export function consolidate(
  reads: readonly ReadReturn[],
  lang: Lang,
  version?: string,
  numbers: MessageOptions = {},
  choices: readonly ParChoice[] = [],
): Consolidation {
  const consolidator = new Consolidator(lang, version, numbers);
  for (const read of reads) consolidator.add(read);
  return consolidator.finish(choices);
}
