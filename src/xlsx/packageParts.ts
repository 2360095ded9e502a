/**
 * The workbook-wide parts a template's cells need, each tokenised once as it inflates:
 * workbook.xml (sheets in tab order, the CCHC_TEMPLATE names), its relationships (where each
 * sheet's part is), styles.xml (the number format of each cell style) and the shared strings.
 * Nothing else of the package is inflated. Names and sheet names are kept in Maps, never as keys
 * of plain objects, so a sheet or a name called "__proto__" is just a name.
 */
import { BUILT_IN_FORMATS } from './builtInFormats';
import { damaged } from './errors';
import type { Limits } from './limits';
import { overBudget, readXmlPart, type Clock, type XmlHandler } from './xmlStream';
import { STOP_READING, type PackageParts } from './zipParts';

export interface SheetEntry {
  name: string;
  /** The sheet's part in the package ('xl/worksheets/sheet1.xml'). */
  part: string;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  /** Defined names: name → (localSheetId or -1 for workbook scope) → formula text. */
  names: { name: string; localSheetId: number; formula: string }[];
  sharedStrings: string[];
  /** Cell style index (the `s` of a cell) → its number format; 'General' when it has none. */
  numberFormats: string[];
}

interface Reading {
  parts: PackageParts;
  limits: Limits;
  clock: Clock;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Collects text, refusing past `max` characters. */
class TextBuffer {
  private chunks: string[] = [];
  private length = 0;
  constructor(
    private readonly max: number,
    private readonly onOver: () => Error,
  ) {}
  add(text: string): void {
    this.length += text.length;
    if (this.length > this.max) throw this.onOver();
    this.chunks.push(text);
  }
  take(): string {
    const out = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
    this.chunks = [];
    this.length = 0;
    return out;
  }
}

function readWorkbook(r: Reading): { sheets: { name: string; id: string }[]; names: WorkbookParts['names'] } {
  let sheets: { name: string; id: string }[] = [];
  let names: WorkbookParts['names'] = [];
  const build = (): XmlHandler => {
    sheets = [];
    names = [];
    let current: { name: string; localSheetId: number } | null = null;
    const text = new TextBuffer(r.limits.formulaChars, () => overBudget(r.parts.file, 'formula', r.limits, WORKBOOK));
    return {
      open(name, a) {
        if (name === 'sheet') {
          let id = '';
          for (const [key, value] of a.entries()) if (key === 'r:id' || key.endsWith(':id')) id = value;
          sheets.push({ name: a.get('name') ?? '', id });
        } else if (name === 'definedName') {
          const localSheetId = a.get('localSheetId');
          const local = localSheetId === undefined ? -1 : Number(localSheetId);
          current = { name: a.get('name') ?? '', localSheetId: Number.isInteger(local) ? local : -2 };
          text.take();
        }
      },
      text(t) {
        if (current) text.add(t);
      },
      close(name) {
        if (name === 'definedName' && current) {
          names.push({ ...current, formula: text.take() });
          current = null;
        }
      },
    };
  };
  if (!readXmlPart(r.parts, WORKBOOK, build, r.limits, r.clock)) throw damaged(r.parts.file, `no ${WORKBOOK}`);
  return { sheets, names };
}

/** A relationship's target as a part name, resolved against xl/; null when it leaves the package. */
export function resolveTarget(target: string, base = 'xl/'): string | null {
  const segments = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(s);
  }
  return segments.join('/');
}

function readRelationships(r: Reading): Map<string, { type: string; part: string | null }> {
  let rels = new Map<string, { type: string; part: string | null }>();
  const build = (): XmlHandler => {
    rels = new Map();
    return {
      open(name, a) {
        const id = name === 'Relationship' ? a.get('Id') : undefined;
        if (id === undefined) return;
        const external = a.get('TargetMode') === 'External';
        rels.set(id, { type: a.get('Type') ?? '', part: external ? null : resolveTarget(a.get('Target') ?? '') });
      },
      text() {},
      close() {},
    };
  };
  if (!readXmlPart(r.parts, WORKBOOK_RELS, build, r.limits, r.clock))
    throw damaged(r.parts.file, `no ${WORKBOOK_RELS}`);
  return rels;
}

function readStyles(r: Reading, part: string): string[] {
  let formats: string[] = [];
  const build = (): XmlHandler => {
    const custom = new Map<number, string>();
    formats = [];
    let inCellXfs = false;
    return {
      open(name, a) {
        if (name === 'numFmt') {
          const code = a.get('formatCode') ?? '';
          if (code.length > r.limits.numberFormatChars) throw overBudget(r.parts.file, 'number-format', r.limits, part);
          custom.set(Number(a.get('numFmtId')), code);
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(a.get('numFmtId') ?? 0);
          // As ExcelJS and Excel: format 0 (or none) is General; a custom code wins over a built-in one.
          formats.push((id && (custom.get(id) ?? BUILT_IN_FORMATS.get(id))) || 'General');
        }
      },
      text() {},
      close(name) {
        // numFmts and cellXfs come first in styles.xml (CT_Stylesheet); fonts, fills and the rest are not needed.
        if (name === 'cellXfs') throw STOP_READING;
      },
    };
  };
  readXmlPart(r.parts, part, build, r.limits, r.clock);
  return formats;
}

function readSharedStrings(r: Reading, part: string): string[] {
  let strings: string[] = [];
  const file = r.parts.file;
  const build = (): XmlHandler => {
    strings = [];
    const text = new TextBuffer(r.limits.stringChars, () => overBudget(file, 'string', r.limits, part));
    let inItem = false;
    let inText = false;
    let phonetic = 0;
    return {
      open(name) {
        if (name === 'si') {
          inItem = true;
          text.take();
        } else if (name === 't') inText = true;
        else if (name === 'rPh') phonetic++;
      },
      text(t) {
        // Phonetic guides (rPh) are not part of the cell's text in Range.values.
        if (inItem && inText && phonetic === 0) text.add(t);
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          inItem = false;
          if (strings.length >= r.limits.sharedStrings) throw overBudget(file, 'shared-strings', r.limits, part);
          strings.push(text.take());
        }
      },
    };
  };
  readXmlPart(r.parts, part, build, r.limits, r.clock);
  return strings;
}

/** The parts a workbook's index is read from: readWorkbookIndex reads these, and no other. */
export const INDEX_PARTS: readonly string[] = [WORKBOOK, WORKBOOK_RELS];

/** What workbook.xml and its relationships say: the sheets, the names, and where the styles and shared strings are. */
export interface WorkbookIndex {
  sheets: SheetEntry[];
  names: WorkbookParts['names'];
  styles: string;
  sharedStrings: string;
}

/** Reads workbook.xml and its relationships. */
export function readWorkbookIndex(parts: PackageParts, limits: Limits, clock: Clock): WorkbookIndex {
  const r: Reading = { parts, limits, clock };
  const workbook = readWorkbook(r);
  const rels = readRelationships(r);
  const sheets: SheetEntry[] = [];
  for (const s of workbook.sheets) {
    const rel = rels.get(s.id);
    if (!rel || rel.part === null)
      throw damaged(parts.file, `sheet "${s.name}": relationship ${s.id} missing or outside the package`);
    // Chart sheets, dialog and macro sheets hold no cells: not sheets of a return (nor for ExcelJS).
    if (rel.type !== REL_TYPE + 'worksheet') continue;
    if (!parts.has(rel.part)) throw damaged(parts.file, `sheet "${s.name}": no part ${rel.part}`);
    sheets.push({ name: s.name, part: rel.part });
  }
  const partOf = (type: string, fallback: string): string => {
    for (const rel of rels.values()) if (rel.type === REL_TYPE + type && rel.part !== null) return rel.part;
    return fallback;
  };
  return {
    sheets,
    names: workbook.names,
    styles: partOf('styles', 'xl/styles.xml'),
    sharedStrings: partOf('sharedStrings', 'xl/sharedStrings.xml'),
  };
}

/** The parts readWorkbookParts and the sheets' reading read after the index, in the order they read them. */
export function partsAfterIndex(index: WorkbookIndex): string[] {
  return [index.styles, index.sharedStrings, ...index.sheets.map((s) => s.part)];
}

/** Reads the styles and the shared strings of a workbook whose index is read. */
export function readWorkbookParts(
  parts: PackageParts,
  limits: Limits,
  clock: Clock,
  index: WorkbookIndex,
): WorkbookParts {
  const r: Reading = { parts, limits, clock };
  return {
    sheets: index.sheets,
    names: index.names,
    numberFormats: readStyles(r, index.styles),
    sharedStrings: readSharedStrings(r, index.sharedStrings),
  };
}
