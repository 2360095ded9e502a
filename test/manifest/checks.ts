/**
 * What the manifest XSDs cannot check but Office enforces (or the project decided): resids
 * that resolve, https everywhere, icons that exist at the size they claim, no shared runtime,
 * a GUID Id. Also validation against the XSDs with xmllint compiled to wasm, so no system
 * package is needed. Needs a DOMParser (run the test under jsdom).
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const SCHEMA_DIR = path.join(__dirname, 'schemas');
const TOP_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** Validates against the six Office manifest XSDs (the top one imports the rest by relative path). */
export async function validateAgainstXsd(xml: string): Promise<XMLValidationResult> {
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8') });
  return validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [read(TOP_SCHEMA)],
    preload: files.filter((f) => f !== TOP_SCHEMA).map(read),
  });
}

export function parseManifest(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    throw new Error(`manifest is not well-formed XML: ${error.textContent ?? ''}`);
  }
  return doc;
}

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    return null;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Which resource table an element's resid must point into (bt:*ResourceReference types in the XSD). */
function residKind(el: Element): ResourceKind | null {
  switch (el.localName) {
    case 'Image':
      return 'Images';
    case 'FunctionFile':
    case 'SourceLocation':
    case 'LearnMoreUrl':
      return 'Urls';
    case 'Label':
    case 'Title':
      return 'ShortStrings';
    case 'Description':
      return 'LongStrings';
    default:
      return null;
  }
}

export interface CheckOptions {
  /** Maps a manifest URL to the local file it serves, or null if it is not one of ours. */
  localFile(url: string): string | null;
}

/** Every problem found, as readable sentences; empty means the manifest passes. */
export function manifestProblems(xml: string, options: CheckOptions): string[] {
  const problems: string[] = [];
  const doc = parseManifest(xml);
  const root = doc.documentElement;
  const all = Array.from(doc.getElementsByTagName('*'));

  const id = doc.getElementsByTagNameNS(NS.app, 'Id')[0]?.textContent?.trim() ?? '';
  if (!GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);

  if (all.some((el) => el.localName === 'Runtimes')) {
    problems.push('<Runtimes> found: the add-in uses no shared runtime');
  }

  // Resources by kind, and duplicate ids (Office refuses a manifest with two resources of one id).
  const resources = new Map<ResourceKind, Map<string, string>>();
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const) {
    const table = new Map<string, string>();
    for (const group of Array.from(doc.getElementsByTagNameNS(NS.bt, kind))) {
      for (const item of Array.from(group.children)) {
        const resId = item.getAttribute('id') ?? '';
        if (table.has(resId)) problems.push(`resource id "${resId}" is defined twice in bt:${kind}`);
        table.set(resId, item.getAttribute('DefaultValue') ?? '');
      }
    }
    resources.set(kind, table);
  }

  for (const el of all.filter((e) => e.hasAttribute('resid'))) {
    const resid = el.getAttribute('resid') ?? '';
    const kind = residKind(el);
    if (!kind) {
      problems.push(`<${el.localName} resid="${resid}">: no known resource kind for this element`);
    } else if (!resources.get(kind)?.has(resid)) {
      problems.push(`<${el.localName} resid="${resid}"> points at no bt:${kind} entry`);
    }
  }

  // Every URL in an attribute value or element text must be https (namespace declarations aside).
  const urls: string[] = [];
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value)) urls.push(attr.value);
    }
    if (el.children.length === 0 && /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(el.textContent ?? '')) {
      urls.push((el.textContent ?? '').trim());
    }
  }
  for (const url of urls) {
    if (!url.startsWith('https://')) problems.push(`URL is not https: ${url}`);
  }

  // Icons: each referenced size must match the PNG's real size.
  const checkIcon = (where: string, url: string, size: number) => {
    const file = options.localFile(url);
    if (!file) {
      problems.push(`${where}: ${url} is not served by this add-in`);
      return;
    }
    if (!fs.existsSync(file)) {
      problems.push(`${where}: ${url} → ${file} does not exist`);
      return;
    }
    const dims = pngSize(fs.readFileSync(file));
    if (!dims) {
      problems.push(`${where}: ${file} is not a PNG`);
    } else if (dims.width !== size || dims.height !== size) {
      problems.push(`${where}: ${file} is ${dims.width}×${dims.height}, the manifest claims ${size}×${size}`);
    }
  };
  const images = resources.get('Images') ?? new Map<string, string>();
  for (const el of Array.from(doc.getElementsByTagNameNS(NS.bt, 'Image'))) {
    const size = el.getAttribute('size');
    const resid = el.getAttribute('resid');
    if (size === null || resid === null) continue; // a resource definition, not a reference
    const url = images.get(resid);
    if (url !== undefined) checkIcon(`bt:Image size=${size} resid=${resid}`, url, Number(size));
  }
  const iconUrl = doc.getElementsByTagNameNS(NS.app, 'IconUrl')[0]?.getAttribute('DefaultValue');
  if (iconUrl) checkIcon('IconUrl', iconUrl, 32);
  const hiResUrl = doc.getElementsByTagNameNS(NS.app, 'HighResolutionIconUrl')[0]?.getAttribute('DefaultValue');
  if (hiResUrl) checkIcon('HighResolutionIconUrl', hiResUrl, 64);
  for (const [resid, url] of images) {
    const file = options.localFile(url);
    if (!file || !fs.existsSync(file)) problems.push(`bt:Image ${resid}: ${url} has no file`);
  }

  if (root.getAttributeNS(NS.xsi, 'type') !== 'TaskPaneApp') problems.push('OfficeApp is not a TaskPaneApp');
  return problems;
}
