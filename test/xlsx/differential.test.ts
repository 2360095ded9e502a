/**
 * Proven equal (issue #21): every kind of .xlsx the tests make is read by the new reader and by
 * ExcelJS, and the snapshots must be the same (test/shared/differential.ts says how they are
 * normalised), or the reader refuses the file for a documented reason. compareReaders reads
 * with the inflater a browser with DecompressionStream uses (Node has it); the last test holds
 * fflate's reading (the pane elsewhere) equal to it. LibreOffice-saved copies
 * are in test/libreoffice/differential.lo.ts (they need soffice).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { cli, fillWorkbook, parScores, prng, tempDir } from '../cli/helpers';
import { readTemplateBytes } from '../../src/xlsx/reader';
import { InputError } from '../../src/xlsx/errors';
import { compareReaders } from '../shared/differential';
import { hostileCorpus } from '../shared/hostileCorpus';

const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);
const bytes = (name: string) => new Uint8Array(readFileSync(f(name)));
afterAll(() => tmp.remove());

/** Excel's own ways of writing cells, put into sheet1 by hand: shared formulas, inline strings, typed results. */
async function excelStyleCells(source: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(source);
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  const cells =
    '<row r="300"><c r="D300"><f t="shared" ref="D300:F302" si="0">SUM($B$1:B2)+D1*2</f><v>4</v></c>' +
    '<c r="E300"><f t="shared" si="0"/><v>5</v></c><c r="F300"><f t="shared" si="0"/><v>6</v></c></row>' +
    '<row r="301"><c r="D301"><f t="shared" si="0"/><v>0</v></c><c r="E301" t="inlineStr"><is><t>chữ trong ô</t></is></c>' +
    '<c r="F301" t="inlineStr"><is><r><t>Đạ</t></r><r><rPr><b/></rPr><t>t</t></r></is></c></row>' +
    '<row r="302"><c r="D302" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E302" t="b"><f>1&gt;0</f><v>1</v></c>' +
    '<c r="F302" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G302" t="b"><v>0</v></c><c r="H302" t="e"><v>#N/A</v></c>' +
    '<c r="I302"><v>1.5E-3</v></c><c r="J302" t="str"><v>văn bản</v></c></row>';
  zip.file(part, xml.replace('</sheetData>', `${cells}</sheetData>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('the reader reads what ExcelJS reads', () => {
  beforeAll(async () => {
    expect((await cli(['template', f('blank.xlsx')])).code).toBe(0);
    expect((await cli(['template', f('some.xlsx'), '--only', 'I,III,PAR'])).code).toBe(0);
    const random = prng(21);
    await fillWorkbook(f('blank.xlsx'), f('filled.xlsx'), [
      { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'UBND quận Ba Đình' },
      { template: 'I', key: 'I.2', column: '2019', value: 12 },
      { template: 'I', key: 'I.2', column: '2020', value: '  7 ' },
      { template: 'I', key: 'I.3.a', column: '2019', value: new Date(Date.UTC(2021, 4, 3, 10, 30)) },
      ...parScores(random),
    ]);
    await fillWorkbook(f('blank.xlsx'), f('unit-b.xlsx'), [
      { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'Sở Y tế' },
      { template: 'I', key: 'I.2', column: '2019', value: 3 },
    ]);
    expect(
      (await cli(['consolidate', 'filled.xlsx', 'unit-b.xlsx', '--out', 'total.xlsx'], { cwd: tmp.dir })).code,
    ).toBeLessThan(2);
  }, 180_000);

  it.each(['blank.xlsx', 'some.xlsx', 'filled.xlsx', 'unit-b.xlsx'])('%s: the same snapshots', async (name) => {
    const verdict = await compareReaders(name, bytes(name));
    expect(verdict).toMatchObject({ kind: 'equal' });
  });

  it('a consolidation: both find no return in it (the reader says it is a consolidation)', async () => {
    expect(await compareReaders('total.xlsx', bytes('total.xlsx'))).toEqual({
      kind: 'both-refuse',
      problem: 'consolidated',
    });
  });

  it('Excel-style shared formulas, inline strings and typed formula results: the same snapshots', async () => {
    const verdict = await compareReaders('excel.xlsx', await excelStyleCells(bytes('filled.xlsx')));
    expect(verdict).toMatchObject({ kind: 'equal', sheets: 11 });
  });

  it('the hostile corpus: the same snapshots where the reader reads, a documented refusal where it does not', async () => {
    const corpus = await hostileCorpus(bytes('unit-b.xlsx'));
    const verdicts: Record<string, unknown> = {};
    for (const c of corpus) verdicts[c.name] = await compareReaders(c.name, c.bytes);
    for (const c of corpus) {
      const v = verdicts[c.name] as { kind: string; problem?: string };
      if (c.expect === 'read' && c.finding === undefined)
        expect({ [c.name]: v }).toMatchObject({ [c.name]: { kind: 'equal' } });
      else if (c.expect !== 'read') expect({ [c.name]: v.problem }).toEqual({ [c.name]: c.expect });
      expect({ [c.name]: v.kind }).not.toEqual({ [c.name]: 'differ' });
    }
  }, 120_000);

  it('fflate and DecompressionStream: the same snapshots and findings, or the same refusal, file by file', async () => {
    const files = [
      ...['blank.xlsx', 'some.xlsx', 'filled.xlsx', 'unit-b.xlsx', 'total.xlsx'].map((name) => ({
        name,
        bytes: bytes(name),
      })),
      { name: 'excel.xlsx', bytes: await excelStyleCells(bytes('filled.xlsx')) },
      ...(await hostileCorpus(bytes('unit-b.xlsx'))),
    ];
    const read = async (name: string, data: Uint8Array, native: boolean) => {
      try {
        const book = await readTemplateBytes(name, data, { native });
        return { snapshots: book.snapshots, findings: book.findings, otherSheets: book.otherSheets };
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return { problem: e.problem, text: e.text };
      }
    };
    for (const f of files)
      expect({ [f.name]: await read(f.name, f.bytes, true) }).toEqual({ [f.name]: await read(f.name, f.bytes, false) });
  }, 120_000);
});
