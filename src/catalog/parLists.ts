/**
 * The PAR-index lists this build carries, one per year. The city re-issues the list every year
 * (criteria, maxima, last year's scores, this year's targets, lead units, tasks, deadlines); a
 * list says which year it sets targets for and which year its published scores are from, and
 * nothing downstream names a year except through these two fields.
 *
 * Each year's list is a data file, par/YEAR.json (schema: par/par-list.schema.json; how to add one:
 * par/README.md). par/index.ts imports every file of the folder (scripts/parLists.ts writes it at
 * build); each is checked here as the catalog loads, and a file breaking a rule stops the load.
 */
import { PAR_LIST_FILES } from './par/index';
import { readParListFile } from './parCheck';
import type { ParRow } from './types';

/** The document that issued a year's list, as its text cites it. */
export interface ParListSource {
  /** "3541/UBND-SNV" */
  number: string;
  /** Date of issue, ISO (2021-08-05). */
  issued: string;
  /** The list's own title, as printed. */
  title: string;
}

export interface ParList {
  /** The year whose targets the list sets and whose scores officials enter (2021). */
  year: number;
  /** The year of the published scores the list carries (2020). */
  previousYear: number;
  source: ParListSource;
  /** Every row in the document's order, with 'total' first. */
  rows: readonly ParRow[];
  /** How the list was read or typed in, where that took judgement. */
  notes?: readonly string[];
}

/** Every list this build carries, newest year first. */
export const PAR_LISTS: readonly ParList[] = PAR_LIST_FILES.map(({ name, data }) => readParListFile(data, name)).sort(
  (a, b) => b.year - a.year,
);

/** The list for a year; throws a RangeError naming the years carried when there is none. */
export function parList(year: number): ParList {
  const list = PAR_LISTS.find((l) => l.year === year);
  if (!list)
    throw new RangeError(`No PAR list for ${year}; this build carries ${PAR_LISTS.map((l) => l.year).join(', ')}`);
  return list;
}

/** The newest list: what "Chèn biểu mẫu" offers first. */
export function latestParList(): ParList {
  return PAR_LISTS[0];
}

/** The 2021 list of Document 3541/UBND-SNV, the first the add-in carried. */
export const PAR_LIST_2021: ParList = parList(2021);

/** The 2021 list's rows: what the templates used before lists had years (see ParList). */
export const PAR_ROWS: ParRow[] = PAR_LIST_2021.rows as ParRow[];
