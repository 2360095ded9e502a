/** Which unit a reporter cell names: the catalog's unit for PAR leads, a key for "same unit twice". */
import { unitByName } from '../catalog';
import type { UnitId } from '../catalog/types';

/** Case, composition of accents and spacing do not make two units. */
export function unitKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, '');
}

export function unitIdOf(reporter: string | null): UnitId | undefined {
  return reporter === null ? undefined : unitByName(reporter)?.id;
}
