/**
 * A synthetic 2022 PAR list made from 2021's, to prove that adding a year is adding a list:
 * criterion 1.4 is removed, 1.5 is renumbered 1.4 (same text, its key now 1.4), a new criterion
 * 1.7 is added (area 1 keeps its maximum), and every target is new (each leaf's maximum in area
 * 1, parents' the sum of their children's). Its published previous-year scores are 2021's list's
 * own (a real 2022 list would carry 2021's published results).
 *
 * Tests put it into the catalog with `jest.mock(<path to src/catalog/parLists>, () =>
 * require(<this file>).parListsWith2022())`: the code under test then carries 2022 as its newest
 * list, exactly as it would once the data file holds it.
 */
import type { ParList } from '../../src/catalog/parLists';
import type { ParRow } from '../../src/catalog/types';

type ParListsModule = typeof import('../../src/catalog/parLists');

/** Thousandths, as the sheets and the engine count. */
const milli = (n: number): number => Math.round(n * 1000) / 1000;

export function synthetic2022(list2021: ParList, options: Synthetic2022Options = {}): ParList {
  const rows = list2021.rows.map((r) => ({ ...r, children: [...r.children] }) as ParRow);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const area1 = byId.get('1') as ParRow;
  const removed = byId.get('1.4') as ParRow;
  const renumbered = byId.get('1.5') as ParRow;
  const added: ParRow = {
    ...removed,
    id: '1.7',
    stt: '1.7',
    label: 'Ứng dụng trí tuệ nhân tạo trong chỉ đạo, điều hành CCHC (tiêu chí mới năm 2022)',
    previousScore: 0,
    target: removed.max,
    tasks: ['Triển khai thí điểm trợ lý ảo hỗ trợ chỉ đạo, điều hành CCHC.'],
    deadline: ['Quý IV/2022'],
  };
  const moved: ParRow = { ...renumbered, id: '1.4', stt: '1.4' };
  area1.children = area1.children.filter((c) => c !== '1.4' && c !== '1.5');
  area1.children.splice(3, 0, '1.4');
  area1.children.push('1.7');
  const out = rows.filter((r) => r.id !== '1.4' && r.id !== '1.5');
  const at = out.findIndex((r) => r.id === '1.6');
  out.splice(at, 0, moved);
  out.splice(out.findIndex((r) => r.id === '1.6') + 1, 0, added);
  if (options.eighthCriterion) {
    // 1.7's maximum shared with a new 1.8: one row more than 2021's sheet, area 1's maximum kept.
    const split = milli(added.max / 2);
    const eighth: ParRow = {
      ...added,
      id: '1.8',
      stt: '1.8',
      label: `${added.label} (phần hai)`,
      max: split,
      target: split,
    };
    added.max = milli(added.max - split);
    added.target = added.max;
    area1.children.push('1.8');
    out.splice(out.findIndex((r) => r.id === '1.7') + 1, 0, eighth);
  }
  const index = new Map(out.map((r) => [r.id, r]));
  // New targets: area 1's leaves at their maximum; every parent the sum of its children.
  for (const id of area1.children) (index.get(id) as ParRow).target = (index.get(id) as ParRow).max;
  const targetOf = (r: ParRow): number => {
    if (r.children.length === 0) return r.target;
    r.target = milli(r.children.reduce((s, c) => s + targetOf(index.get(c) as ParRow), 0));
    return r.target;
  };
  targetOf(index.get('total') as ParRow);
  return {
    year: 2022,
    previousYear: 2021,
    source: {
      number: '9999/UBND-SNV',
      issued: '2022-06-15',
      title: 'Danh mục các chỉ tiêu chỉ số CCHC phấn đấu đạt điểm năm 2022 của thành phố Hà Nội',
    },
    rows: out,
  };
}

export interface Synthetic2022Options {
  /** A criterion 1.8 besides 1.7 (halving 1.7's maximum): 2022's sheet is a row longer than 2021's. */
  eighthCriterion?: boolean;
}

/** The parLists module with the synthetic 2022 list as its newest. */
export function parListsWith2022(options: Synthetic2022Options = {}): ParListsModule {
  const actual = jest.requireActual<ParListsModule>('../../src/catalog/parLists');
  const list2022 = synthetic2022(actual.parList(2021), options);
  const lists = [list2022, ...actual.PAR_LISTS];
  return {
    ...actual,
    PAR_LISTS: lists,
    parList(year: number): ParList {
      const list = lists.find((l) => l.year === year);
      if (!list) throw new RangeError(`No PAR list for ${year}`);
      return list;
    },
    latestParList: () => lists[0],
  };
}
