/** @jest-environment jsdom */
// jsdom for its DOMParser (XML with namespaces); the XSD validation runs xmllint as wasm in a worker.
import fs from 'node:fs';
import path from 'node:path';

/** The add-in's one name (src/taskpane/i18n/glossary.ts). */
const ADDIN_NAME = 'CCHC Hà Nội';
import { manifestProblems, NS, parseManifest, pngSize, validateAgainstXsd } from './checks';

const ROOT = path.resolve(__dirname, '../..');
const DEV_ORIGIN = 'https://localhost:3000';

/** What differs between the two manifests; every check below runs on both. */
interface ManifestSpec {
  file: string;
  /** The add-in's identity in Office; changing it orphans every installed copy. */
  id: string;
  displayName: string;
  /** The page the task pane opens. */
  page: string;
  groupLabel: string;
  /** Prefix of the manifest's resource ids ("CCHC" → CCHC.Group.Label). */
  res: string;
}
const SPECS: ManifestSpec[] = [
  {
    file: 'manifest.xml',
    id: '64fff874-f2cf-46ee-b446-78672978bdea',
    displayName: 'CCHC Hà Nội',
    page: 'taskpane.html',
    groupLabel: 'CCHC',
    res: 'CCHC',
  },
  {
    file: 'manifest.selftest.xml',
    id: '67f3b745-df2b-4a71-8d99-6a7636056cff',
    displayName: 'CCHC – Tự kiểm tra',
    page: 'selftest.html',
    groupLabel: 'CCHC – Tự kiểm tra',
    res: 'CCHCTest',
  },
];
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface WebpackConfigModule {
  productionManifest(xml: string, host: string, source?: string): string;
  productionHost(): string;
  MANIFESTS: string[];
}
const webpackConfig = jest.requireActual<WebpackConfigModule>('../../webpack.config.js');

/** Pages and assets the dev server and dist/ serve, mapped back to their sources. */
const PAGES: Record<string, string> = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'commands.html': 'src/commands/commands.html',
  'playground.html': 'src/playground/playground.html',
  'selftest.html': 'src/selftest/selftest.html',
  'support.html': 'src/support/support.html',
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

describe('the two manifests', () => {
  it('are two add-ins to Office: their own Ids and names', () => {
    const docs = SPECS.map((m) => parseManifest(read(m.file)));
    expect(docs.map((d) => text(d, NS.app, 'Id')[0])).toEqual(SPECS.map((m) => m.id));
    expect(new Set(SPECS.map((m) => m.id)).size).toBe(SPECS.length);
    expect(docs.map((d) => d.getElementsByTagNameNS(NS.app, 'DisplayName')[0].getAttribute('DefaultValue'))).toEqual(
      SPECS.map((m) => m.displayName),
    );
  });

  it('are both written to dist/ by the build', () => {
    expect(webpackConfig.MANIFESTS).toEqual(SPECS.map((m) => m.file));
  });
});

describe.each(SPECS)('$file', (m) => {
  const MANIFEST = read(m.file);
  const ADDIN_ID = m.id;
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
      // The add-in's name is a proper name, the same in every language; everything else is translated.
      if (el.getAttribute('DefaultValue') === ADDIN_NAME) expect(overrides[0].getAttribute('Value')).toBe(ADDIN_NAME);
      else expect(overrides[0].getAttribute('Value')).not.toBe(el.getAttribute('DefaultValue'));
    }
    const strings = Array.from(doc.getElementsByTagNameNS(NS.bt, 'String'));
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const s of strings) {
      const locales = Array.from(s.getElementsByTagNameNS(NS.bt, 'Override')).map((o) => o.getAttribute('Locale'));
      expect({ id: s.getAttribute('id'), locales }).toEqual({ id: s.getAttribute('id'), locales: ['en-US'] });
    }
  });

  it(`puts a "${m.groupLabel}" group on the Home tab whose button opens ${m.page}`, () => {
    const tab = doc.getElementsByTagNameNS(NS.ov, 'OfficeTab')[0];
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = tab.getElementsByTagNameNS(NS.ov, 'Group')[0];
    const labelId = group.getElementsByTagNameNS(NS.ov, 'Label')[0].getAttribute('resid');
    const label = Array.from(doc.getElementsByTagNameNS(NS.bt, 'String')).find((s) => s.getAttribute('id') === labelId);
    expect(label?.getAttribute('DefaultValue')).toBe(m.groupLabel);

    const actions = Array.from(group.getElementsByTagNameNS(NS.ov, 'Action'));
    expect(actions.map((a) => a.getAttributeNS(NS.xsi, 'type'))).toEqual(['ShowTaskpane']);
    const urlId = actions[0].getElementsByTagNameNS(NS.ov, 'SourceLocation')[0].getAttribute('resid');
    const url = Array.from(doc.getElementsByTagNameNS(NS.bt, 'Url')).find((u) => u.getAttribute('id') === urlId);
    expect(url?.getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}/${m.page}`);
    expect(doc.getElementsByTagNameNS(NS.app, 'SourceLocation')[0].getAttribute('DefaultValue')).toBe(
      `${DEV_ORIGIN}/${m.page}`,
    );
  });

  it('names the support page as SupportUrl, not a page of the add-in itself (AppSource and admins expect one)', () => {
    const support = Array.from(doc.getElementsByTagNameNS(NS.app, 'SupportUrl')).map((u) =>
      u.getAttribute('DefaultValue'),
    );
    expect(support).toEqual([`${DEV_ORIGIN}/support.html`]);
  });

  it('names only pages and files that exist', () => {
    const urls = [
      ...Array.from(doc.getElementsByTagNameNS(NS.bt, 'Url')).map((u) => u.getAttribute('DefaultValue') ?? ''),
      ...Array.from(doc.getElementsByTagNameNS(NS.app, 'SourceLocation')).map(
        (u) => u.getAttribute('DefaultValue') ?? '',
      ),
      ...Array.from(doc.getElementsByTagNameNS(NS.app, 'SupportUrl')).map((u) => u.getAttribute('DefaultValue') ?? ''),
    ];
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      const file = devChecks.localFile(url);
      expect({ url, exists: file !== null && fs.existsSync(file) }).toEqual({ url, exists: true });
    }
  });

  it('ships 16, 32, 64 and 80 px icons as real PNGs of that size', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(fs.readFileSync(path.join(ROOT, `assets/icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(pngSize(Buffer.from('not a png at all, just text'))).toBeNull();
  });
});

describe.each(SPECS)('the XSD validation rejects a broken $file', ({ file, id: ADDIN_ID, res }) => {
  const MANIFEST = read(file);
  it.each<[string, string | RegExp, string]>([
    ['a missing required element (Permissions)', /\s*<Permissions>ReadWriteDocument<\/Permissions>/, ''],
    ['an unknown permission', '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'],
    ['an Id that is not a GUID', `<Id>${ADDIN_ID}</Id>`, '<Id>cchc-addin</Id>'],
    ['a missing DisplayName', /<DisplayName[\s\S]*?<\/DisplayName>/, ''],
    ['elements out of order', /(<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>)([\s\S]*?<\/Requirements>)/, '$2$1'],
    [
      'a shared runtime (<Runtimes>), unknown to these schemas',
      '<Host xsi:type="Workbook">',
      `<Host xsi:type="Workbook"><Runtimes><Runtime resid="${res}.Taskpane.Url" lifetime="long"/></Runtimes>`,
    ],
    ['a button with no action', /<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/, ''],
  ])('%s', async (_name, from, to) => {
    const result = await validateAgainstXsd(mutate(MANIFEST, from, to));
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe.each(SPECS)('the extra checks catch what the XSD lets through in $file', ({ file, id: ADDIN_ID, res }) => {
  const MANIFEST = read(file);
  it.each<[string, string | RegExp, string, RegExp, boolean]>([
    // [what, from, to, expected problem, does the XSD also reject it?]
    [
      'a resid with no resource',
      `resid="${res}.Group.Label"`,
      `resid="${res}.Nothing"`,
      /points at no bt:ShortStrings/,
      false,
    ],
    [
      'a resid into the wrong table',
      `<Description resid="${res}.OpenTaskpane.Tooltip"/>`,
      `<Description resid="${res}.Group.Label"/>`,
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
      `<bt:Url id="${res}.LearnMore.Url"`,
      `<bt:Url id="${res}.Taskpane.Url"`,
      new RegExp(`"${res}.Taskpane.Url" is defined twice`),
      false,
    ],
    [
      'a shared runtime',
      '<Host xsi:type="Workbook">',
      `<Host xsi:type="Workbook"><Runtimes><Runtime resid="${res}.Taskpane.Url" lifetime="long"/></Runtimes>`,
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

describe.each(SPECS)('the production $file written by npm run build', ({ file, page }) => {
  const HOST = 'https://cchc.example.vn/addin';
  const built = webpackConfig.productionManifest(read(file), HOST, file);

  it('points every URL at the production host and none at localhost', () => {
    expect(built).not.toMatch(/localhost/);
    const doc = parseManifest(built);
    expect(text(doc, NS.app, 'AppDomain')).toEqual(['https://cchc.example.vn']);
    expect(doc.getElementsByTagNameNS(NS.app, 'SourceLocation')[0].getAttribute('DefaultValue')).toBe(
      `${HOST}/${page}`,
    );
    expect(built).toContain(`from ${file}: edit that file, not this one.`);
  });

  it('is still valid and passes the same checks', async () => {
    expect((await validateAgainstXsd(built)).errors).toEqual([]);
    expect(manifestProblems(built, { localFile: localFileUnder(HOST) })).toEqual([]);
  });
});

describe('the production host', () => {
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
