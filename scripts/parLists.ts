/**
 * `npm run build` runs this first (prebuild): every YEAR.json in src/catalog/par/ is checked against
 * par-list.schema.json (Ajv) and the rules between rows (catalog/parCheck.ts), and
 * src/catalog/par/index.ts is rewritten to import exactly those files. A file that breaks a rule
 * stops the build with a message per row. Run by hand: `npx tsx scripts/parLists.ts [--check]`
 * (--check: fail, instead of rewriting, when index.ts is out of date).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { checkParListFile } from '../src/catalog/parCheck';
import { worded, type ParListProblem } from '../src/catalog/parWording';

export const PAR_FOLDER = path.join(__dirname, '../src/catalog/par');
const FILE_NAME = /^([0-9]{4})\.json$/;

export interface FolderReport {
  /** The data files, newest year first. */
  files: { name: string; year: number }[];
  /** One line per problem: file, row, Vietnamese then English. */
  problems: string[];
}

function rowOf(problem: ParListProblem): string {
  if (problem.index === null) return '';
  return problem.key ? ` (dòng/row ${problem.index + 1}, ${problem.key})` : ` (dòng/row ${problem.index + 1})`;
}

/** Checks every data file of a folder against the schema and the rules. */
export function checkParFolder(folder = PAR_FOLDER): FolderReport {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(folder, 'par-list.schema.json'), 'utf8')) as object);
  const files: FolderReport['files'] = [];
  const problems: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.json') || name === 'par-list.schema.json') continue;
    const match = FILE_NAME.exec(name);
    if (!match) {
      problems.push(
        `${name}: tên tệp phải là năm của danh mục (2022.json). — The file must be named after its year (2022.json).`,
      );
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path.join(folder, name), 'utf8'));
    } catch (e) {
      problems.push(`${name}: không đọc được JSON. — Not readable as JSON: ${(e as Error).message}`);
      continue;
    }
    if (!validate(data))
      for (const error of validate.errors ?? [])
        problems.push(`${name}: ${error.instancePath || '/'} ${error.message ?? ''} (par-list.schema.json)`);
    for (const problem of worded(checkParListFile(data)))
      problems.push(`${name}${rowOf(problem)}: ${problem.vi} — ${problem.en}`);
    const year = Number(match[1]);
    if ((data as { year?: unknown }).year !== year)
      problems.push(`${name}: năm trong tệp khác tên tệp. — The year inside differs from the file name.`);
    files.push({ name, year });
  }
  if (files.length === 0) problems.push('Không có danh mục nào. — No list at all.');
  files.sort((a, b) => b.year - a.year);
  return { files, problems };
}

/** The source of par/index.ts for these files, laid out as the project's prettier lays it out. */
export function indexSource(files: readonly { name: string; year: number }[]): string {
  const head = 'export const PAR_LIST_FILES: readonly { name: string; data: unknown }[] = [';
  const entries = files.map((f) => `{ name: '${f.name}', data: list${f.year} }`);
  const oneLine = `${head}${entries.join(', ')}];`;
  return [
    '// Written by scripts/parLists.ts (npm run build runs it) from the YEAR.json files beside it: do not edit.',
    ...files.map((f) => `import list${f.year} from './${f.name}';`),
    '',
    "/** Every year's data file, newest first, as read: catalog/parLists.ts checks each as it loads it. */",
    ...(oneLine.length <= 120 ? [oneLine] : [head, ...entries.map((e) => `  ${e},`), '];']),
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], folder = PAR_FOLDER): Promise<number> {
  const report = checkParFolder(folder);
  if (report.problems.length > 0) {
    process.stderr.write(
      `Danh mục Chỉ số CCHC có lỗi — the PAR-index lists break a rule (${folder}):\n${report.problems.map((p) => `  ${p}\n`).join('')}`,
    );
    return 1;
  }
  const indexFile = path.join(folder, 'index.ts');
  const wanted = indexSource(report.files);
  let current = '';
  try {
    current = readFileSync(indexFile, 'utf8');
  } catch {
    current = '';
  }
  if (current !== wanted) {
    if (argv.includes('--check')) {
      process.stderr.write(`${indexFile} is out of date: run npx tsx scripts/parLists.ts\n`);
      return 1;
    }
    writeFileSync(indexFile, wanted);
  }
  process.stdout.write(`PAR lists: ${report.files.map((f) => f.year).join(', ')}\n`);
  return 0;
}

if (require.main === module)
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
