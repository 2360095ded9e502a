/**
 * Template text compared loosely: a header or label read back from a sheet matches the plan's
 * whatever its Unicode composition, runs of spaces or letter case (Excel keeps what was typed).
 */
import type { CellValue } from './types';

export function looseText(text: CellValue): string {
  return String(text ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
