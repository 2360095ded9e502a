/**
 * `cchc consolidate FILE.xlsx … --out TOTAL.xlsx [--decimal , | .] [--choose CRITERION=FILE]…`: the city-level Appendix 1 from
 * the units' returns, and the merged PAR sheet when lead units return their own PAR copy. The rules
 * live in src/consolidate (shared with the pane's "Tổng hợp" panel); this command reads the files,
 * writes the result with src/xlsxWrite/writeConsolidation.ts and prints a summary (or --json). --decimal, as
 * for `cchc check`: the numbers of the messages (reasons on "Nguồn số liệu") and of the cells' notes
 * follow the reader's Excel.
 */
import path from 'node:path';
import { baseName, Consolidator, contentHash, type Consolidation, type ParChoice } from '../../consolidate';
import type { DecimalSeparator } from '../../layout/types';
import { parseArgs, parseDecimal, parseLang, type Lang } from '../args';
import { InputError } from '../../xlsx/errors';
import { UsageError } from '../errors';
import { t } from '../i18n';
import type { CliIo } from '../io';
import { withProgress } from '../progress';
import { CONSOLIDATED_PREFIX } from '../../xlsx/reader';
import { readTemplateBytes } from '../../xlsx/reader';
import { nodeReadOptions, readFileBytes } from '../xlsx/readSnapshots';
import { consolidatedWorkbook, SOURCES_SHEET } from '../../xlsxWrite/writeConsolidation';
import { requireXlsxPath, writeOutput } from './template';

export const CONSOLIDATE_OPTIONS = { booleans: ['json'], strings: ['out', 'lang', 'decimal', 'choose'] } as const;

// A1 of a consolidated sheet is not a template marker, so a total is never checked or summed as a unit's return.
export { CONSOLIDATED_PREFIX, SOURCES_SHEET };
export { consolidatedWorkbook };

export interface ConsolidateOptions {
  lang: Lang;
  /** The decimal separator of the reader's Excel (--decimal); null or absent: the language's own. */
  decimalSeparator?: DecimalSeparator | null;
  cwd: string;
  onFile?: (file: string) => void;
  /** --choose ROW=FILE: the official takes that file's score for a conflicting PAR criterion. */
  choose?: readonly { rowKey: string; file: string }[];
}

/** `--choose 1.2=snv.xlsx` as a row key and a file name. */
export function parseChoose(values: readonly string[]): { rowKey: string; file: string }[] {
  return values.map((v) => {
    const eq = v.indexOf('=');
    if (eq <= 0 || eq === v.length - 1)
      throw new UsageError({
        vi: `--choose ${v}: cần dạng MÃ_TIÊU_CHÍ=TỆP (ví dụ --choose 1.2=so-noi-vu.xlsx).`,
        en: `--choose ${v}: expected CRITERION=FILE (e.g. --choose 1.2=so-noi-vu.xlsx).`,
      });
    return { rowKey: v.slice(0, eq).trim(), file: v.slice(eq + 1).trim() };
  });
}

/** Reads and aggregates the files, one at a time; nothing is written. */
export async function consolidateFiles(files: readonly string[], options: ConsolidateOptions): Promise<Consolidation> {
  const consolidator = new Consolidator(options.lang, undefined, { decimalSeparator: options.decimalSeparator });
  for (const file of files) {
    let hash: string | undefined;
    try {
      const full = path.resolve(options.cwd, file);
      const bytes = await readFileBytes(full);
      hash = await contentHash(bytes);
      consolidator.add({ file, hash, book: await readTemplateBytes(full, bytes, nodeReadOptions()) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      consolidator.add({ file, hash, error: e });
    }
    options.onFile?.(file);
  }
  const at = new Date().toISOString();
  const choices: ParChoice[] = (options.choose ?? []).map(({ rowKey, file }) => {
    const source = consolidator.consolidation.sources.find(
      (s) => s.file === file || baseName(s.file) === baseName(file),
    );
    if (!source?.hash)
      throw new UsageError({
        vi: `--choose ${rowKey}=${file}: tệp "${file}" không có trong các tệp tổng hợp.`,
        en: `--choose ${rowKey}=${file}: "${file}" is not one of the files consolidated.`,
      });
    return { rowKey, hash: source.hash, unit: source.unit, at, by: 'cli' };
  });
  return consolidator.finish(choices);
}

function summaryJson(consolidation: Consolidation, out: string): unknown {
  return {
    out,
    templates: consolidation.templates,
    files: consolidation.sources.map((s) => ({
      file: s.file,
      unit: s.unit,
      status: s.status,
      ...(s.problem ? { problem: s.problem } : {}),
      ...(s.message ? { message: s.message } : {}),
      sheets: s.sheets,
    })),
    leftOut: consolidation.leftOut.map((l) => ({ ...l, file: consolidation.sources[l.source].file })),
    normalised: consolidation.normalised.map((n) => ({ ...n, file: consolidation.sources[n.source].file })),
    par: consolidation.par
      ? {
          merged: consolidation.par.merged.map((m) => ({ ...m, file: consolidation.sources[m.source].file })),
          conflicts: consolidation.par.conflicts.map((c) => ({
            rowKey: c.rowKey,
            reason: c.reason,
            lead: c.lead,
            message: c.message,
            claims: c.claims.map((x) => ({ ...x, file: consolidation.sources[x.source].file })),
          })),
        }
      : null,
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
  const decimalSeparator = parseDecimal(args.strings.get('decimal'));
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
  const choose = parseChoose(args.lists.get('choose') ?? []);
  const out = path.resolve(io.cwd, outArg);
  if (args.positional.some((f) => path.resolve(io.cwd, f) === out))
    throw new UsageError({
      vi: `--out "${outArg}" cũng là một tệp đầu vào: chọn tên khác để không ghi đè số liệu.`,
      en: `--out "${outArg}" is also an input file: choose another name so no return is overwritten.`,
    });

  const consolidation = await withProgress(io.stderr, args.positional, (onFile) =>
    consolidateFiles(args.positional, { lang, decimalSeparator, cwd: io.cwd, onFile, choose }),
  );
  for (const { rowKey, file } of choose)
    if (!consolidation.par?.merged.some((m) => m.rowKey === rowKey && m.chosen))
      io.stderr.write(
        t(
          {
            vi: `cchc consolidate: --choose ${rowKey}=${file} không được áp dụng: tiêu chí không có xung đột, hoặc tệp không chấm tiêu chí này.\n`,
            en: `cchc consolidate: --choose ${rowKey}=${file} not applied: the criterion has no conflict, or the file does not score it.\n`,
          },
          lang,
        ),
      );
  for (const s of consolidation.sources)
    if (s.status === 'unreadable' || s.status === 'refused')
      io.stderr.write(`cchc consolidate: ${s.file}: ${s.message}\n`);
  for (const c of consolidation.par?.conflicts ?? []) io.stderr.write(`cchc consolidate: PAR ${c.message}\n`);
  if (consolidation.templates.length === 0 && !consolidation.par) {
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
    const unreadable = consolidation.sources.filter((s) => s.status === 'unreadable' || s.status === 'refused').length;
    io.stdout.write(
      t(
        {
          vi: `Đã ghi ${outArg}: ${consolidation.templates.length} trang Phụ lục 1 (${consolidation.templates.join(', ')}) tổng hợp từ ${used} tệp; ${consolidation.leftOut.length} ô bị loại, ${consolidation.normalised.length} ô được đọc lại, ${unreadable} tệp không đọc được. Chi tiết ở trang "${SOURCES_SHEET}".\n`,
          en: `Wrote ${outArg}: ${consolidation.templates.length} Appendix 1 sheets (${consolidation.templates.join(', ')}) from ${used} files; ${consolidation.leftOut.length} cells left out, ${consolidation.normalised.length} values normalised, ${unreadable} files unreadable. Details on the sheet "${SOURCES_SHEET}".\n`,
        },
        lang,
      ),
    );
    if (consolidation.par)
      io.stdout.write(
        t(
          {
            vi: `Chỉ số CCHC: ${consolidation.par.merged.length} tiêu chí lấy điểm từ tệp của đơn vị chủ trì, ${consolidation.par.conflicts.length} xung đột cần xử lý (bảng 4 trang "${SOURCES_SHEET}").\n`,
            en: `PAR: ${consolidation.par.merged.length} criteria scored from their lead unit's file, ${consolidation.par.conflicts.length} conflicts to resolve (table 4 on "${SOURCES_SHEET}").\n`,
          },
          lang,
        ),
      );
  }
  if (consolidation.sources.some((s) => s.status === 'unreadable' || s.status === 'refused')) return 2;
  if (consolidation.par?.conflicts.length) return 1;
  return consolidation.leftOut.length > 0 ? 1 : 0;
}
