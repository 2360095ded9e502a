/**
 * Worksheet protection (Excel.WorksheetProtection, ExcelApi 1.2): `protected`, `protect()` and
 * `unprotect()`, and what protection does to the add-in's writes.
 *
 * Sources: @types/office-js, WorksheetProtection (`protected`: "Specifies if the worksheet is
 * protected"; protect/unprotect, [Api set: ExcelApi 1.2]); AllowEditRange ("If worksheet
 * protection is enabled and not paused, this method throws an `AccessDenied` error"), the one
 * place the typings name the error a protected sheet gives.
 *
 * Guess (stricter than Excel, whose documentation is silent on which API writes a protected sheet
 * allows): every write whose target is on a protected sheet (cells, formats, rules, validation,
 * the sheet's names, its name, deleting it) fails its request with AccessDenied (cells are not
 * unlocked here: format.protection is not implemented); only protect/unprotect themselves go through. Reads
 * are never refused. The password and the options (allowFormatCells…) are not modelled.
 */
import type { AnyClientObject } from './client';
import { accessDenied } from './errors';
import { SheetModel } from './model';

/** The API type whose own writes (protect, unprotect) a protected sheet lets through. */
export const PROTECTION_TYPE = 'WorksheetProtection';

/** The sheet a write lands on, whatever the model of the object written (a sheet, range, name, rule…). */
function sheetOf(m: unknown): SheetModel | null {
  if (m instanceof SheetModel) return m;
  const o = m as { sheet?: unknown; scope?: { sheet?: unknown } } | null;
  if (o?.sheet instanceof SheetModel) return o.sheet;
  if (o?.scope?.sheet instanceof SheetModel) return o.scope.sheet;
  return null;
}

/** Server side, just before a write runs: AccessDenied where its target is on a protected sheet. */
export function refuseOnProtected(target: AnyClientObject, model: unknown, location: string): void {
  if (target.def.name === PROTECTION_TYPE) return;
  if (sheetOf(model)?.protected) throw accessDenied(location);
}
