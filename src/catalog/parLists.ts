/**
 * The PAR-index lists this build carries, one per year. The city re-issues the list every year
 * (criteria, maxima, last year's scores, this year's targets, lead units, tasks, deadlines); a
 * list says which year it sets targets for and which year its published scores are from, and
 * nothing downstream names a year except through these two fields.
 */
import { PAR_ROWS } from './par';
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
  /** Every row in the document's order, with 'total' first (see catalog/par.ts). */
  rows: readonly ParRow[];
}

export const PAR_LIST_2021: ParList = {
  year: 2021,
  previousYear: 2020,
  source: {
    number: '3541/UBND-SNV',
    issued: '2021-08-05',
    title: 'Danh mục các chỉ tiêu chỉ số CCHC phấn đấu đạt điểm năm 2021 của thành phố Hà Nội',
  },
  rows: PAR_ROWS,
};

/** Every list this build carries, newest year first. */
export const PAR_LISTS: readonly ParList[] = [PAR_LIST_2021];

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
