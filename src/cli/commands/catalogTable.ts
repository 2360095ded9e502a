/**
 * `cchc catalog import TABLE.xlsx --year 2022 --out par-2022.json [--previous-year 2021]
 *   [--number 123/UBND-SNV] [--issued 2022-03-01 | 01/03/2022] [--title "…"] [--force]`
 * reads a year's PAR-index list laid out as the city lays it out and writes its data file (for
 * src/catalog/par/), or refuses it with a message per table row;
 * `cchc catalog export --year 2021 --out TABLE.xlsx [--force]` writes a list this build carries as
 * such a table, to edit into next year's.
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { PAR_LISTS, parList } from '../../catalog';
import { parListFileText, readParWorkbook, type TableProblem } from '../parTable';
import { parTableWorkbook } from '../parTableWrite';
import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { InputError, type InputProblem } from '../../xlsx/errors';
import type { CliIo } from '../io';

export const CATALOG_IMPORT_OPTIONS = {
  booleans: ['force'],
  strings: ['year', 'previous-year', 'out', 'number', 'issued', 'title', 'lang'],
} as const;
export const CATALOG_EXPORT_OPTIONS = { booleans: ['force'], strings: ['year', 'out', 'lang'] } as const;

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function yearOption(value: string | undefined, option: string): number {
  if (value === undefined)
    throw new UsageError({
      vi: `Cần --${option} (ví dụ --${option} 2022).`,
      en: `--${option} is needed (e.g. --${option} 2022).`,
    });
  const year = Number(value);
  if (!/^[0-9]{4}$/.test(value) || year < 2000 || year > 2100)
    throw new UsageError({ vi: `Năm "${value}" không hợp lệ.`, en: `Year "${value}" is not valid.` });
  return year;
}

async function outPath(value: string | undefined, io: CliIo, force: boolean, ext: string): Promise<string> {
  if (!value) throw new UsageError({ vi: `Cần --out TỆP${ext}.`, en: `--out FILE${ext} is needed.` });
  const out = path.resolve(io.cwd, value);
  if (!force && (await exists(out)))
    throw new UsageError({
      vi: `Tệp "${value}" đã có; thêm --force để ghi đè.`,
      en: `"${value}" already exists; add --force to overwrite.`,
    });
  return out;
}

/** "01/03/2022" or "2022-03-01" as ISO; undefined when absent. */
function issuedOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (iso) return value;
  const vn = /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})$/.exec(value);
  if (vn) return `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  throw new UsageError({
    vi: `Ngày "${value}" không hợp lệ: ghi dd/mm/yyyy hoặc yyyy-mm-dd.`,
    en: `Date "${value}" is not valid: write dd/mm/yyyy or yyyy-mm-dd.`,
  });
}

/** A problem as the official reads it: Vietnamese first, English second, the table's row number. */
export function problemText(p: TableProblem): string {
  const where =
    p.row === null
      ? null
      : p.stt
        ? [`Dòng ${p.row} (STT ${p.stt})`, `Row ${p.row} (no. ${p.stt})`]
        : [`Dòng ${p.row}`, `Row ${p.row}`];
  return where ? `${where[0]}: ${p.vi}\n  ${where[1]}: ${p.en}\n` : `${p.vi}\n  ${p.en}\n`;
}

export async function runCatalogImport(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, CATALOG_IMPORT_OPTIONS);
  if (args.positional.length !== 1)
    throw new UsageError({
      vi: '"catalog import" cần đúng một tệp bảng .xlsx.',
      en: '"catalog import" takes exactly one .xlsx table.',
    });
  const year = yearOption(args.strings.get('year'), 'year');
  const previous = args.strings.get('previous-year');
  const previousYear = previous === undefined ? year - 1 : yearOption(previous, 'previous-year');
  const out = await outPath(args.strings.get('out'), io, args.booleans.has('force'), '.json');
  const file = path.resolve(io.cwd, args.positional[0]);
  const bytes = await orInputError(args.positional[0], 'missing', CANNOT_OPEN, () => readFile(file));
  const workbook = new Workbook();
  // ExcelJS's typing asks for its own Buffer type; Node's Buffer is what it reads.
  await orInputError(args.positional[0], 'corrupt', NOT_XLSX, () =>
    workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]),
  );
  const reading = readParWorkbook(workbook, {
    year,
    previousYear,
    source: {
      number: args.strings.get('number'),
      issued: issuedOption(args.strings.get('issued')),
      title: args.strings.get('title'),
    },
  });
  if (!reading.list) {
    io.stderr.write(
      `Bảng "${args.positional[0]}" chưa nhập được (${reading.problems.length} lỗi) — the table was not imported (${reading.problems.length} problems):\n\n`,
    );
    for (const p of reading.problems) io.stderr.write(problemText(p));
    if (reading.newUnits.length > 0)
      io.stderr.write(
        `\nĐơn vị mới cần xác nhận (thêm vào danh mục đơn vị trước khi nhập): ${reading.newUnits.join('; ')}\n` +
          `New units to confirm (to be added to the catalog's units before importing): ${reading.newUnits.join('; ')}\n`,
      );
    io.stderr.write('\nKhông ghi tệp nào. — No file written.\n');
    return 1;
  }
  await writeFile(out, parListFileText(reading.list));
  const leaves = reading.list.rows.filter((r) => r.children.length === 0).length;
  const name = path.relative(io.cwd, out) || out;
  io.stdout.write(
    `Đã ghi danh mục năm ${year} (${reading.list.rows.length} dòng, ${leaves} tiêu chí chấm điểm) vào ${name}.\n` +
      `Chép tệp vào src/catalog/par/${year}.json rồi chạy npm run build.\n` +
      `Wrote the ${year} list (${reading.list.rows.length} rows, ${leaves} scored criteria) to ${name}.\n` +
      `Copy it to src/catalog/par/${year}.json, then run npm run build.\n`,
  );
  return 0;
}

export async function runCatalogExport(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, CATALOG_EXPORT_OPTIONS);
  if (args.positional.length > 0)
    throw new UsageError({
      vi: `"catalog export" không nhận tham số "${args.positional[0]}".`,
      en: `"catalog export" takes no argument "${args.positional[0]}".`,
    });
  const year = yearOption(args.strings.get('year') ?? String(PAR_LISTS[0].year), 'year');
  if (!PAR_LISTS.some((l) => l.year === year))
    throw new UsageError({
      vi: `Bản này không có danh mục năm ${year} (có: ${PAR_LISTS.map((l) => l.year).join(', ')}).`,
      en: `This build carries no list for ${year} (it has ${PAR_LISTS.map((l) => l.year).join(', ')}).`,
    });
  const out = await outPath(args.strings.get('out'), io, args.booleans.has('force'), '.xlsx');
  const list = parList(year);
  const workbook = parTableWorkbook({ ...list, notes: [...(list.notes ?? [])], rows: [...list.rows] });
  await workbook.xlsx.writeFile(out);
  const name = path.relative(io.cwd, out) || out;
  io.stdout.write(`Đã ghi bảng danh mục năm ${year} vào ${name}.\nWrote the ${year} list's table to ${name}.\n`);
  return 0;
}

const CANNOT_OPEN = {
  vi: 'Không mở được tệp: kiểm tra tên và đường dẫn.',
  en: 'The file cannot be opened: check its name and path.',
};
const NOT_XLSX = {
  vi: 'Không đọc được tệp như một bảng tính .xlsx: mở trong Excel và lưu lại dạng .xlsx.',
  en: 'The file cannot be read as an .xlsx workbook: open it in Excel and save it as .xlsx.',
};

/** `work`'s result, or an InputError in officials' words (the technical cause kept as its details). */
async function orInputError<T>(
  file: string,
  problem: InputProblem,
  text: { vi: string; en: string },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw new InputError(file, problem, text, e instanceof Error ? e.message : String(e));
  }
}
