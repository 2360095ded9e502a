/**
 * A fast path for the XML that spreadsheet writers (Excel, ExcelJS, LibreOffice) put in a package:
 * elements with attributes, text with the five predefined entities and character references,
 * an XML declaration at the start, nothing else. It finds each tag with indexOf instead of
 * stepping a state machine through every character, which is where saxes spends the reader's
 * time on a template (tens of thousands of tags per file).
 *
 * It never decides that a file is broken: anything outside that subset (a comment, CDATA, a
 * processing instruction, a DOCTYPE, a carriage return, a control character, an unknown entity,
 * a non-ASCII name, mismatched or unclosed tags…) throws Unusual, and xmlStream.ts reads the
 * part again with saxes from its first byte, whose verdict (read, or refused with its reason)
 * stands. What it does read, it hands to the handler exactly as saxes would (same local names,
 * attributes, text); test/xlsx/xmlSubset.test.ts holds the two equal on generated XML.
 */

/** The part is not in the subset: read it with saxes instead. Nothing is wrong with the file yet. */
export class Unusual extends Error {}

export interface SubsetEvents {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
}

/** Characters saxes refuses in XML 1.0 text, and "\r" (0x0D), which it rewrites to "\n". */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern looks for
const OUTSIDE_SUBSET = /[\0-\x08\x0B-\x1F\uFFFE\uFFFF]/;
const DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** The longest carry between chunks: a text or a tag longer than this goes to saxes, which streams it. */
const MAX_CARRY = 256 * 1024;

const HEX_DIGITS = /^[0-9A-Fa-f]+$/;
const DIGITS = /^[0-9]+$/;

/**
 * The same few names ('c', 'r', 's', 'row'…) come back tens of thousands of times a file: each is
 * sliced once and the same string handed on after, which spares an allocation and V8 the
 * hashing of a fresh string used as a property key.
 */
const NAMES: string[] = new Array<string>(1024).fill('');

function nameAt(text: string, start: number, end: number): string {
  const slot = (text.charCodeAt(start) * 31 + text.charCodeAt(end - 1) * 7 + (end - start)) & 1023;
  const known = NAMES[slot];
  if (known.length === end - start && text.startsWith(known, start)) return known;
  const name = text.slice(start, end);
  NAMES[slot] = name;
  return name;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/** A character reference's code point, if XML allows it in a document. */
function allowedCodePoint(n: number): boolean {
  return (
    n === 9 ||
    n === 10 ||
    n === 13 ||
    (n >= 0x20 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0xfffd) ||
    (n >= 0x10000 && n <= 0x10ffff)
  );
}

/** Text with entities resolved; Unusual for an entity outside the predefined five and character references. */
function resolveEntities(text: string): string {
  let out = '';
  let from = 0;
  let amp = text.indexOf('&');
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new Unusual();
    const name = text.slice(amp + 1, semi);
    let char: string | undefined;
    if (name.charCodeAt(0) === 35) {
      const hex = name.charCodeAt(1) === 120;
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? HEX_DIGITS : DIGITS).test(digits)) throw new Unusual();
      const n = parseInt(digits, hex ? 16 : 10);
      // A "\r" by reference stays a "\r" in saxes; kept out of the subset all the same, with the rest of "\r".
      if (!allowedCodePoint(n) || n === 13) throw new Unusual();
      char = String.fromCodePoint(n);
    } else char = PREDEFINED[name];
    if (char === undefined) throw new Unusual();
    out += text.slice(from, amp) + char;
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Local name of an element: 'x:c' → 'c'. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Tokenises one part, chunk by chunk, into `events` (element names reduced to their local
 * name); `onDepth` is called with the nesting depth of each element opened.
 */
export class SubsetTokenizer {
  private carry = '';
  private readonly open: string[] = [];
  private started = false;
  private rootClosed = false;

  constructor(
    private readonly events: SubsetEvents,
    private readonly onDepth: (depth: number) => void,
  ) {}

  write(chunk: string, final: boolean): void {
    const text = this.carry === '' ? chunk : this.carry + chunk;
    if (OUTSIDE_SUBSET.test(text) || text.indexOf(']]>') >= 0) throw new Unusual();
    let end = text.length;
    if (!final) {
      // Only whole tags are read: the last "<" and what follows wait for the next chunk.
      end = text.lastIndexOf('<');
      if (end < 0) end = 0;
      this.carry = text.slice(end);
      if (this.carry.length > MAX_CARRY) throw new Unusual();
    } else this.carry = '';
    let at = 0;
    if (!this.started) {
      if (end === 0 && !final) return;
      this.started = true;
      if (text.startsWith('<?')) {
        const declaration = DECLARATION.exec(text);
        if (!declaration) throw new Unusual();
        at = declaration[0].length;
      }
    }
    this.scan(text, at, end);
    if (final && (this.open.length > 0 || !this.rootClosed)) throw new Unusual();
  }

  private textBetween(text: string, from: number, to: number): void {
    if (this.open.length === 0) {
      // Outside the root element only whitespace is XML.
      for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) throw new Unusual();
      return;
    }
    const raw = text.slice(from, to);
    this.events.text(raw.indexOf('&') >= 0 ? resolveEntities(raw) : raw);
  }

  private scan(text: string, from: number, end: number): void {
    let at = from;
    while (at < end) {
      const lt = text.indexOf('<', at);
      if (lt < 0 || lt >= end) {
        this.textBetween(text, at, end);
        return;
      }
      if (lt > at) this.textBetween(text, at, lt);
      const next = text.charCodeAt(lt + 1);
      at = next === 47 ? this.closeTag(text, lt) : this.openTag(text, lt);
      // A tag running past the last "<" held a "<" of its own: not in the subset.
      if (at > end) throw new Unusual();
    }
  }

  private closeTag(text: string, lt: number): number {
    const name = this.open.pop();
    // The name of the element open, then nothing but whitespace up to ">".
    if (name === undefined || !text.startsWith(name, lt + 2)) throw new Unusual();
    let gt = lt + 2 + name.length;
    while (isSpace(text.charCodeAt(gt))) gt++;
    if (text.charCodeAt(gt) !== 62) throw new Unusual();
    this.events.close(localName(name));
    if (this.open.length === 0) this.rootClosed = true;
    return gt + 1;
  }

  private openTag(text: string, lt: number): number {
    let i = lt + 1;
    // "<!" (comment, CDATA, DOCTYPE) and "<?" (a processing instruction) are outside the subset.
    if (!isNameStart(text.charCodeAt(i)) || this.rootClosed) throw new Unusual();
    while (isNameChar(text.charCodeAt(i))) i++;
    const name = nameAt(text, lt + 1, i);
    // A plain object (fast in V8); an attribute named like a property of Object's prototype goes to saxes.
    const attributes: Record<string, string> = {};
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 62) {
        this.opened(name, attributes);
        return i + 1;
      }
      if (c === 47) {
        if (text.charCodeAt(i + 1) !== 62) throw new Unusual();
        this.opened(name, attributes);
        this.open.pop();
        this.events.close(localName(name));
        if (this.open.length === 0) this.rootClosed = true;
        return i + 2;
      }
      // An attribute: whitespace first, then name = "value" (or 'value').
      if (!isSpace(c)) throw new Unusual();
      while (isSpace(text.charCodeAt(i))) i++;
      const ch = text.charCodeAt(i);
      if (ch === 62 || ch === 47) continue;
      if (!isNameStart(ch)) throw new Unusual();
      const nameStart = i;
      while (isNameChar(text.charCodeAt(i))) i++;
      const key = nameAt(text, nameStart, i);
      while (isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 61) throw new Unusual();
      i++;
      while (isSpace(text.charCodeAt(i))) i++;
      const quote = text.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new Unusual();
      const close = text.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) throw new Unusual();
      if (attributes[key] !== undefined) throw new Unusual();
      let entities = false;
      for (let j = i + 1; j < close; j++) {
        const v = text.charCodeAt(j);
        // saxes turns a tab or a line feed in a value into a space; "<" is not allowed there.
        if (v === 60 || v === 9 || v === 10) throw new Unusual();
        if (v === 38) entities = true;
      }
      const raw = text.slice(i + 1, close);
      attributes[key] = entities ? resolveEntities(raw) : raw;
      i = close + 1;
    }
  }

  private opened(name: string, attributes: Record<string, string>): void {
    this.open.push(name);
    this.onDepth(this.open.length);
    this.events.open(localName(name), attributes);
  }
}
