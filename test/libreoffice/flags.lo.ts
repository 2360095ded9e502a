/**
 * The marks of "Kiểm tra dữ liệu" as a real spreadsheet engine draws them: a sheet written from
 * the plan with every rule, its hidden column U of marks as the adapter writes it, exported by
 * LibreOffice to HTML, which carries each cell's conditional colours. Errors must come out red and
 * warnings orange: each rule's FIND over the row's text evaluated by a real engine. Needs LibreOffice, as cli.lo.ts.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { workbookBytes, workbookFromPlan } from '../../src/xlsxWrite/writePlan';
import { rowTexts } from '../../src/excel/flagColumnWrites';
import { FLAG_COLUMN } from '../../src/layout/flagColumn';
import { buildWorkbookPlan } from '../../src/layout';
import { CF_FORMATS } from '../../src/layout/rules';
import { CONDITIONAL_PURPOSES, type SheetPlan } from '../../src/layout/types';
import { tempDir } from '../cli/helpers';
import { sofficePath } from './soffice';

const run = promisify(execFile);
const tmp = tempDir('cchc-lo-flags-');
afterAll(() => tmp.remove());

function cellOf(plan: SheetPlan, key: string, column: string): string {
  const row = plan.rows.find((r) => r.key === key)!;
  return `${row.inputs[column]}${row.row}`;
}

/** The attributes and content of the HTML cell holding `value` (LibreOffice writes it as sdval). */
function htmlCell(html: string, value: number): { bgcolor: string | null; font: string | null; bold: boolean } {
  const cells = [...html.matchAll(new RegExp(`<td([^>]*\\bsdval="${value}"[^>]*)>(.*?)</td>`, 'gis'))];
  expect(cells).toHaveLength(1);
  const [, attrs, content] = cells[0];
  return {
    bgcolor: /\bbgcolor="(#[0-9A-F]{6})"/i.exec(attrs)?.[1].toUpperCase() ?? null,
    font: /<font color="(#[0-9A-F]{6})"/i.exec(content)?.[1].toUpperCase() ?? null,
    bold: /<b>/i.test(content),
  };
}

it('errors are drawn red and warnings orange, an unflagged cell in neither', async () => {
  const plan = buildWorkbookPlan({ templates: ['I'] });
  const sheet = plan.sheets[0];
  // Valid counts, so that the live 'invalid' rule stays out of the way; told apart by value.
  const error = { cell: cellOf(sheet, 'I.1.a', '2019'), value: 101 };
  const warning = { cell: cellOf(sheet, 'I.1.b', '2019'), value: 202 };
  const plain = { cell: cellOf(sheet, 'I.2', '2019'), value: 303 };

  // Every rule of the plan, whatever the writer's default list holds.
  const built = workbookFromPlan(plan, { conditionalPurposes: CONDITIONAL_PURPOSES });
  // The marks as the adapter writes them: each row's text in the hidden column U.
  const ws = built.workbook.getWorksheet(sheet.name)!;
  const texts = rowTexts([
    { cell: error.cell, severity: 'error' },
    { cell: warning.cell, severity: 'warning' },
  ]);
  for (const [row, text] of texts) ws.getCell(`${FLAG_COLUMN}${row}`).value = text;
  for (const c of [error, warning, plain]) ws.getCell(c.cell).value = c.value;
  const file = path.join(tmp.dir, 'flags.xlsx');
  writeFileSync(file, await workbookBytes(built));

  await run(
    sofficePath(),
    [
      `-env:UserInstallation=file://${path.join(tmp.dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'html',
      '--outdir',
      tmp.dir,
      file,
    ],
    { timeout: 170_000 },
  );
  const html = readFileSync(path.join(tmp.dir, 'flags.html'), 'utf8');

  expect(htmlCell(html, error.value)).toEqual({
    bgcolor: CF_FORMATS.flagged.fill,
    font: CF_FORMATS.flagged.fontColor,
    bold: true,
  });
  expect(htmlCell(html, warning.value)).toEqual({
    bgcolor: CF_FORMATS.flaggedWarning.fill,
    font: CF_FORMATS.flaggedWarning.fontColor,
    bold: true,
  });
  const other = htmlCell(html, plain.value);
  expect([CF_FORMATS.flagged.fill, CF_FORMATS.flaggedWarning.fill]).not.toContain(other.bgcolor);
}, 180_000);
