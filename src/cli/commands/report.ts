/**
 * `cchc report UNIT.xlsx --out BAO-CAO.docx [--force] [--lang en]`: the unit's report as a Word draft,
 * built from the workbook exactly as the task pane's "Xuất báo cáo (.docx)" builds it (src/report).
 * A workbook with errors still exports: the errors are listed in an annex and counted here.
 */
import path from 'node:path';
import * as docx from 'docx';
import { reportBytes } from '../../report/docx';
import { buildReportModel } from '../../report/model';
import { parseArgs, parseLang } from '../args';
import { UsageError } from '../errors';
import { t } from '../i18n';
import type { CliIo } from '../io';
import { readTemplateWorkbook } from '../xlsx/readSnapshots';
import { fileExists, writeOutput } from './template';

export const REPORT_OPTIONS = { booleans: ['force'], strings: ['out', 'lang'] } as const;

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, REPORT_OPTIONS);
  const lang = parseLang(args.strings.get('lang'));
  const outArg = args.strings.get('out');
  if (args.positional.length !== 1 || !outArg)
    throw new UsageError({
      vi: 'Cần một tệp .xlsx của đơn vị và --out: cchc report DON-VI.xlsx --out BAO-CAO.docx',
      en: 'Give one unit workbook and --out: cchc report UNIT.xlsx --out REPORT.docx',
    });
  if (!/\.docx$/i.test(outArg))
    throw new UsageError({
      vi: `--out phải là tệp .docx (nhận được "${outArg}").`,
      en: `--out must be a .docx file (got "${outArg}").`,
    });
  const out = path.resolve(io.cwd, outArg);
  if (!args.booleans.has('force') && (await fileExists(out)))
    throw new UsageError({
      vi: `Tệp "${outArg}" đã có; thêm --force để ghi đè.`,
      en: `"${outArg}" already exists; add --force to overwrite.`,
    });
  const workbook = await readTemplateWorkbook(path.resolve(io.cwd, args.positional[0]));
  const model = buildReportModel(workbook.snapshots);
  const bytes = await reportBytes(docx, model);
  await writeOutput(out, Buffer.from(bytes));
  for (const note of model.notes) io.stderr.write(`cchc: ${note}\n`);
  const written = model.headings.filter((h) => h.text).length;
  const leaves = model.headings.filter((h) => h.text !== null).length;
  io.stdout.write(
    t(
      {
        vi: `Đã ghi ${outArg}: ${written}/${leaves} mục có nội dung, ${model.counts.error} lỗi và ${model.counts.warning} cảnh báo${model.findings.length ? ' (liệt kê ở phụ lục cuối báo cáo)' : ''}.\n`,
        en: `Wrote ${outArg}: ${written}/${leaves} headings written, ${model.counts.error} errors and ${model.counts.warning} warnings${model.findings.length ? ' (listed in the last annex)' : ''}.\n`,
      },
      lang,
    ),
  );
  return 0;
}
