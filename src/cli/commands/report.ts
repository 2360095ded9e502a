/**
 * `cchc report UNIT.xlsx --out BAO-CAO.docx [--draft working|clean] [--force] [--lang en]`: the unit's
 * report as a Word document, built from the workbook exactly as the task pane builds it (src/report).
 * The working draft (default) keeps the guidance and lists the workbook's errors in an annex; the clean
 * draft is the document to send. A workbook with errors still exports; the errors are counted here.
 */
import path from 'node:path';
import * as docx from 'docx';
import { reportBytes } from '../../report/docx';
import { isDraftKind } from '../../report/draft';
import { buildReportModel } from '../../report/model';
import { parseArgs, parseLang } from '../args';
import { UsageError } from '../errors';
import { t } from '../i18n';
import type { CliIo } from '../io';
import { readTemplateWorkbook } from '../xlsx/readSnapshots';
import { fileExists, writeOutput } from './template';

export const REPORT_OPTIONS = { booleans: ['force'], strings: ['out', 'lang', 'draft'] } as const;

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
  const draftArg = args.strings.get('draft') ?? 'working';
  if (!isDraftKind(draftArg))
    throw new UsageError({
      vi: `--draft nhận "working" (bản làm việc, có gợi ý) hoặc "clean" (bản sạch để gửi), không phải "${draftArg}".`,
      en: `--draft takes "working" (with the guidance) or "clean" (the draft to send), not "${draftArg}".`,
    });
  const out = path.resolve(io.cwd, outArg);
  if (!args.booleans.has('force') && (await fileExists(out)))
    throw new UsageError({
      vi: `Tệp "${outArg}" đã có; thêm --force để ghi đè.`,
      en: `"${outArg}" already exists; add --force to overwrite.`,
    });
  const workbook = await readTemplateWorkbook(path.resolve(io.cwd, args.positional[0]));
  const model = buildReportModel(workbook.snapshots);
  const bytes = await reportBytes(docx, model, draftArg);
  await writeOutput(out, Buffer.from(bytes));
  for (const note of model.notes) io.stderr.write(`cchc: ${note}\n`);
  const written = model.headings.filter((h) => h.text).length;
  const leaves = model.headings.filter((h) => h.text !== null).length;
  io.stdout.write(
    t(
      {
        vi: `Đã ghi ${outArg} (${draftArg === 'clean' ? 'bản sạch' : 'bản làm việc'}): ${written}/${leaves} mục có nội dung, ${model.counts.error} lỗi và ${model.counts.warning} cảnh báo${model.findings.length && draftArg === 'working' ? ' (liệt kê ở phụ lục cuối báo cáo)' : ''}.\n`,
        en: `Wrote ${outArg} (${draftArg === 'clean' ? 'clean draft' : 'working draft'}): ${written}/${leaves} headings written, ${model.counts.error} errors and ${model.counts.warning} warnings${model.findings.length && draftArg === 'working' ? ' (listed in the last annex)' : ''}.\n`,
      },
      lang,
    ),
  );
  return 0;
}
