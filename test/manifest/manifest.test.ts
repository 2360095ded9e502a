/** @jest-environment jsdom */
// jsdom for its DOMParser (XML with namespaces); the XSD validation runs xmllint as wasm in a worker.
import fs from 'node:fs';
import path from 'node:path';
import { manifestProblems, NS, parseManifest, pngSize, validateAgainstXsd } from './checks';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DEV_ORIGIN = 'https://localhost:3000';
/** The add-in's identity in Office; changing it orphans every installed copy. */
const ADDIN_ID = '64fff874-f2cf-46ee-b446-78672978bdea';

interface WebpackConfigModule {
  productionManifest(xml: string, host: string): string;
  productionHost(): string;
}
const webpackConfig = jest.requireActual<WebpackConfigModule>('../../webpack.config.js');

/** Pages and assets the dev server and dist/ serve, mapped back to their sources. */
const PAGES: Record<string, string> = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'commands.html': 'src/commands/commands.html',
  'playground.html': 'src/playground/playground.html',
};
function localFileUnder(origin: string) {
  return (url: string): string | null => {
    if (!url.startsWith(`${origin}/`)) return null;
    const rel = url.slice(origin.length + 1);
    if (PAGES[rel]) return path.join(ROOT, PAGES[rel]);
    if (rel.startsWith('assets/')) return path.join(ROOT, rel);
    return null;
  };
}
const devChecks = { localFile: localFileUnder(DEV_ORIGIN) };

/** Applies one textual change and fails loudly if it matched nothing (a vacuous mutation proves nothing). */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation matched nothing: ${String(from)}`);
  return out;
}

function text(doc: Document, ns: string, name: string): string[] {
  return Array.from(doc.getElementsByTagNameNS(ns, name)).map((e) => (e.textContent ?? '').trim());
}

describe('manifest.xml', () => {
  const doc = parseManifest(MANIFEST);

  it('validates against the Office add-in manifest XSDs', async () => {
    const result = await validateAgainstXsd(MANIFEST);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('passes the checks the XSDs cannot make', () => {
    expect(manifestProblems(MANIFEST, devChecks)).toEqual([]);
  });

  it('is an Excel task pane add-in needing ExcelApi 1.8 and read/write access, with a stable Id', () => {
    expect(text(doc, NS.app, 'Id')).toEqual([ADDIN_ID]);
    expect(doc.documentElement.getAttributeNS(NS.xsi, 'type')).toBe('TaskPaneApp');
    const hosts = Array.from(doc.getElementsByTagNameNS(NS.app, 'Host')).map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual(['Workbook']);
    expect(text(doc, NS.app, 'Permissions')).toEqual(['ReadWriteDocument']);
    const sets = Array.from(doc.getElementsByTagNameNS(NS.app, 'Set')).map((s) => [
      s.getAttribute('Name'),
      s.getAttribute('MinVersion'),
    ]);
    expect(sets).toEqual([['ExcelApi', '1.8']]);
  });

  it('is Vietnamese by default with English overrides for every user-visible text', () => {
    expect(text(doc, NS.app, 'DefaultLocale')).toEqual(['vi-VN']);
    for (const name of ['DisplayName', 'Description']) {
      const el = doc.getElementsByTagNameNS(NS.app, name)[0];
      const overrides = Array.from(el.getElementsByTagNameNS(NS.app, 'Override'));
      expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
      expect(overrides[0].getAttribute('Value')).not.toBe(el.getAttribute('DefaultValue'));
    }
    const strings = Array.from(doc.getElementsByTagNameNS(NS.bt, 'String'));
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const s of strings) {
      const locales = Array.from(s.getElementsByTagNameNS(NS.bt, 'Override')).map((o) => o.getAttribute('Locale'));
      expect({ id: s.getAttribute('id'), locales }).toEqual({ id: s.getAttribute('id'), locales: ['en-US'] });
    }
  });

  it('puts a CCHC group on the Home tab whose button opens the task pane', () => {
    const tab = doc.getElementsByTagNameNS(NS.ov, 'OfficeTab')[0];
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = tab.getElementsByTagNameNS(NS.ov, 'Group')[0];
    const labelId = group.getElementsByTagNameNS(NS.ov, 'Label')[0].getAttribute('resid');
    const label = Array.from(doc.getElementsByTagNameNS(NS.bt, 'String')).find((s) => s.getAttribute('id') === labelId);
    expect(label?.getAttribute('DefaultValue')).toBe('CCHC');

    const actions = Array.from(group.getElementsByTagNameNS(NS.ov, 'Action'));
    expect(actions.map((a) => a.getAttributeNS(NS.xsi, 'type'))).toEqual(['ShowTaskpane']);
    const urlId = actions[0].getElementsByTagNameNS(NS.ov, 'SourceLocation')[0].getAttribute('resid');
    const url = Array.from(doc.getElementsByTagNameNS(NS.bt, 'Url')).find((u) => u.getAttribute('id') === urlId);
    expect(url?.getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  it('names only pages and files that exist', () => {
    const urls = [
      ...Array.from(doc.getElementsByTagNameNS(NS.bt, 'Url')).map((u) => u.getAttribute('DefaultValue') ?? ''),
      ...Array.from(doc.getElementsByTagNameNS(NS.app, 'SourceLocation')).map(
        (u) => u.getAttribute('DefaultValue') ?? '',
      ),
    ];
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      const file = devChecks.localFile(url);
      expect({ url, exists: file !== null && fs.existsSync(file) }).toEqual({ url, exists: true });
    }
  });

  it('ships every icon size Office asks for, as real PNGs of that size', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(fs.readFileSync(path.join(ROOT, `assets/icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(pngSize(Buffer.from('not a png at all, just text'))).toBeNull();
  });
});

describe('the XSD validation rejects a broken manifest', () => {
  it.each<[string, string | RegExp, string]>([
    ['a missing required element (Permissions)', /\s*<Permissions>ReadWriteDocument<\/Permissions>/, ''],
    ['an unknown permission', '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'],
    ['an Id that is not a GUID', `<Id>${ADDIN_ID}</Id>`, '<Id>cchc-addin</Id>'],
    ['a missing DisplayName', /<DisplayName[\s\S]*?<\/DisplayName>/, ''],
    ['elements out of order', /(<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>)([\s\S]*?<\/Requirements>)/, '$2$1'],
    [
      'a shared runtime (<Runtimes>), unknown to these schemas',
      '<Host xsi:type="Workbook">',
      '<Host xsi:type="Workbook"><Runtimes><Runtime resid="CCHC.Taskpane.Url" lifetime="long"/></Runtimes>',
    ],
    ['a button with no action', /<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/, ''],
  ])('%s', async (_name, from, to) => {
    const result = await validateAgainstXsd(mutate(MANIFEST, from, to));
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe('the extra checks catch what the XSD lets through', () => {
  it.each<[string, string | RegExp, string, RegExp, boolean]>([
    // [what, from, to, expected problem, does the XSD also reject it?]
    [
      'a resid with no resource',
      'resid="CCHC.Group.Label"',
      'resid="CCHC.Nothing"',
      /points at no bt:ShortStrings/,
      false,
    ],
    [
      'a resid into the wrong table',
      '<Description resid="CCHC.OpenTaskpane.Tooltip"/>',
      '<Description resid="CCHC.Group.Label"/>',
      /points at no bt:LongStrings/,
      false,
    ],
    ['an http URL', `${DEV_ORIGIN}/commands.html"`, 'http://localhost:3000/commands.html"', /not https/, false],
    [
      'an http AppDomain',
      `<AppDomain>${DEV_ORIGIN}</AppDomain>`,
      '<AppDomain>http://x.vn</AppDomain>',
      /not https/,
      false,
    ],
    [
      'an icon of the wrong size',
      'assets/icon-80.png"',
      'assets/icon-64.png"',
      /is 64×64, the manifest claims 80×80/,
      false,
    ],
    ['a missing icon file', 'assets/icon-16.png"', 'assets/icon-17.png"', /does not exist/, false],
    [
      'a wrong high-resolution icon',
      'HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"',
      'HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"',
      /claims 64×64/,
      false,
    ],
    [
      'a duplicate resource id',
      '<bt:Url id="CCHC.LearnMore.Url"',
      '<bt:Url id="CCHC.Taskpane.Url"',
      /"CCHC.Taskpane.Url" is defined twice/,
      false,
    ],
    [
      'a shared runtime',
      '<Host xsi:type="Workbook">',
      '<Host xsi:type="Workbook"><Runtimes><Runtime resid="CCHC.Taskpane.Url" lifetime="long"/></Runtimes>',
      /<Runtimes> found/,
      true,
    ],
    ['an Id that is not a GUID', `<Id>${ADDIN_ID}</Id>`, '<Id>{not-a-guid}</Id>', /is not a GUID/, true],
  ])('%s', async (_name, from, to, problem, xsdRejects) => {
    const broken = mutate(MANIFEST, from, to);
    expect(manifestProblems(broken, devChecks)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
    // Where the XSD accepts the broken manifest, this check is the only thing standing between it and Office.
    expect((await validateAgainstXsd(broken)).valid).toBe(!xsdRejects);
  });

  it('reports XML that is not well-formed', () => {
    expect(() => manifestProblems(MANIFEST.replace('</OfficeApp>', ''), devChecks)).toThrow(/not well-formed/);
  });
});

describe('the production manifest written by npm run build', () => {
  const HOST = 'https://cchc.example.vn/addin';
  const built = webpackConfig.productionManifest(MANIFEST, HOST);

  it('points every URL at the production host and none at localhost', () => {
    expect(built).not.toMatch(/localhost/);
    const doc = parseManifest(built);
    expect(text(doc, NS.app, 'AppDomain')).toEqual(['https://cchc.example.vn']);
    expect(doc.getElementsByTagNameNS(NS.app, 'SourceLocation')[0].getAttribute('DefaultValue')).toBe(
      `${HOST}/taskpane.html`,
    );
  });

  it('is still valid and passes the same checks', async () => {
    expect((await validateAgainstXsd(built)).errors).toEqual([]);
    expect(manifestProblems(built, { localFile: localFileUnder(HOST) })).toEqual([]);
  });

  it('takes the host from ADDIN_PRODUCTION_HOST, and refuses one that is not https', () => {
    const saved = process.env.ADDIN_PRODUCTION_HOST;
    try {
      process.env.ADDIN_PRODUCTION_HOST = 'https://addin.example.vn/';
      expect(webpackConfig.productionHost()).toBe('https://addin.example.vn');
      process.env.ADDIN_PRODUCTION_HOST = 'http://addin.example.vn';
      expect(() => webpackConfig.productionHost()).toThrow(/must be https/);
      process.env.ADDIN_PRODUCTION_HOST = 'not a url';
      expect(() => webpackConfig.productionHost()).toThrow(/is not a URL/);
      delete process.env.ADDIN_PRODUCTION_HOST;
      expect(webpackConfig.productionHost()).toMatch(/^https:\/\//);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_PRODUCTION_HOST;
      else process.env.ADDIN_PRODUCTION_HOST = saved;
    }
  });
});
