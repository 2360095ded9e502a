/**
 * One part's XML, tokenised as it inflates: first by the fast tokenizer of xmlSubset.ts, on the
 * bytes themselves; if the part holds anything outside its subset, again from the first byte by
 * saxes (a streaming tokenizer that expands no entity it was not born with) on the text a fatal
 * TextDecoder makes of them. saxes is loaded only for a file that needs it (Excel, ExcelJS and
 * LibreOffice never write such XML): until it is loaded, such a part throws a NeedsModule
 * (lazyModules.ts), and reader.ts loads saxes (its own chunk in the pane) and reads the file again. Elements reach the handler with their local name (any prefix
 * dropped) and their attributes (read on demand), text as it comes. A DOCTYPE is refused at the
 * tokenizer, so no entity is ever declared; bytes that are not UTF-8, broken XML, nesting past
 * the depth budget and reading past the time budget refuse the file, each with its own sentence.
 */
import type * as Saxes from 'saxes';
import { damaged, InputError } from './errors';
import { NeedsModule } from './lazyModules';
import type { Limits } from './limits';
import { Unusual } from './xmlChars';
import { localName, SubsetTokenizer, type Attributes } from './xmlSubset';
import { STOP_READING, type PackageParts } from './zipParts';

export type { Attributes } from './xmlSubset';

let saxes: typeof Saxes | null = null;

/** Thrown by a part outside the fast subset while saxes is not loaded (a signal; its stack is never read). */
const NEEDS_SAXES = new NeedsModule('saxes', async () => {
  // A chunk of its own in the pane, a require in Node; once loaded, readXmlPart uses it.
  saxes ??= await import(/* webpackChunkName: "saxes" */ 'saxes');
});

export interface XmlHandler {
  /** `attributes` is valid during the call only (the subset tokenizer reuses it for the next tag). */
  open(name: string, attributes: Attributes): void;
  text(text: string): void;
  close(name: string): void;
  /**
   * Asked after each chunk: a function here means the rest of the part only needs counting, so
   * from the next chunk on it gets the local name of each closing tag instead of a tokenised
   * stream (a scan for "</", linear, nothing kept); it returns true to stop reading.
   */
  tail?(): ((closed: string) => boolean) | null;
}

/** Closing tags of a text, for a handler's tail: `carry` is an unfinished tag from the previous chunk. */
function scanClosingTags(text: string, onClose: (name: string) => boolean): { carry: string; stop: boolean } {
  let at = text.indexOf('</');
  while (at >= 0) {
    const end = text.indexOf('>', at + 2);
    if (end < 0) return { carry: text.slice(at), stop: false };
    if (onClose(localName(text.slice(at + 2, end).trim()))) return { carry: '', stop: true };
    at = text.indexOf('</', end + 1);
  }
  // A "<" at the very end may start the next chunk's "</".
  return { carry: text.endsWith('<') ? '<' : '', stop: false };
}

/** The time budget of one file, started when its reading starts. */
export class Clock {
  private started = performance.now();
  constructor(
    private readonly file: string,
    private readonly limits: Limits,
  ) {}

  check(): void {
    if (performance.now() - this.started > this.limits.milliseconds) throw overBudget(this.file, 'time', this.limits);
  }

  elapsed(): number {
    return performance.now() - this.started;
  }

  /** Leaves out of the budget `milliseconds` that were not the file's (loading saxes: reader.ts). */
  exclude(milliseconds: number): void {
    this.started += milliseconds;
  }
}

export type Budget = 'time' | 'depth' | 'cells' | 'shared-strings' | 'string' | 'formula' | 'number-format';

const BUDGET_WORDS: Record<Budget, (l: Limits) => { vi: string; en: string }> = {
  time: (l) => ({
    vi: `đọc tệp mất hơn ${l.milliseconds / 1000} giây (giới hạn thời gian đọc một tệp)`,
    en: `reading the file took more than ${l.milliseconds / 1000} seconds (the time limit for one file)`,
  }),
  depth: (l) => ({
    vi: `XML lồng nhau sâu hơn ${l.xmlDepth} cấp (giới hạn độ sâu XML)`,
    en: `its XML nests deeper than ${l.xmlDepth} levels (the XML depth limit)`,
  }),
  cells: (l) => ({
    vi: `một trang có hơn ${l.cellsPerSheet.toLocaleString('vi-VN')} ô (giới hạn số ô một trang)`,
    en: `a sheet holds more than ${l.cellsPerSheet.toLocaleString('en-US')} cells (the cells-per-sheet limit)`,
  }),
  'shared-strings': (l) => ({
    vi: `bảng chuỗi dùng chung có hơn ${l.sharedStrings.toLocaleString('vi-VN')} mục (giới hạn chuỗi dùng chung)`,
    en: `the shared-string table holds more than ${l.sharedStrings.toLocaleString('en-US')} entries (the shared-strings limit)`,
  }),
  string: (l) => ({
    vi: `một chuỗi dài hơn ${l.stringChars.toLocaleString('vi-VN')} ký tự (giới hạn độ dài văn bản của Excel)`,
    en: `a text is longer than ${l.stringChars.toLocaleString('en-US')} characters (Excel's limit for a cell's text)`,
  }),
  formula: (l) => ({
    vi: `một công thức dài hơn ${l.formulaChars.toLocaleString('vi-VN')} ký tự (giới hạn độ dài công thức của Excel)`,
    en: `a formula is longer than ${l.formulaChars.toLocaleString('en-US')} characters (Excel's limit for a formula)`,
  }),
  'number-format': (l) => ({
    vi: `một định dạng số dài hơn ${l.numberFormatChars} ký tự (giới hạn định dạng số của Excel)`,
    en: `a number format is longer than ${l.numberFormatChars} characters (Excel's limit for a number format)`,
  }),
};

/** The refusal of a file that passed a budget: which one, and what the official can do. */
export function overBudget(file: string, budget: Budget, limits: Limits, where?: string): InputError {
  const words = BUDGET_WORDS[budget](limits);
  const at = where ? { vi: ` (${where})`, en: ` (${where})` } : { vi: '', en: '' };
  return new InputError(
    file,
    'over-budget',
    {
      vi: `không đọc tệp: ${words.vi}${at.vi}. Một tệp báo cáo không cần đến mức này; hãy đề nghị đơn vị xóa phần thừa (hoặc nhập số liệu vào biểu mẫu gốc), lưu lại bằng Excel và gửi lại.`,
      en: `the file is not read: ${words.en}${at.en}. A return never needs this much; ask the unit to remove what is extra (or type the figures into a fresh template), save it in Excel and send it again.`,
    },
    `budget ${budget}${where ? ` at ${where}` : ''}`,
  );
}

function unsafe(file: string, part: string): InputError {
  return new InputError(
    file,
    'unsafe-xml',
    {
      vi: `phần "${part}" có khai báo DOCTYPE/ENTITY trong XML, điều Excel không bao giờ ghi: tệp bị từ chối vì không an toàn. Hãy đề nghị đơn vị mở tệp bằng Excel, lưu lại và gửi lại.`,
      en: `part "${part}" declares a DOCTYPE/ENTITY in its XML, which Excel never writes: the file is refused as unsafe. Ask the unit to open it in Excel, save it again and send it again.`,
    },
    `DOCTYPE in ${part}`,
  );
}

/**
 * Tokenises `part` of the package into the handler `build` makes; false when the package has no
 * such part. A handler may throw StopReading when it has what it needs: the rest is neither
 * inflated nor read. The part goes through the fast subset tokenizer (xmlSubset.ts) first; if it
 * holds anything outside that subset, a fresh handler from `build` reads it again with saxes, or,
 * saxes not loaded yet, a NeedsModule is thrown (reader.ts loads it and reads the file again).
 */
export function readXmlPart(
  parts: PackageParts,
  part: string,
  build: () => XmlHandler,
  limits: Limits,
  clock: Clock,
): boolean {
  try {
    return tokenisePart(parts, part, build(), limits, clock, 'subset');
  } catch (e) {
    if (!(e instanceof Unusual)) throw e;
  }
  if (!saxes) throw NEEDS_SAXES;
  return tokenisePart(parts, part, build(), limits, clock, 'saxes');
}

/** saxes's attributes (an object without prototype, so "__proto__" is just a name) as an Attributes. */
class SaxesAttributes implements Attributes {
  constructor(private readonly values: Record<string, string>) {}
  get(name: string): string | undefined {
    return this.values[name];
  }
  has(name: string): boolean {
    return this.values[name] !== undefined;
  }
  number(name: string): number | undefined {
    const value = this.values[name];
    return value === undefined ? undefined : Number(value);
  }
  entries(): [string, string][] {
    return Object.entries(this.values);
  }
}

interface Tokenizer {
  write(text: string, final: boolean): void;
}

function saxesTokenizer(
  { SaxesParser }: typeof Saxes,
  file: string,
  part: string,
  handler: XmlHandler,
  limits: Limits,
): Tokenizer {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on('doctype', () => {
    throw unsafe(file, part);
  });
  parser.on('opentag', (tag) => {
    if (++depth > limits.xmlDepth) throw overBudget(file, 'depth', limits, part);
    handler.open(localName(tag.name), new SaxesAttributes(tag.attributes as Record<string, string>));
  });
  // saxes sends a self-closing tag's closetag too.
  parser.on('closetag', (tag) => {
    depth--;
    handler.close(localName(tag.name));
  });
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  parser.on('error', (e) => {
    throw damaged(file, `XML of ${part}: ${e.message}`);
  });
  return {
    write(text, final) {
      parser.write(text);
      if (final) parser.close();
    },
  };
}

function tokenisePart(
  parts: PackageParts,
  part: string,
  handler: XmlHandler,
  limits: Limits,
  clock: Clock,
  kind: 'subset' | 'saxes',
): boolean {
  const file = parts.file;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Uint8Array, final: boolean): string => {
    try {
      return decoder.decode(chunk, { stream: !final });
    } catch (e) {
      throw damaged(file, `${part} is not UTF-8: ${(e as Error).message}`);
    }
  };
  let tail: ((closed: string) => boolean) | null = null;
  let carry = '';
  const scanTail = (text: string) => {
    const scanned = scanClosingTags(carry + text, tail!);
    if (scanned.stop) throw STOP_READING;
    carry = scanned.carry;
    if (carry.length > limits.stringChars) throw damaged(file, `${part}: a closing tag never ends`);
  };
  if (kind === 'subset') {
    // The bytes themselves, undecoded (xmlSubset.ts checks them); the tail, rare, is decoded as for saxes.
    const tokenizer = new SubsetTokenizer(handler, (depth) => {
      if (depth > limits.xmlDepth) throw overBudget(file, 'depth', limits, part);
    });
    return parts.read(part, (chunk, final) => {
      if (tail) scanTail(decode(chunk, final));
      else {
        tokenizer.write(chunk, final);
        if (!final) {
          tail = handler.tail?.() ?? null;
          // The tail starts where the tokenizer stopped: at the start of the last tag, unread.
          if (tail) carry = decode(tokenizer.pending(), false);
        }
      }
      clock.check();
    });
  }
  const tokenizer = saxesTokenizer(saxes!, file, part, handler, limits);
  return parts.read(part, (chunk, final) => {
    const text = decode(chunk, final);
    if (tail) scanTail(text);
    else {
      tokenizer.write(text, final);
      if (!final) tail = handler.tail?.() ?? null;
    }
    clock.check();
  });
}
