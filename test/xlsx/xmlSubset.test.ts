/**
 * The fast tokenizer (src/xlsx/xmlSubset.ts) against saxes, the library it stands in for: on
 * generated XML as bytes, cut into chunks at any byte (inside a character too, as fflate's
 * stream cuts them), it either hands over exactly the events saxes gives on the text TextDecoder
 * (fatal) makes of those bytes (local names, attributes in order, text inside the root element)
 * or says Unusual, so that the reader asks saxes; it never accepts a document saxes or the
 * decoder refuses.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { Unusual } from '../../src/xlsx/xmlChars';
import { localName, SubsetTokenizer } from '../../src/xlsx/xmlSubset';

type Event = ['open', string, [string, string][]] | ['text', string] | ['close', string];

/** Adjacent texts joined: where a text is cut does not matter to a handler. */
function push(events: Event[], e: Event): void {
  const last = events[events.length - 1];
  if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
  else events.push(e);
}

/** Whitespace outside the root element is no handler's business: saxes reports it, the subset does not. */
function insideRoot(events: Event[]): Event[] {
  let depth = 0;
  return events.filter((e) => {
    if (e[0] === 'open') depth++;
    else if (e[0] === 'close') depth--;
    return e[0] !== 'text' || depth > 0;
  });
}

const encoder = new TextEncoder();

/** Events of saxes, as xmlStream.ts hands them on; an error for a document it (or the UTF-8 decoder) refuses. */
function bySaxes(input: string | Uint8Array): Event[] | { error: string } {
  let xml: string;
  try {
    xml = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const events: Event[] = [];
  const parser = new SaxesParser({ position: false });
  let error: string | null = null;
  parser.on('doctype', () => (error ??= 'doctype'));
  parser.on('opentag', (tag) =>
    push(events, ['open', localName(tag.name), Object.entries(tag.attributes as Record<string, string>)]),
  );
  parser.on('closetag', (tag) => push(events, ['close', localName(tag.name)]));
  parser.on('text', (t) => push(events, ['text', t]));
  parser.on('cdata', (t) => push(events, ['text', t]));
  parser.on('error', (e) => (error ??= e.message));
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error === null ? insideRoot(events) : { error };
}

/**
 * Events of the subset tokenizer fed `xml` (as UTF-8 bytes) in chunks cut at byte offsets `cuts`,
 * each chunk a buffer of its own as fflate's are; 'unusual' when it hands the part to saxes.
 */
function bySubset(input: string | Uint8Array, cuts: number[] = []): Event[] | 'unusual' {
  const xml = typeof input === 'string' ? encoder.encode(input) : input;
  const events: Event[] = [];
  const tokenizer = new SubsetTokenizer(
    {
      open: (name, attributes) => {
        const entries = attributes.entries();
        // Each attribute read alone says what the list says; number() is Number() of the text.
        for (const [key, value] of entries) {
          expect([key, attributes.get(key), attributes.has(key)]).toEqual([key, value, true]);
          expect([key, value, attributes.number(key)]).toEqual([key, value, Number(value)]);
        }
        expect([attributes.get('absent'), attributes.number('absent')]).toEqual([undefined, undefined]);
        push(events, ['open', name, entries]);
      },
      text: (t) => push(events, ['text', t]),
      close: (name) => push(events, ['close', name]),
    },
    () => {},
  );
  const points = [...new Set(cuts.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b);
  try {
    let from = 0;
    for (const p of points) {
      tokenizer.write(xml.slice(from, p), false);
      from = p;
    }
    tokenizer.write(xml.slice(from), true);
  } catch (e) {
    if (e instanceof Unusual) return 'unusual';
    throw e;
  }
  return events;
}

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="3"/><c r="C1"><f>SUM(A1:B1)&amp;"&lt;x&gt;"</f><v>2</v></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve"> Đạt &#273;&#x1F600; </t></r></is></c></row>' +
  '</sheetData></worksheet>';

describe('the subset tokenizer', () => {
  it('reads what Excel writes exactly as saxes does, wherever the chunks are cut', () => {
    const expected = bySaxes(SHEET);
    expect(Array.isArray(expected)).toBe(true);
    expect(bySubset(SHEET)).toEqual(expected);
    // At every byte: inside "Đạt", "đ" and "😀" (2, 3 and 4 bytes) too.
    const bytes = encoder.encode(SHEET);
    for (let cut = 0; cut <= bytes.length; cut++) expect(bySubset(bytes, [cut, cut + 1, cut + 5])).toEqual(expected);
  });

  it('reads what it reads from the same bytes whether the chunks are views of one buffer (zlib) or copies (fflate)', () => {
    const bytes = encoder.encode(SHEET);
    for (let size = 1; size <= 64; size += 9) {
      const events: Event[] = [];
      const tokenizer = new SubsetTokenizer(
        {
          open: (name, attributes) => push(events, ['open', name, attributes.entries()]),
          text: (t) => push(events, ['text', t]),
          close: (name) => push(events, ['close', name]),
        },
        () => {},
      );
      for (let from = 0; from < bytes.length; from += size)
        tokenizer.write(bytes.subarray(from, Math.min(bytes.length, from + size)), from + size >= bytes.length);
      expect(events).toEqual(bySaxes(SHEET));
    }
  });

  it('an attribute is read only when asked, but its bytes are checked all the same', () => {
    const seen: (string | undefined)[] = [];
    const tokenizer = new SubsetTokenizer(
      {
        open: (_n, a) => seen.push(a.get('r'), a.has('s') ? 's' : undefined, a.get('x')),
        text: () => {},
        close: () => {},
      },
      () => {},
    );
    tokenizer.write(encoder.encode('<c r="A&amp;1" s="3" t="Đ"/>'), true);
    expect(seen).toEqual(['A&1', 's', undefined]);
    const numbers: (number | undefined)[] = [];
    const reader = new SubsetTokenizer(
      {
        open: (_n, a) => numbers.push(a.number('a'), a.number('b'), a.number('c'), a.number('d'), a.number('e')),
        text: () => {},
        close: () => {},
      },
      () => {},
    );
    reader.write(encoder.encode('<x a="0042" b=" 7" c="1e3" d="" e="1234567890123"/>'), true);
    expect(numbers).toEqual([42, 7, 1000, 0, 1234567890123]);
  });

  it.each([
    ['in a text', [0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]],
    ['in an attribute nobody asks for', [0x3c, 0x61, 0x20, 0x62, 0x3d, 0x22, 0xc3, 0x22, 0x2f, 0x3e]],
    ['a surrogate (ED A0 80)', [0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]],
    ['an overlong "<" (C0 BC)', [0x3c, 0x61, 0x3e, 0xc0, 0xbc, 0x3c, 0x2f, 0x61, 0x3e]],
    ['U+FFFF (EF BF BF)', [0x3c, 0x61, 0x3e, 0xef, 0xbf, 0xbf, 0x3c, 0x2f, 0x61, 0x3e]],
    ['a character cut short at the end', [0x3c, 0x61, 0x2f, 0x3e, 0xe1, 0xba]],
    ['a NUL byte', [0x3c, 0x61, 0x3e, 0x00, 0x3c, 0x2f, 0x61, 0x3e]],
    [
      'a surrogate in an attribute nobody asks for',
      [0x3c, 0x61, 0x20, 0x62, 0x3d, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x2f, 0x3e],
    ],
    [
      'an overlong form (E0 80 80) in an attribute',
      [0x3c, 0x61, 0x20, 0x62, 0x3d, 0x22, 0xe0, 0x80, 0x80, 0x22, 0x2f, 0x3e],
    ],
    ['U+FFFE in an attribute', [0x3c, 0x61, 0x20, 0x62, 0x3d, 0x22, 0xef, 0xbf, 0xbe, 0x22, 0x2f, 0x3e]],
    [
      'a code point past U+10FFFF (F4 90 80 80) in an attribute',
      [0x3c, 0x61, 0x20, 0x62, 0x3d, 0x22, 0xf4, 0x90, 0x80, 0x80, 0x22, 0x2f, 0x3e],
    ],
    ['U+FFFE in a text', [0x3c, 0x61, 0x3e, 0xef, 0xbf, 0xbe, 0x3c, 0x2f, 0x61, 0x3e]],
  ])('bytes saxes would never see (not UTF-8, or not XML) %s: Unusual, wherever the chunks are cut', (_what, raw) => {
    const bytes = Uint8Array.from(raw);
    for (let cut = 0; cut <= bytes.length; cut++) expect(bySubset(bytes, [cut])).toBe('unusual');
  });

  it('drops a byte order mark at the start, as TextDecoder does', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode('<?xml version="1.0"?><a>x</a>')]);
    expect(bySubset(bytes, [1, 2])).toEqual(bySaxes(bytes));
  });

  it('an attribute named like a property of objects is just a name, as in saxes', () => {
    for (const xml of ['<a constructor="1" __proto__="2" toString="3"/>', '<a hasOwnProperty="x"/>']) {
      expect(bySubset(xml)).toEqual(bySaxes(xml));
      expect(bySubset(xml)).not.toBe('unusual');
    }
  });

  it.each([
    ['a comment', '<a><!-- x --></a>'],
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['a processing instruction', '<a><?pi x?></a>'],
    ['a carriage return', '<a>1\r\n2</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a non-ASCII name', '<á/>'],
    ['a tab in an attribute', '<a b="1\t2"/>'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['text outside the root', '<a/>x'],
    ['a second root', '<a/><b/>'],
    ['no root', ''],
    ['"]]>" in text', '<a>]]></a>'],
  ])('hands %s to saxes', (_what, xml) => {
    expect(bySubset(xml)).toBe('unusual');
  });

  it('on generated XML, chunked anywhere: the events of saxes, or Unusual; never a document saxes refuses', () => {
    /** Mostly what Excel writes, now and then something only saxes reads (or nobody). */
    const mostly = <T>(good: T[], odd: T[]) =>
      fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 12 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
    const name = mostly(['c', 'row', 'v', 'x:c', 'sheetData', 'is', 't', 'a.b', 'r:id'], ['ä', '1x']);
    const attrName = mostly(['r', 's', 't', 'x:r', 'xml:space', 'ref', 'si', 'b-c'], ['__proto__', ':', 'toString']);
    const valueText = fc
      .array(
        mostly(
          ['A1', ' ', '&amp;', '&lt;', '&#65;', '&#x1F600;', '>', 'Đ', '7', '0', '123456789'],
          ['&#0;', '&bad;', '&', '"', "'", '\t', '\n', '<', ']]>'],
        ),
        { maxLength: 4 },
      )
      .map((parts) => parts.join(''));
    const attribute = fc
      .tuple(
        mostly([' ', '  ', '\n'], ['']),
        attrName,
        mostly(['=', ' = ', '=\n'], ['']),
        fc.constantFrom('"', "'"),
        valueText,
      )
      .map(([space, key, eq, q, value]) => `${space}${key}${eq}${q}${value}${q}`);
    const text = fc
      .array(
        mostly(
          ['12', ' ', '\n', '&amp;', '&quot;', '&#273;', '>', 'ơ', '&gt;'],
          ['&#xD;', '&#1;', ']]>', '\r\n', '<!-- c -->', '<![CDATA[<x>]]>', '<?p i?>', '&'],
        ),
        { maxLength: 4 },
      )
      .map((parts) => parts.join(''));
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(
          name,
          fc.array(attribute, { maxLength: 3 }),
          depth > 1 ? fc.array(fc.oneof(text, element(depth - 1)), { maxLength: 3 }) : fc.constant(null),
          mostly(['x'], ['', ' ']),
        )
        .map(([n, attrs, children, closeSpace]) =>
          children === null || children.length === 0
            ? `<${n}${attrs.join('')}/>`
            : `<${n}${attrs.join('')}>${children.join('')}</${closeSpace === 'x' ? n : n + closeSpace}>`,
        ),
    );
    const declaration = mostly(
      ['', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "<?xml version='1.0'?>", '\n'],
      ['<?xml version="1.1"?>', '<?xml encoding="UTF-8"?>', '<!-- c -->', ' <?xml version="1.0"?>'],
    );
    const document = fc
      .tuple(declaration, element(4), fc.constantFrom('', '\n', ' x', '<a/>'))
      .map(([d, root, after]) => `${d}${root}${after}`);
    // Damage as well: a character dropped or added anywhere.
    const damaged = fc
      .tuple(document, fc.nat(), fc.constantFrom('', '<', '>', '/', '"', '&', '='))
      .map(
        ([xml, at, c]) => xml.slice(0, at % (xml.length + 1)) + c + xml.slice((at % (xml.length + 1)) + (c ? 0 : 1)),
      );
    // And damage to the bytes: any byte (a control character, half of a character, one no UTF-8 has) put anywhere.
    const damagedBytes = fc.tuple(document, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([xml, at, byte]) => {
      const bytes = encoder.encode(xml);
      const cut = at % (bytes.length + 1);
      return Uint8Array.from([...bytes.subarray(0, cut), byte, ...bytes.subarray(cut)]);
    });
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          { arbitrary: document.map((xml) => encoder.encode(xml)), weight: 3 },
          { arbitrary: damaged.map((xml) => encoder.encode(xml)), weight: 1 },
          { arbitrary: damagedBytes, weight: 1 },
        ),
        fc.array(fc.nat(), { maxLength: 3 }),
        (bytes, cuts) => {
          const fast = bySubset(bytes, cuts);
          if (fast === 'unusual') return;
          accepted++;
          const xml = Buffer.from(bytes).toString('latin1');
          expect({ xml, events: fast }).toEqual({ xml, events: bySaxes(bytes) });
        },
      ),
      { seed: 2126, numRuns: 4000 },
    );
    // Not a property that holds by refusing everything.
    expect(accepted).toBeGreaterThan(200);
  });
});
