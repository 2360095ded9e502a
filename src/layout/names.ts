/**
 * Sheet names: the catalog's for Appendix 1, ours for PAR (its list's year in it, so two years'
 * sheets stand side by side) and STATUS, overridable per template (the adapter renames a sheet
 * when a sheet of that name exists and is not ours).
 */
import { APPENDIX1, latestParList } from '../catalog';
import type { TemplateId } from '../catalog/types';

/** The PAR sheet's default name for a year's list: 'Chỉ số CCHC 2021'. */
export function parSheetName(year: number): string {
  return `Chỉ số CCHC ${year}`;
}

export const STATUS_SHEET_NAME = 'Tình trạng';
export const OUTLINE_SHEET_NAME = 'Đề cương báo cáo';

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** `parYear`: the year of the PAR list (default the newest). */
export function defaultSheetName(id: TemplateId, parYear: number = latestParList().year): string {
  if (id === 'PAR') return parSheetName(parYear);
  if (id === 'STATUS') return STATUS_SHEET_NAME;
  if (id === 'OUTLINE') return OUTLINE_SHEET_NAME;
  const template = APPENDIX1.find((t) => t.id === id);
  if (!template) throw new RangeError(`Unknown template id ${id}`);
  return template.sheet;
}

/** Why Excel would refuse this sheet name, or null when it is acceptable. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_SHEET_NAME) return `is longer than ${MAX_SHEET_NAME} characters`;
  if (/[[\]:*?/\\]/.test(name)) return 'contains one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return 'is reserved by Excel';
  return null;
}

/**
 * The name of each template's sheet, overrides applied. Throws on a name Excel would refuse and
 * on two templates sharing a name (Excel compares sheet names without regard to case).
 */
export function resolveSheetNames(
  ids: readonly TemplateId[],
  overrides: Partial<Record<TemplateId, string>> = {},
  parYear?: number,
): Record<TemplateId, string> {
  const names = {} as Record<TemplateId, string>;
  const taken = new Map<string, TemplateId>();
  for (const id of ids) {
    // Used exactly as given: the adapter names the sheet with this string and formulas quote it.
    const name = overrides[id] ?? defaultSheetName(id, parYear);
    const problem = sheetNameProblem(name);
    if (problem) throw new RangeError(`Sheet name "${name}" for template ${id} ${problem}`);
    const folded = name.toLocaleLowerCase('vi');
    const other = taken.get(folded);
    if (other) throw new RangeError(`Templates ${other} and ${id} would share the sheet name "${name}"`);
    taken.set(folded, id);
    names[id] = name;
  }
  return names;
}
