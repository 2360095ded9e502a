/**
 * Shared by the CLI tests, the LibreOffice tests and the benchmark: write a template with the
 * real command, fill it through ExcelJS by row key and column id (as an official would type),
 * and run commands in-process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import { parLeaves } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { buildSheetPlan, buildWorkbookPlan, parseMarker } from '../../src/layout';
import { workbookBytes, workbookFromPlan } from '../../src/xlsxWrite/writePlan';
import { prng } from '../shared/prng';
import { run } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/io';

export function tempDir(prefix = 'cchc-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  argv: string[],
  options: { cwd?: string; stderrTTY?: boolean; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const io = memoryIo(options);
  const code = await run(argv, io);
  return { code, stdout: io.stdout.text(), stderr: io.stderr.text() };
}

/** One value typed into a template: the row by key, the column by its id in the plan. */
export interface Fill {
  template: TemplateId;
  key: string;
  column: string;
  value: string | number | boolean | Date | null;
}

export function sheetByTemplate(workbook: Workbook, id: TemplateId): Worksheet {
  const sheet = workbook.worksheets.find((ws) => parseMarker(ws.getCell('A1').value)?.templateId === id);
  if (!sheet) throw new Error(`No sheet for template ${id}`);
  return sheet;
}

/** The cell of a key's row and a column id, found as the add-in does: key in column A, letter from the plan. */
export function cellFor(sheet: Worksheet, template: TemplateId, key: string, column: string): string {
  const rowPlan = buildSheetPlan(template).rows.find((r) => r.key === key);
  if (!rowPlan) throw new Error(`No row ${key} in the ${template} plan`);
  const letter = rowPlan.inputs[column];
  if (!letter) throw new Error(`Row ${key} of ${template} has no input ${column}`);
  let found = 0;
  sheet.getColumn(1).eachCell((cell, row) => {
    if (!found && cell.value === key) found = row;
  });
  if (!found) throw new Error(`Key ${key} not found in column A of ${sheet.name}`);
  return `${letter}${found}`;
}

export async function fillWorkbook(
  source: string,
  target: string,
  fills: Fill[],
  edit?: (wb: Workbook) => void,
): Promise<void> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(source);
  for (const f of fills) {
    const sheet = sheetByTemplate(workbook, f.template);
    sheet.getCell(cellFor(sheet, f.template, f.key, f.column)).value = f.value;
  }
  edit?.(workbook);
  await workbook.xlsx.writeFile(target);
}

export { prng } from '../shared/prng';

/**
 * `count` filled unit workbooks in `dir` (don-vi-001.xlsx…), all templates, each filled by
 * `fillsOf(i, random)` with its own seeded random numbers (seedBase + i): the benchmarks' returns.
 */
export async function writeUnitWorkbooks(
  dir: string,
  count: number,
  fillsOf: (i: number, random: () => number) => Fill[],
  seedBase: number,
): Promise<string[]> {
  const template = await workbookBytes(workbookFromPlan(buildWorkbookPlan()));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const workbook = new Workbook();
    await workbook.xlsx.load(template as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    for (const fill of fillsOf(i, prng(seedBase + i))) {
      const sheet = sheetByTemplate(workbook, fill.template);
      sheet.getCell(cellFor(sheet, fill.template, fill.key, fill.column)).value = fill.value;
    }
    const file = path.join(dir, `don-vi-${String(i + 1).padStart(3, '0')}.xlsx`);
    await workbook.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

/** A valid score for every PAR leaf: 0…max with at most three decimals. */
export function parScores(random: () => number): Fill[] {
  return parLeaves('total').map((leaf) => ({
    template: 'PAR' as const,
    key: leaf.id,
    column: 'score',
    value: Math.round(random() * leaf.max * 1000) / 1000,
  }));
}
