/**
 * The fast tokenizer (src/xlsx/xmlSubset.ts) against saxes, the library it stands in for: on
 * generated XML, cut into chunks anywhere, it either hands over exactly the events saxes gives
 * (local names, attributes, text inside the root element) or says Unusual, so that the reader asks saxes; it never
 * accepts a document saxes refuses.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { localName, SubsetTokenizer, Unusual } from '../../src/xlsx/xmlSubset';

type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

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

/** Events of saxes, as xmlStream.ts hands them on; an error for a document it refuses. */
function bySaxes(xml: string): Event[] | { error: string } {
  const events: Event[] = [];
  const parser = new SaxesParser({ position: false });
  let error: string | null = null;
  parser.on('doctype', () => (error ??= 'doctype'));
  parser.on('opentag', (tag) =>
    push(events, ['open', localName(tag.name), { ...tag.attributes } as Record<string, string>]),
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

/** Events of the subset tokenizer fed `xml` in chunks cut at `cuts`; 'unusual' when it hands the part to saxes. */
function bySubset(xml: string, cuts: number[] = []): Event[] | 'unusual' {
  const events: Event[] = [];
  const tokenizer = new SubsetTokenizer(
    {
      open: (name, attributes) => push(events, ['open', name, { ...attributes }]),
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
    for (let cut = 0; cut <= SHEET.length; cut += 7) expect(bySubset(SHEET, [cut, cut + 3])).toEqual(expected);
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
    ['an attribute named like a property of objects', '<a constructor="1"/>'],
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
          ['A1', ' ', '&amp;', '&lt;', '&#65;', '&#x1F600;', '>', 'Đ'],
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
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: document, weight: 3 }, { arbitrary: damaged, weight: 1 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (xml, cuts) => {
          const fast = bySubset(xml, cuts);
          if (fast === 'unusual') return;
          accepted++;
          expect({ xml, events: fast }).toEqual({ xml, events: bySaxes(xml) });
        },
      ),
      { seed: 2126, numRuns: 3000 },
    );
    // Not a property that holds by refusing everything.
    expect(accepted).toBeGreaterThan(200);
  });
});
