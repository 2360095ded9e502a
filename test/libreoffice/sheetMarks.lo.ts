/**
 * The marks a template draws itself (issue 18, item 1), as a real spreadsheet engine draws them:
 * a stated total unlike its parts ('sumMismatch') and a PAR score without evidence
 * ('evidenceMissing'). Sheets written from the plan with every rule and a few values, exported by
 * LibreOffice to HTML, which carries each cell's conditional colours. Needs LibreOffice, as
 * flags.lo.ts.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { workbookBytes, workbookFromPlan } from '../../src/xlsxWrite/writePlan';
import { buildWorkbookPlan } from '../../src/layout';
import { CF_FORMATS } from '../../src/layout/rules';
import { CONDITIONAL_PURPOSES, type SheetPlan, type WorkbookPlan } from '../../src/layout/types';
import { tempDir } from '../cli/helpers';
import { sofficePath } from './soffice';

const run = promisify(execFile);
const tmp = tempDir('cchc-lo-marks-');
afterAll(() => tmp.remove());

function cellOf(plan: SheetPlan, key: string, column: string): string {
  const row = plan.rows.find((r) => r.key === key)!;
  return `${row.inputs[column]}${row.row}`;
}

const bgcolor = (attrs: string) => /\bbgcolor="(#[0-9A-F]{6})"/i.exec(attrs)?.[1].toUpperCase() ?? null;

/** The fill of the HTML cell holding `value` (LibreOffice writes it as sdval). */
function fillOf(html: string, value: number): string | null {
  const cells = [...html.matchAll(new RegExp(`<td([^>]*\\bsdval="${value}"[^>]*)>`, 'gi'))];
  expect(cells).toHaveLength(1);
  return bgcolor(cells[0][1]);
}

/** The fill of the last cell of the HTML row holding `value`: column L, a PAR row's evidence. */
function lastCellFillOfRow(html: string, value: number): string | null {
  const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gis)].filter((m) => m[1].includes(`sdval="${value}"`));
  expect(rows).toHaveLength(1);
  const tds = [...rows[0][1].matchAll(/<td([^>]*)>/gi)];
  return bgcolor(tds[tds.length - 1][1]);
}

async function exported(plan: WorkbookPlan, values: Record<string, Record<string, number | string>>, file: string) {
  const built = workbookFromPlan(plan, { conditionalPurposes: CONDITIONAL_PURPOSES });
  for (const [sheet, cells] of Object.entries(values)) {
    const ws = built.workbook.getWorksheet(sheet)!;
    for (const [cell, v] of Object.entries(cells)) ws.getCell(cell).value = v;
  }
  const xlsx = path.join(tmp.dir, `${file}.xlsx`);
  writeFileSync(xlsx, await workbookBytes(built));
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
      xlsx,
    ],
    { timeout: 170_000 },
  );
  return readFileSync(path.join(tmp.dir, `${file}.html`), 'utf8');
}

it('a total unlike its parts and a score without evidence are drawn by the sheet, the others not', async () => {
  const iPlan = buildWorkbookPlan({ templates: ['I'] });
  const parPlan = buildWorkbookPlan({ templates: ['PAR'] });
  const [I] = iPlan.sheets;
  const [PAR] = parPlan.sheets;
  const i = await exported(
    iPlan,
    {
      [I.name]: {
        // 777 ≠ 300 + 400; 1234 = 1000 + 234.
        [cellOf(I, 'I.1', '2018')]: 777,
        [cellOf(I, 'I.1.a', '2018')]: 300,
        [cellOf(I, 'I.1.b', '2018')]: 400,
        [cellOf(I, 'I.1', '2019')]: 1234,
        [cellOf(I, 'I.1.a', '2019')]: 1000,
        [cellOf(I, 'I.1.b', '2019')]: 234,
      },
    },
    'sums',
  );
  expect(fillOf(i, 777)).toBe(CF_FORMATS.sumMismatch.fill);
  expect(fillOf(i, 1234)).not.toBe(CF_FORMATS.sumMismatch.fill);

  const par = await exported(
    parPlan,
    {
      [PAR.name]: {
        // Scored without evidence; scored with evidence.
        [cellOf(PAR, '1.1', 'score')]: 0.123,
        [cellOf(PAR, '1.2', 'score')]: 0.234,
        [cellOf(PAR, '1.2', 'evidence')]: 'QĐ 12/QĐ-UBND',
      },
    },
    'par',
  );
  expect(lastCellFillOfRow(par, 0.123)).toBe(CF_FORMATS.evidenceMissing.fill);
  expect(lastCellFillOfRow(par, 0.234)).not.toBe(CF_FORMATS.evidenceMissing.fill);
}, 360_000);
