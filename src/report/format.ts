/**
 * Text and numbers as the Word report writes them. Numbers are Vietnamese (1,5; 85,5%), whatever the
 * decimal separator of the Excel the workbook comes from: the .docx is a formal Vietnamese document
 * read and printed away from that Excel, where "1.5" would read as one thousand five hundred.
 */
import type { RowKind } from '../catalog/types';
import { numVi, round } from '../engine/format';
import type { CellKind } from '../engine/parse';
import type { CellValue } from '../engine/types';

/**
 * Characters an XML 1.0 document (and so Word) refuses: C0 controls other than tab and line breaks,
 * lone surrogates, U+FFFE/U+FFFF. Removed rather than escaped: Word cannot show them anyway.
 */
const REFUSED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(REFUSED, '');
}

export function formatValue(v: CellValue | undefined, kind: RowKind | CellKind): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') {
    if (kind === 'percent') return `${numVi(round(v * 100, 2))}%`;
    if (Number.isInteger(v) && Math.abs(v) >= 1000) return v.toLocaleString('vi-VN');
    return numVi(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return cleanText(v);
}

/** A score of the PAR list: up to three decimals, Vietnamese comma (92,418). */
export function score(v: number): string {
  return numVi(round(v, 3));
}
