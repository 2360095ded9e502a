/**
 * Nothing outside the catalog names a PAR year of its own: the years a PAR sheet, message, label,
 * report or consolidation shows come from its list (ParList.year, previousYear). The check reads
 * the code of src/ outside src/catalog (comments left out) for the literals 2020 and 2021; files
 * where those years are Appendix 1's, the report outline's or a decree's are listed with why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '../../src');

/** Files whose 2020/2021 are not a PAR list's year, with the reason. */
const ALLOWED: Record<string, string> = {
  'engine/figures.ts': "Appendix 1's year columns (2015–2020, 2020 counted to 31/3)",
  'engine/section8.ts': "Section VIII reads Appendix 1's latest year (2020 to 31/3)",
  'layout/appendix1Sheet.ts': "Plan 28/KH-UBND's date (11/02/2020)",
  'layout/outlineSheet.ts': "the outline's figure years (2019, 2020) and Plan 28's date",
  'report/docx.ts': "the outline's figure years in the report body",
  'report/docxForm.ts': "the report's subject: the 2016–2020 plan it reviews",
  'selftest/scenarios.ts': "Appendix 1's 2020 column in the self-test",
  'layout/marker.ts': 'LEGACY_PAR_YEAR: a marker written before markers had years is the 2021 list’s',
};
/** Mentions that are never a PAR year: Decree 30/2020/NĐ-CP. */
const ALLOWED_TEXT = /30\/2020\/NĐ-CP/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The code without its comments (line and block), so that examples in documentation do not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

test('no PAR code path names 2020 or 2021 except through its list', () => {
  const found: string[] = [];
  for (const file of files(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    if (rel.startsWith('catalog/') || rel.startsWith('memoryExcel/') || ALLOWED[rel]) continue;
    code(readFileSync(file, 'utf8'))
      .replace(ALLOWED_TEXT, '')
      .split('\n')
      .forEach((line, i) => {
        if (/\b20(20|21)\b/.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});

test('the allow-list names only files that exist', () => {
  for (const rel of Object.keys(ALLOWED)) expect(statSync(path.join(SRC, rel)).isFile()).toBe(true);
});
