/**
 * A fast path for the XML that spreadsheet writers (Excel, ExcelJS, LibreOffice) put in a package:
 * elements with attributes, text with the five predefined entities and character references,
 * an XML declaration at the start, nothing else. It reads the part's bytes as they inflate,
 * without decoding them to a string first: one pass of plain byte loops finds the tags, names are
 * compared as bytes (the few names a part uses made into strings once), an attribute's value is
 * decoded only when a handler asks for it, and a text only when it is handed on. (Decoding every
 * part to a string and building an object of attributes per tag is where the reader spent its
 * time; saxes, a state machine stepping through each character, spends more.)
 *
 * Every byte read is looked at once: a tag's bytes must be ASCII names, spaces and quotes; a text
 * or an attribute value holding anything but printable ASCII is checked (checkBytes) for UTF-8
 * that TextDecoder (fatal) would take and for characters saxes refuses or rewrites. So whether a
 * text is kept or an attribute asked for or not, a byte that is not UTF-8 never goes unseen. The
 * rule: every byte of a part up to where its reading stops (a sheet's </sheetData>, styles'
 * </cellXfs>) must be UTF-8; the bytes after it are never looked at, however the part is cut into
 * chunks (when every chunk was decoded whole, a bad byte just after </sheetData> refused the file
 * or not depending on where the 16 KB slice ended). The check refuses nothing itself: it says
 * Unusual, and saxes's reading (through TextDecoder, fatal) gives the verdict and its message.
 *
 * It never decides that a file is broken: anything outside that subset (a comment, CDATA, a
 * processing instruction, a DOCTYPE, a carriage return, a control character, an unknown entity,
 * a non-ASCII name, bytes that are not UTF-8, mismatched or unclosed tags…) throws Unusual, and
 * xmlStream.ts reads the part again with saxes from its first byte, whose verdict (read, or
 * refused with its reason) stands. What it does read, it hands to the handler exactly as saxes
 * would (same local names, attributes, text); test/xlsx/xmlSubset.test.ts holds the two equal on
 * generated XML cut into chunks at any byte. What a text's and a value's bytes may hold, and how
 * they become strings, is xmlChars.ts.
 */
import { checkBytes, decode, decodeStrict, resolveEntities, Unusual } from './xmlChars';

/**
 * The attributes of the element being opened, read on demand. Valid only during the handler's
 * `open` call: the subset tokenizer hands the same reader, pointed at the next tag, each time.
 */
export interface Attributes {
  /** The value of the attribute of that (qualified) name, entities resolved; undefined when absent. */
  get(name: string): string | undefined;
  has(name: string): boolean;
  /** Number(get(name)), or undefined when absent (a plain run of digits is read without a string). */
  number(name: string): number | undefined;
  /** All of them, in document order, for a handler matching names by pattern. */
  entries(): [string, string][];
}

export interface SubsetEvents {
  open(name: string, attributes: Attributes): void;
  text(text: string): void;
  close(name: string): void;
}

const DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>/;
/** The longest carry between chunks: a text or a tag longer than this goes to saxes, which streams it. */
const MAX_CARRY = 256 * 1024;
/** The most attributes one tag may have here (Excel writes a handful); more goes to saxes. */
const MAX_ATTRIBUTES = 64;

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMP = 38;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;
const COLON = 58;

/** Byte classes of ASCII names: 2 may start a name, 1 may follow; ':' is handled apart. */
const NAME = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON) NAME[c] = 2;
  else if ((c >= 48 && c <= 57) || c === 45 || c === 46) NAME[c] = 1;
}

/**
 * Bytes of a text: 1 for "<" (its end), 2 for a control character (outside the subset), 3 for "]"
 * (a "]]>" is looked for), 4 for a byte of a character past ASCII (TextDecoder checks them),
 * 5 for 0xEF, which starts U+FFFE and U+FFFF as well (the text's bytes are checked one by one).
 */
const TEXT = new Uint8Array(256);
for (let c = 0; c < 256; c++)
  TEXT[c] = c === LT ? 1 : c < 0x20 && c !== 9 && c !== 10 ? 2 : c === 93 ? 3 : c === 0xef ? 5 : c >= 0x80 ? 4 : 0;

/**
 * Bytes of an attribute value: 1 for "<" or a control character, tab and line feed included
 * (outside the subset), 2 for "]" or a byte past ASCII (the value is checked), 3 for "&".
 */
const VALUE = new Uint8Array(256);
for (let c = 0; c < 256; c++) VALUE[c] = c === LT || c < 0x20 ? 1 : c === AMP ? 3 : c >= 0x80 || c === 93 ? 2 : 0;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/** Local name of an element: 'x:c' → 'c'. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An element's or attribute's name, as a string once: the same few come back tens of thousands of times a file. */
interface Name {
  qualified: string;
  local: string;
}

const NAMES: (Name | undefined)[] = new Array<Name | undefined>(1024).fill(undefined);

function sameName(b: Uint8Array, start: number, end: number, name: string): boolean {
  if (name.length !== end - start) return false;
  for (let i = 0; i < name.length; i++) if (b[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** The name in b[start, end) (ASCII name bytes), `colon` its first ':' or -1. */
function nameAt(b: Uint8Array, start: number, end: number, colon: number): Name {
  const slot = (b[start] * 31 + b[end - 1] * 7 + (end - start)) & 1023;
  const known = NAMES[slot];
  if (known !== undefined && sameName(b, start, end, known.qualified)) return known;
  let qualified = '';
  for (let i = start; i < end; i++) qualified += String.fromCharCode(b[i]);
  const name = { qualified, local: colon < 0 ? qualified : qualified.slice(colon - start + 1) };
  NAMES[slot] = name;
  return name;
}

/** The attributes of the tag being opened, as offsets into the part's bytes. */
class TagAttributes implements Attributes {
  bytes: Uint8Array = new Uint8Array(0);
  count = 0;
  /** Per attribute: name start, name end, value start, value end, 1 if the value holds "&". */
  readonly at = new Int32Array(MAX_ATTRIBUTES * 5);

  private find(name: string): number {
    const { at, bytes } = this;
    for (let k = 0; k < this.count * 5; k += 5) if (sameName(bytes, at[k], at[k + 1], name)) return k;
    return -1;
  }

  private value(k: number): string {
    const { at } = this;
    const raw = decode(this.bytes, at[k + 2], at[k + 3]);
    return at[k + 4] === 1 ? resolveEntities(raw) : raw;
  }

  get(name: string): string | undefined {
    const k = this.find(name);
    return k < 0 ? undefined : this.value(k);
  }

  number(name: string): number | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const { at, bytes } = this;
    const from = at[k + 2];
    const to = at[k + 3];
    // Up to 9 digits, as Number would read them; anything else (signs, spaces, "1e3", "") as Number reads its text.
    if (to === from || to - from > 9) return Number(this.value(k));
    let n = 0;
    for (let i = from; i < to; i++) {
      const d = bytes[i] - 48;
      if (d < 0 || d > 9) return Number(this.value(k));
      n = n * 10 + d;
    }
    return n;
  }

  has(name: string): boolean {
    return this.find(name) >= 0;
  }

  entries(): [string, string][] {
    const out: [string, string][] = [];
    for (let k = 0; k < this.count * 5; k += 5)
      out.push([decode(this.bytes, this.at[k], this.at[k + 1]), this.value(k)]);
    return out;
  }

  /** Unusual when the attribute just read (at `k`) repeats the name of one before it (saxes refuses that). */
  checkUnique(k: number): void {
    const { at, bytes } = this;
    const start = at[k];
    const length = at[k + 1] - start;
    for (let j = 0; j < k; j += 5) {
      if (at[j + 1] - at[j] !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = bytes[at[j] + i] === bytes[start + i];
      if (same) throw new Unusual();
    }
  }
}

const EMPTY = new Uint8Array(0);

/**
 * Tokenises one part, chunk by chunk (its bytes as they inflate, cut anywhere), into `events`
 * (element names reduced to their local name); `onDepth` is called with the nesting depth of
 * each element opened. A chunk handed in must stay as it is after write returns (the unread end
 * of it is kept, not copied, until the next chunk).
 */
export class SubsetTokenizer {
  private carry: Uint8Array = EMPTY;
  private readonly open: Name[] = [];
  private started = false;
  private rootClosed = false;
  private readonly attributes = new TagAttributes();

  constructor(
    private readonly events: SubsetEvents,
    private readonly onDepth: (depth: number) => void,
  ) {}

  /** The bytes after the last whole tag read, not yet tokenised (the start of the next chunk's first tag). */
  pending(): Uint8Array {
    return this.carry;
  }

  write(chunk: Uint8Array, final: boolean): void {
    // A plain Uint8Array (not a Buffer, whose subclass would make every byte read polymorphic).
    const b = this.join(
      chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength),
    );
    let end = b.length;
    if (!final) {
      // Only whole tags are read: the last "<" and what follows wait for the next chunk.
      end = b.lastIndexOf(LT);
      if (end < 0) end = 0;
      this.carry = b.subarray(end);
      if (this.carry.length > MAX_CARRY) throw new Unusual();
    } else this.carry = EMPTY;
    let at = 0;
    if (!this.started) {
      if (end === 0 && !final) return;
      this.started = true;
      // TextDecoder drops a byte order mark at the start; so does this.
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) at = 3;
      if (b[at] === LT && b[at + 1] === 63) {
        let head = '';
        for (let i = at; i < end && i < at + 512; i++) head += String.fromCharCode(b[i]);
        const declaration = DECLARATION.exec(head);
        if (!declaration) throw new Unusual();
        at += declaration[0].length;
      }
    }
    this.attributes.bytes = b;
    this.scan(b, at, end);
    if (final && (this.open.length > 0 || !this.rootClosed)) throw new Unusual();
  }

  /** The carry and the chunk as one run of bytes: a view when the chunk follows the carry in the same buffer. */
  private join(chunk: Uint8Array): Uint8Array {
    const carry = this.carry;
    if (carry.length === 0) return chunk;
    if (carry.buffer === chunk.buffer && carry.byteOffset + carry.length === chunk.byteOffset)
      return new Uint8Array(chunk.buffer, carry.byteOffset, carry.length + chunk.length);
    const joined = new Uint8Array(carry.length + chunk.length);
    joined.set(carry);
    joined.set(chunk, carry.length);
    return joined;
  }

  /** The text b[from, to); `kinds` the TEXT classes found in it, as bits (1 << class). */
  private textBetween(b: Uint8Array, from: number, to: number, kinds: number): void {
    if (this.open.length === 0) {
      // Outside the root element only whitespace is XML.
      for (let i = from; i < to; i++) if (!isSpace(b[i])) throw new Unusual();
      return;
    }
    let raw: string;
    if (kinds & ((1 << 4) | (1 << 5))) {
      if (kinds & (1 << 5)) checkBytes(b, from, to);
      raw = decodeStrict(b, from, to);
    } else raw = decode(b, from, to);
    if (kinds & (1 << 3) && raw.indexOf(']]>') >= 0) throw new Unusual();
    this.events.text(raw.indexOf('&') >= 0 ? resolveEntities(raw) : raw);
  }

  private scan(b: Uint8Array, from: number, end: number): void {
    let at = from;
    while (at < end) {
      // A byte loop, not indexOf: texts between tags are a few bytes, shorter than a call costs.
      let lt = at;
      let kinds = 0;
      for (; lt < end; lt++) {
        const k = TEXT[b[lt]];
        if (k !== 0) {
          if (k === 1) break;
          if (k === 2) throw new Unusual();
          kinds |= 1 << k;
        }
      }
      if (lt > at) this.textBetween(b, at, lt, kinds);
      if (lt >= end) return;
      at = b[lt + 1] === SLASH ? this.closeTag(b, lt) : this.openTag(b, lt);
      // A tag running past the last "<" held a "<" of its own: not in the subset.
      if (at > end) throw new Unusual();
    }
  }

  private closed(name: Name): void {
    this.events.close(name.local);
    if (this.open.length === 0) this.rootClosed = true;
  }

  private closeTag(b: Uint8Array, lt: number): number {
    const name = this.open.pop();
    // The name of the element open, then nothing but whitespace up to ">".
    if (name === undefined) throw new Unusual();
    const qualified = name.qualified;
    let gt = lt + 2;
    for (let i = 0; i < qualified.length; i++, gt++) if (b[gt] !== qualified.charCodeAt(i)) throw new Unusual();
    while (isSpace(b[gt])) gt++;
    if (b[gt] !== GT) throw new Unusual();
    this.closed(name);
    return gt + 1;
  }

  private openTag(b: Uint8Array, lt: number): number {
    let i = lt + 1;
    // "<!" (comment, CDATA, DOCTYPE) and "<?" (a processing instruction) are outside the subset.
    if (NAME[b[i]] !== 2 || this.rootClosed) throw new Unusual();
    const length = b.length;
    let colon = -1;
    for (let c = b[i]; NAME[c] !== 0 && i < length; c = b[++i]) if (c === COLON && colon < 0) colon = i;
    const name = nameAt(b, lt + 1, i, colon);
    const attributes = this.attributes;
    const at = attributes.at;
    attributes.count = 0;
    for (;;) {
      const c = b[i];
      if (c === GT) {
        this.opened(name);
        return i + 1;
      }
      if (c === SLASH) {
        if (b[i + 1] !== GT) throw new Unusual();
        this.opened(name);
        this.open.pop();
        this.closed(name);
        return i + 2;
      }
      // An attribute: whitespace first, then name = "value" (or 'value').
      if (!isSpace(c)) throw new Unusual();
      while (isSpace(b[i])) i++;
      const ch = b[i];
      if (ch === GT || ch === SLASH) continue;
      if (NAME[ch] !== 2) throw new Unusual();
      const nameStart = i;
      while (NAME[b[i]] !== 0 && i < length) i++;
      const nameEnd = i;
      while (isSpace(b[i])) i++;
      if (b[i] !== EQUALS) throw new Unusual();
      i++;
      while (isSpace(b[i])) i++;
      const quote = b[i];
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new Unusual();
      let close = i + 1;
      let entities = 0;
      let odd = false;
      for (; close < length; close++) {
        const v = b[close];
        if (v === quote) break;
        const k = VALUE[v];
        if (k === 0) continue;
        // saxes turns a tab or a line feed in a value into a space; "<" is not allowed there.
        if (k === 1) throw new Unusual();
        if (k === 3) entities = 1;
        else odd = true;
      }
      if (close >= length) throw new Unusual();
      if (odd) checkBytes(b, i + 1, close);
      if (attributes.count === MAX_ATTRIBUTES) throw new Unusual();
      const k = attributes.count++ * 5;
      at[k] = nameStart;
      at[k + 1] = nameEnd;
      at[k + 2] = i + 1;
      at[k + 3] = close;
      at[k + 4] = entities;
      if (k > 0) attributes.checkUnique(k);
      i = close + 1;
    }
  }

  private opened(name: Name): void {
    this.open.push(name);
    this.onDepth(this.open.length);
    this.events.open(name.local, this.attributes);
  }
}
