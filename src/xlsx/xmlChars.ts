/**
 * The characters the fast tokenizer (xmlSubset.ts) reads in a text or an attribute value: bytes
 * checked as UTF-8 that TextDecoder (fatal) takes and as characters XML 1.0 allows, decoded to
 * strings, the five predefined entities and character references resolved. Anything else is
 * Unusual: the part goes to saxes, whose reading gives the verdict.
 */

/** The part is not in the subset: read it with saxes instead. Nothing is wrong with the file yet. */
export class Unusual extends Error {}

const GT = 62;

const HEX_DIGITS = /^[0-9A-Fa-f]+$/;
const DIGITS = /^[0-9]+$/;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** b[from, to) decoded by TextDecoder (fatal); Unusual when it is not UTF-8 (saxes's reading then refuses the file, in TextDecoder's words). */
export function decodeStrict(b: Uint8Array, from: number, to: number): string {
  try {
    return decoder.decode(b.subarray(from, to));
  } catch {
    throw new Unusual();
  }
}

/** Bytes already checked as a string: short ASCII by String.fromCharCode, the rest by TextDecoder. */
export function decode(b: Uint8Array, from: number, to: number): string {
  const f = from;
  switch (to - from) {
    case 0:
      return '';
    case 1:
      if (b[f] < 0x80) return String.fromCharCode(b[f]);
      break;
    case 2:
      if ((b[f] | b[f + 1]) < 0x80) return String.fromCharCode(b[f], b[f + 1]);
      break;
    case 3:
      if ((b[f] | b[f + 1] | b[f + 2]) < 0x80) return String.fromCharCode(b[f], b[f + 1], b[f + 2]);
      break;
    case 4:
      if ((b[f] | b[f + 1] | b[f + 2] | b[f + 3]) < 0x80)
        return String.fromCharCode(b[f], b[f + 1], b[f + 2], b[f + 3]);
      break;
    case 5:
      if ((b[f] | b[f + 1] | b[f + 2] | b[f + 3] | b[f + 4]) < 0x80)
        return String.fromCharCode(b[f], b[f + 1], b[f + 2], b[f + 3], b[f + 4]);
      break;
    case 6:
      if ((b[f] | b[f + 1] | b[f + 2] | b[f + 3] | b[f + 4] | b[f + 5]) < 0x80)
        return String.fromCharCode(b[f], b[f + 1], b[f + 2], b[f + 3], b[f + 4], b[f + 5]);
      break;
  }
  return decodeStrict(b, from, to);
}

/**
 * Throws Unusual unless b[from, to) is UTF-8 as TextDecoder (fatal) takes it, holding only
 * characters XML 1.0 allows other than "\r" (which saxes rewrites), and no "]]>" (allowed in no
 * text). The region never ends inside a character: it ends before a "<", or at the part's end.
 */
export function checkBytes(b: Uint8Array, from: number, to: number): void {
  let i = from;
  while (i < to) {
    const c = b[i++];
    if (c < 0x80) {
      if (c >= 0x20) {
        if (c === GT && i - from >= 3 && b[i - 2] === 93 && b[i - 3] === 93) throw new Unusual();
        continue;
      }
      if (c === 9 || c === 10) continue;
      throw new Unusual();
    }
    if (c < 0xc2 || c > 0xf4) throw new Unusual();
    const c1 = b[i];
    if (c < 0xe0) {
      if (i >= to || (c1 & 0xc0) !== 0x80) throw new Unusual();
      i += 1;
    } else if (c < 0xf0) {
      // No overlong form (E0 A0..), no surrogate (ED ..9F), no U+FFFE or U+FFFF (EF BF BE/BF).
      if (i + 1 >= to || (c1 & 0xc0) !== 0x80 || (b[i + 1] & 0xc0) !== 0x80) throw new Unusual();
      if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) throw new Unusual();
      if (c === 0xef && c1 === 0xbf && b[i + 1] >= 0xbe) throw new Unusual();
      i += 2;
    } else {
      if (i + 2 >= to || (c1 & 0xc0) !== 0x80 || (b[i + 1] & 0xc0) !== 0x80 || (b[i + 2] & 0xc0) !== 0x80)
        throw new Unusual();
      if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) throw new Unusual();
      i += 3;
    }
  }
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

/** A predefined entity: its character and the length of its reference. */
const LT_ENTITY: [string, number] = ['<', 4];
const GT_ENTITY: [string, number] = ['>', 4];
const QUOT_ENTITY: [string, number] = ['"', 6];
const AMP_ENTITY: [string, number] = ['&', 5];
const APOS_ENTITY: [string, number] = ["'", 6];

/** The predefined entity at `amp` ("&lt;"…) as [its character, its length], or null: compared in place, no name sliced. */
function predefinedAt(text: string, amp: number): [string, number] | null {
  switch (text.charCodeAt(amp + 1)) {
    case 108: // lt
      return text.startsWith('lt;', amp + 1) ? LT_ENTITY : null;
    case 103: // gt
      return text.startsWith('gt;', amp + 1) ? GT_ENTITY : null;
    case 113: // quot
      return text.startsWith('quot;', amp + 1) ? QUOT_ENTITY : null;
    case 97: // amp, apos
      if (text.startsWith('amp;', amp + 1)) return AMP_ENTITY;
      return text.startsWith('apos;', amp + 1) ? APOS_ENTITY : null;
    default:
      return null;
  }
}

/** Text with entities resolved; Unusual for an entity outside the predefined five and character references. */
export function resolveEntities(text: string): string {
  let out = '';
  let from = 0;
  let amp = text.indexOf('&');
  while (amp >= 0) {
    let char: string;
    let next: number;
    if (text.charCodeAt(amp + 1) === 35) {
      const semi = text.indexOf(';', amp + 1);
      if (semi < 0 || semi - amp > 12) throw new Unusual();
      const hex = text.charCodeAt(amp + 2) === 120;
      const digits = text.slice(amp + (hex ? 3 : 2), semi);
      if (!(hex ? HEX_DIGITS : DIGITS).test(digits)) throw new Unusual();
      const n = parseInt(digits, hex ? 16 : 10);
      // A "\r" by reference stays a "\r" in saxes; kept out of the subset all the same, with the rest of "\r".
      if (!allowedCodePoint(n) || n === 13) throw new Unusual();
      char = String.fromCodePoint(n);
      next = semi + 1;
    } else {
      const entity = predefinedAt(text, amp);
      if (entity === null) throw new Unusual();
      char = entity[0];
      next = amp + entity[1];
    }
    out += text.slice(from, amp) + char;
    from = next;
    amp = text.indexOf('&', from);
  }
  return from === 0 ? text : out + text.slice(from);
}
