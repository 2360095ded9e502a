/**
 * `cchc template OUT.xlsx [--only I,II,PAR] [--force] [--decimal , | .] [--year 2022]`: writes the templates as
 * the add-in injects them, for units that fill the form without the add-in; --decimal writes the
 * numbers of the data-validation prompts ("từ 0 đến 1,5") with the separator of the Excel the file
 * is meant for, as the add-in writes them with the inserting official's (default ','); --year picks
 * the PAR list (default the newest the tool carries).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PAR_LISTS, TEMPLATE_IDS } from '../../catalog';
import type { TemplateId } from '../../catalog/types';
import { buildWorkbookPlan } from '../../layout';
import { parseArgs, parseDecimal, parseLang } from '../args';
import { InputError } from '../../xlsx/errors';
import { UsageError } from '../errors';
import { t } from '../i18n';
import type { CliIo } from '../io';
import { workbookBytes, workbookFromPlan } from '../../xlsxWrite/writePlan';

export const TEMPLATE_OPTIONS = { booleans: ['force'], strings: ['only', 'lang', 'decimal', 'year'] } as const;

/** '--year 2022' → 2022, one of the years the tool carries; absent → undefined (the newest). */
export function parseParYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const years = PAR_LISTS.map((l) => l.year);
  const year = Number(value.trim());
  if (!/^\d{4}$/.test(value.trim()) || !years.includes(year))
    throw new UsageError({
      vi: `--year: không có danh mục Chỉ số CCHC năm "${value}". Các năm có: ${years.join(', ')}.`,
      en: `--year: no PAR list for "${value}". Years available: ${years.join(', ')}.`,
    });
  return year;
}

/** '--only i,II, par' → ['I','II','PAR'], in the catalog's order. */
export function parseOnly(value: string | undefined): TemplateId[] | undefined {
  if (value === undefined) return undefined;
  const wanted = value
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = wanted.filter((id) => !TEMPLATE_IDS.includes(id as TemplateId));
  if (unknown.length > 0 || wanted.length === 0)
    throw new UsageError({
      vi: `--only: không có biểu mẫu ${unknown.join(', ') || '(trống)'}. Các biểu mẫu: ${TEMPLATE_IDS.join(', ')}.`,
      en: `--only: no template ${unknown.join(', ') || '(empty)'}. Templates: ${TEMPLATE_IDS.join(', ')}.`,
    });
  return TEMPLATE_IDS.filter((id) => wanted.includes(id));
}

export function requireXlsxPath(file: string, option: string): void {
  if (!/\.xlsx$/i.test(file))
    throw new UsageError({
      vi: `${option}: tên tệp phải có đuôi .xlsx ("${file}").`,
      en: `${option}: the file name must end in .xlsx ("${file}").`,
    });
}

/** Writes bytes to a file, turning file-system failures into messages a user can act on. */
export async function writeOutput(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await fs.writeFile(file, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? { vi: 'thư mục không tồn tại', en: 'the folder does not exist' }
        : code === 'EACCES' || code === 'EPERM'
          ? {
              vi: 'không có quyền ghi (tệp có đang mở trong Excel?)',
              en: 'no permission to write (is the file open in Excel?)',
            }
          : code === 'EBUSY'
            ? { vi: 'tệp đang được mở ở chương trình khác', en: 'the file is open in another program' }
            : { vi: code ?? (e as Error).message, en: code ?? (e as Error).message };
    throw new InputError(file, 'unreadable', {
      vi: `không ghi được tệp: ${why.vi}.`,
      en: `cannot write the file: ${why.en}.`,
    });
  }
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export async function runTemplate(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, TEMPLATE_OPTIONS);
  const lang = parseLang(args.strings.get('lang'));
  if (args.positional.length !== 1)
    throw new UsageError({
      vi: 'Cần đúng một tên tệp đầu ra: cchc template OUT.xlsx',
      en: 'Give exactly one output file: cchc template OUT.xlsx',
    });
  const out = path.resolve(io.cwd, args.positional[0]);
  requireXlsxPath(args.positional[0], 'template');
  const templates = parseOnly(args.strings.get('only'));
  const decimalSeparator = parseDecimal(args.strings.get('decimal'));
  const parYear = parseParYear(args.strings.get('year'));
  if (!args.booleans.has('force') && (await fileExists(out)))
    throw new UsageError({
      vi: `Tệp "${args.positional[0]}" đã có; không ghi đè một tệp có thể đã có số liệu. Thêm --force để ghi đè.`,
      en: `"${args.positional[0]}" already exists; a file that may hold figures is not overwritten. Add --force to overwrite.`,
    });
  const plan = buildWorkbookPlan({ ...(templates ? { templates } : {}), decimalSeparator, parYear });
  const bytes = await workbookBytes(workbookFromPlan(plan));
  await writeOutput(out, bytes);
  const names = plan.sheets.map((s) => s.name).join(', ');
  io.stdout.write(
    t(
      {
        vi: `Đã ghi ${args.positional[0]}: ${plan.sheets.length} trang (${names}), biểu mẫu phiên bản ${plan.version}.\n`,
        en: `Wrote ${args.positional[0]}: ${plan.sheets.length} sheets (${names}), template version ${plan.version}.\n`,
      },
      lang,
    ),
  );
  return 0;
}
