/**
 * Reads .xlsx bytes (Node or browser: no file system here) into the engine's SheetSnapshot[]: the
 * sheets carrying a template marker in their CCHC_TEMPLATE name or in A1 (layout/marker.ts), with
 * values as Excel's Range.values gives them (cached formula results, '#REF!' strings for errors,
 * flattened rich text, dates as serial numbers with their date format kept in numberFormats), so
 * the engine judges a cell read here exactly as one read by the add-in.
 *
 * Bounded by the template, not by the file: guard.ts checks the package's directory, then only
 * workbook.xml, its relationships, styles.xml, the shared strings and the sheets are inflated,
 * each as a stream (fflate; the CLI passes Node's zlib, which inflates a part at once, capped; a
 * browser with DecompressionStream inflates them ahead, natively, nativeInflate.ts) into a
 * tokenizer: the fast one for the XML spreadsheet writers use (xmlSubset.ts), saxes for any other
 * (zipParts.ts, xmlStream.ts; saxes and fflate are loaded only when a file needs them), and a template
 * sheet is read only inside READ_WINDOW (sheetCells.ts); a value beyond it is reported as a
 * finding naming the cell. Budgets (limits.ts) refuse one file, never the batch. No
 * whole-workbook object model is built; test/xlsx/differential.test.ts holds it equal to ExcelJS.
 * The CLI reads files from disk with src/cli/xlsx/readSnapshots.ts; the pane reads picked files.
 */
import type { CellValue, Finding, SheetSnapshot } from '../engine/types';
import { MARKER_NAME, parseMarker, parseMarkerFormula } from '../layout';
import { reporterOf } from '../engine/sheet';
import { READ_WINDOW } from '../layout/readWindow';
import { InputError } from './errors';
import { guardPackage } from './guard';
import { LIMITS, type Limits } from './limits';
import { nativeInflater } from './nativeInflate';
import { INDEX_PARTS, partsAfterIndex, readWorkbookIndex, readWorkbookParts } from './packageParts';
import { readSheetCells } from './sheetCells';
import { NeedsModule } from './lazyModules';
import { Clock } from './xmlStream';
import { PackageParts, type AsyncInflateRaw, type InflateRaw } from './zipParts';

/** A1 of a sheet written by `cchc consolidate`: looks like the form, but is a city total, not a return. */
export const CONSOLIDATED_PREFIX = 'cchc-consolidated:';

export interface TemplateWorkbook {
  file: string;
  snapshots: SheetSnapshot[];
  /** The "Cơ quan, đơn vị báo cáo" entry (first filled one), or null. */
  reporter: string | null;
  /** Sheets with no template marker (the unit's own sheets), by name. */
  otherSheets: string[];
  /** What the reader itself found: a value beyond a template's area ('outside-template'), one per sheet. */
  findings?: Finding[];
  /** Milliseconds spent unzipping and parsing the file. */
  parseMs: number;
}

type SheetMarker = NonNullable<ReturnType<typeof parseMarker>>;

/**
 * Sheet name → marker, from the sheet-scoped CCHC_TEMPLATE names: localSheetId is the 0-based
 * position of the sheet in <sheets> (ECMA-376 Part 1, 18.2.5), resolved to its name.
 */
export function markersOfNames(
  sheetNames: readonly string[],
  names: readonly { name: string; localSheetId: number; formula: string }[],
): Map<string, SheetMarker> {
  const out = new Map<string, SheetMarker>();
  for (const n of names) {
    if (n.name !== MARKER_NAME || n.localSheetId < 0) continue;
    const sheet = sheetNames[n.localSheetId];
    const marker = parseMarkerFormula(n.formula);
    if (sheet !== undefined && marker) out.set(sheet, marker);
  }
  return out;
}

/** The warning for values beyond a template's area: the official clears them (or moves them into the form). */
function outsideFinding(sheet: string, outside: { count: number; first: string }): Finding {
  const more = outside.count - 1;
  return {
    severity: 'warning',
    code: 'outside-template',
    sheet,
    cell: outside.first,
    rowKey: '',
    column: null,
    message: {
      vi: `Trang có giá trị ngoài vùng biểu mẫu, ô ${outside.first}${more > 0 ? ` và ${more} ô khác` : ''} (biểu mẫu chỉ đến ${READ_WINDOW.slice(3)}): không được đọc, không được tổng hợp. Hãy xóa ô đó (hoặc chuyển số liệu vào đúng dòng của biểu mẫu) rồi lưu lại.`,
      en: `The sheet has values outside the template's area, cell ${outside.first}${more > 0 ? ` and ${more} more` : ''} (the template ends at ${READ_WINDOW.slice(3)}): not read, not consolidated. Clear that cell (or move the figure to its row of the template) and save.`,
    },
  };
}

function textOf(value: CellValue): string | null {
  return typeof value === 'string' ? value.trim() : null;
}

export interface ReadOptions {
  limits?: Limits;
  /**
   * The host's inflater (zipParts.ts): the CLI passes Node's zlib. Without one, the parts inflate
   * with DecompressionStream where the platform has it (nativeInflate.ts), else with fflate.
   */
  inflateRaw?: InflateRaw;
  /** Without a host inflater: false inflates with fflate even where DecompressionStream exists (tests compare both). */
  native?: boolean;
}

/** Reads a unit's workbook from its bytes: its template sheets as snapshots. Throws InputError if it is not one. */
export async function readTemplateBytes(
  file: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<TemplateWorkbook> {
  const limits = options.limits ?? LIMITS;
  const clock = new Clock(file, limits);
  const parts = new PackageParts(file, bytes, guardPackage(file, bytes, limits), limits, options.inflateRaw);
  const inflate = options.inflateRaw || options.native === false ? null : nativeInflater();
  // A part needing a module not loaded yet (saxes for XML outside the fast subset, fflate where
  // nothing else inflates): load it, then read the file again from the start, with the same parts
  // (a part read twice counts once against the size limits) and the same clock, which goes on from
  // where the reading stopped (the time a module takes to arrive over the network is not the
  // file's: it is left out). Each module loads once, so a file is read at most three times.
  for (;;) {
    try {
      return await readPackage(parts, limits, clock, inflate);
    } catch (e) {
      if (!(e instanceof NeedsModule)) throw e;
      const loading = performance.now();
      await e.load();
      clock.exclude(performance.now() - loading);
    }
  }
}

/** One reading of the package, from the start: NeedsModule when a part needs a module not loaded yet. */
async function readPackage(
  parts: PackageParts,
  limits: Limits,
  clock: Clock,
  inflate: AsyncInflateRaw | null,
): Promise<TemplateWorkbook> {
  const file = parts.file;
  if (inflate) await parts.prepare(INDEX_PARTS, inflate);
  const index = readWorkbookIndex(parts, limits, clock);
  if (inflate) {
    await parts.prepare(partsAfterIndex(index), inflate);
    clock.check();
  }
  const book = readWorkbookParts(parts, limits, clock, index);
  if (book.sheets.length === 0)
    throw new InputError(file, 'corrupt', {
      vi: 'tệp không có trang tính nào. Hãy đề nghị đơn vị gửi lại biểu mẫu đã điền, lưu bằng Excel dạng .xlsx.',
      en: 'the file holds no worksheet. Ask the unit to send the filled template again, saved in Excel as .xlsx.',
    });
  const markers = markersOfNames(
    book.sheets.map((s) => s.name),
    book.names,
  );
  const snapshots: SheetSnapshot[] = [];
  const otherSheets: string[] = [];
  const findings: Finding[] = [];
  let consolidated = false;
  for (const sheet of book.sheets) {
    let marker: SheetMarker | null = markers.get(sheet.name) ?? null;
    const cells = readSheetCells(parts, sheet.part, book, limits, clock, (a1) => {
      marker ??= parseMarker(textOf(a1));
      return marker !== null;
    });
    if (!marker) {
      otherSheets.push(sheet.name);
      if (textOf(cells.a1)?.startsWith(CONSOLIDATED_PREFIX)) consolidated = true;
      continue;
    }
    const found: SheetMarker = marker;
    snapshots.push({
      name: sheet.name,
      templateId: found.templateId,
      version: found.version,
      ...(found.year !== undefined ? { year: found.year } : {}),
      origin: 'A1',
      values: cells.values,
      formulas: cells.formulas,
      numberFormats: cells.numberFormats,
    });
    if (cells.outside) findings.push(outsideFinding(sheet.name, cells.outside));
  }
  const parseMs = clock.elapsed();
  if (snapshots.length === 0 && consolidated)
    throw new InputError(file, 'consolidated', {
      vi: 'đây là bảng tổng hợp do "cchc consolidate" tạo ra, không phải tệp báo cáo của một đơn vị.',
      en: 'this is a consolidation made by "cchc consolidate", not a unit’s return.',
    });
  if (snapshots.length === 0)
    throw new InputError(file, 'no-templates', {
      vi: 'sổ làm việc không có trang biểu mẫu CCHC nào (ô A1 không có dấu "cchc-template:…"). Hãy dùng tệp tạo bằng "cchc template" hoặc bằng add-in.',
      en: 'the workbook has no CCHC template sheet (no "cchc-template:…" marker in A1). Use a file made by "cchc template" or by the add-in.',
    });
  return { file, snapshots, reporter: reporterOf(snapshots), otherSheets, findings, parseMs };
}
