/**
 * The differential check of the .xlsx reader against ExcelJS (excelJsReader.ts): the same bytes
 * through both must give the same template sheets, or the new reader refuses the file for a
 * reason ExcelJS did not see (documented below). Before comparing, each snapshot is normalised
 * in two documented ways only:
 * - trailing rows and columns holding nothing ('' and General) are dropped: ExcelJS counts a cell
 *   element that has neither a value nor a style, the reader does not;
 * - numbers in date-formatted cells are compared to the millisecond: ExcelJS turns them into
 *   Date objects (millisecond precision) and the old reader turned them back; the new reader
 *   keeps the number as stored, as Range.values does.
 */
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import { isDateFormat } from '../../src/engine';
import { InputError } from '../../src/xlsx/errors';
import { readTemplateBytes } from '../../src/xlsx/reader';
import { readWithExcelJs } from './excelJsReader';

/**
 * Refusals where the new reader is stricter than ExcelJS, by problem: a budget passed, a part
 * that is damaged in a way ExcelJS papers over (a duplicate part, a shared string that does not
 * exist, bytes that are not UTF-8, a relationship out of the package, a number that is none).
 */
export const STRICTER = new Set(['over-budget', 'corrupt', 'too-large', 'unsafe-xml']);

export function normalise(s: SheetSnapshot): unknown {
  const values = s.values;
  const formulas = (s.formulas ?? []) as CellValue[][];
  const formats = s.numberFormats ?? [];
  let rows = Math.max(values.length, formulas.length, formats.length);
  let cols = 0;
  const at = (r: number, c: number) => ({
    v: values[r]?.[c] ?? '',
    f: formulas[r]?.[c] ?? '',
    n: formats[r]?.[c] ?? 'General',
  });
  const empty = (r: number, c: number) => {
    const x = at(r, c);
    return x.v === '' && x.f === '' && x.n === 'General';
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < Math.max(values[r]?.length ?? 0, formats[r]?.length ?? 0); c++)
      if (!empty(r, c)) cols = Math.max(cols, c + 1);
  while (rows > 0 && [...Array(cols).keys()].every((c) => empty(rows - 1, c))) rows--;
  const grid: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) {
      const x = at(r, c);
      const date = typeof x.v === 'number' && isDateFormat(x.n);
      const v = date ? Math.round((x.v as number) * 86_400_000) / 86_400_000 : x.v;
      const f = date && typeof x.f === 'number' ? v : x.f;
      row.push([v, f, x.n]);
    }
    grid.push(row);
  }
  return { name: s.name, templateId: s.templateId, version: s.version, grid };
}

export type Verdict =
  | { kind: 'equal'; sheets: number }
  | { kind: 'both-refuse'; problem: string }
  | { kind: 'stricter'; problem: string; excelJs: string }
  | { kind: 'differ'; detail: string };

/** Reads `bytes` with both readers and says how they compare. */
export async function compareReaders(file: string, bytes: Uint8Array): Promise<Verdict> {
  const reference = await readWithExcelJs(bytes);
  let ours: Awaited<ReturnType<typeof readTemplateBytes>> | InputError;
  try {
    ours = await readTemplateBytes(file, bytes);
  } catch (e) {
    if (!(e instanceof InputError)) return { kind: 'differ', detail: `the reader threw ${(e as Error).stack}` };
    ours = e;
  }
  if (ours instanceof InputError) {
    if ('error' in reference) return { kind: 'both-refuse', problem: ours.problem };
    // ExcelJS found no template sheet either: the old reader refused it too (no-templates).
    if (reference.snapshots.length === 0) return { kind: 'both-refuse', problem: ours.problem };
    if (STRICTER.has(ours.problem))
      return { kind: 'stricter', problem: ours.problem, excelJs: `${reference.snapshots.length} sheets` };
    return { kind: 'differ', detail: `the reader refused (${ours.problem}: ${ours.text.en}), ExcelJS read it` };
  }
  if ('error' in reference)
    return { kind: 'differ', detail: `ExcelJS failed (${reference.error}), the reader read it` };
  const a = ours.snapshots.map(normalise);
  const b = reference.snapshots.map(normalise);
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  if (sa !== sb || JSON.stringify(ours.otherSheets) !== JSON.stringify(reference.otherSheets)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = JSON.stringify(a[i]);
      const y = JSON.stringify(b[i]);
      if (x === y) continue;
      let k = 0;
      while (k < Math.min(x?.length ?? 0, y?.length ?? 0) && x[k] === y[k]) k++;
      return {
        kind: 'differ',
        detail: `sheet ${i}: reader …${x?.slice(k - 80, k + 80)}… ExcelJS …${y?.slice(k - 80, k + 80)}…`,
      };
    }
    return { kind: 'differ', detail: `other sheets ${ours.otherSheets} vs ${reference.otherSheets}` };
  }
  return { kind: 'equal', sheets: a.length };
}
