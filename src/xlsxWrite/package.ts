/**
 * Parts of the .xlsx package that ExcelJS 4 does not write: defined names holding constants
 * (the template version, the empty CCHC_FLAGS list) and custom document properties. They are
 * added to the zip ExcelJS produced. JSZip is the zip library ExcelJS itself uses.
 */
import JSZip from 'jszip';
import { xmlUnescape } from '../xlsx/xmlText';

export interface DefinedNameExtra {
  name: string;
  /** 0-based sheet position for a worksheet-scoped name; absent for a workbook name. */
  localSheetId?: number;
  /** The name's formula without '=' ('"1.0.0"', '{""}'). */
  formula: string;
}

export interface PackageExtras {
  names: DefinedNameExtra[];
  properties: Record<string, string>;
}

const CUSTOM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
/** The format id Office uses for user-defined properties. */
const USER_DEFINED_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`The workbook package has no ${path}`);
  return file.async('string');
}

function insertDefinedNames(workbookXml: string, names: DefinedNameExtra[]): string {
  if (names.length === 0) return workbookXml;
  const xml = names
    .map((n) => {
      const scope = n.localSheetId === undefined ? '' : ` localSheetId="${n.localSheetId}"`;
      return `<definedName name="${xmlEscape(n.name)}"${scope}>${xmlEscape(n.formula)}</definedName>`;
    })
    .join('');
  if (workbookXml.includes('</definedNames>')) return workbookXml.replace('</definedNames>', `${xml}</definedNames>`);
  if (workbookXml.includes('<definedNames/>'))
    return workbookXml.replace('<definedNames/>', `<definedNames>${xml}</definedNames>`);
  // CT_Workbook order: definedNames come right after sheets.
  if (!workbookXml.includes('</sheets>')) throw new Error('workbook.xml has no <sheets> element');
  return workbookXml.replace('</sheets>', `</sheets><definedNames>${xml}</definedNames>`);
}

function customPropertiesXml(properties: Record<string, string>): string {
  const props = Object.entries(properties)
    .map(
      ([name, value], i) =>
        `<property fmtid="${USER_DEFINED_FMTID}" pid="${i + 2}" name="${xmlEscape(name)}"><vt:lpwstr>${xmlEscape(value)}</vt:lpwstr></property>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    props +
    '</Properties>'
  );
}

export async function packageWorkbook(bytes: Uint8Array, extras: PackageExtras): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await readPart(zip, 'xl/workbook.xml');
  zip.file('xl/workbook.xml', insertDefinedNames(workbookXml, extras.names));

  if (Object.keys(extras.properties).length > 0) {
    zip.file('docProps/custom.xml', customPropertiesXml(extras.properties));
    const types = await readPart(zip, '[Content_Types].xml');
    if (!types.includes('/docProps/custom.xml'))
      zip.file(
        '[Content_Types].xml',
        types.replace(
          '</Types>',
          `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`,
        ),
      );
    const rels = await readPart(zip, '_rels/.rels');
    if (!rels.includes(CUSTOM_PROPS_REL))
      zip.file(
        '_rels/.rels',
        rels.replace(
          '</Relationships>',
          `<Relationship Id="rIdCchcCustom" Type="${CUSTOM_PROPS_REL}" Target="docProps/custom.xml"/></Relationships>`,
        ),
      );
  }
  // Bytes any host can use (Node writes them to a file, the pane opens them in Excel): no Buffer.
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Custom document properties of a package (string values), for reading the version back. */
export async function readCustomProperties(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('docProps/custom.xml');
  if (!file) return {};
  const xml = await file.async('string');
  const out: Record<string, string> = {};
  const re = /<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:(?:lpwstr|lpstr)>([^<]*)<\/vt:(?:lpwstr|lpstr)>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out[xmlUnescape(m[1])] = xmlUnescape(m[2]);
  return out;
}

/** Defined names of a package as written (ExcelJS drops those that are not ranges). */
export async function readDefinedNames(bytes: Uint8Array): Promise<DefinedNameExtra[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await readPart(zip, 'xl/workbook.xml');
  const out: DefinedNameExtra[] = [];
  const re = /<definedName\b([^>]*)>([^<]*)<\/definedName>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = /\bname="([^"]*)"/.exec(m[1]);
    const sheet = /\blocalSheetId="(\d+)"/.exec(m[1]);
    if (!name) continue;
    out.push({
      name: xmlUnescape(name[1]),
      formula: xmlUnescape(m[2]),
      ...(sheet ? { localSheetId: Number(sheet[1]) } : {}),
    });
  }
  return out;
}
