import fc from 'fast-check';
import { PAR_ROWS, parLeaves, parRow, unitById } from '../../src/catalog';
import { parseRange } from '../../src/layout/a1';
import { buildSheetPlan, PAR_COLUMNS, REPORTER_KEY } from '../../src/layout';
import { cellMap, contains, evaluator, referencedCells, rowByKey, valueAt } from './helpers';

const sheet = buildSheetPlan('PAR');
const cells = cellMap(sheet);
const leaves = PAR_ROWS.filter((r) => r.children.length === 0);
const parents = PAR_ROWS.filter((r) => r.children.length > 0);
const g = (id: string) => `G${rowByKey(sheet, id).row}`;

test('columns A…L in the required order with the required ids, then the hidden column of marks', () => {
  expect(sheet.columns.map((c) => `${c.letter}:${c.columnId}`)).toEqual([
    'A:key',
    'B:stt',
    'C:label',
    'D:max',
    'E:previousScore',
    'F:target',
    'G:score',
    'H:gap',
    'I:lead',
    'J:tasks',
    'K:deadline',
    'L:evidence',
    'U:flags', // the hidden column of marks (layout/flagColumn.ts)
  ]);
  expect(PAR_COLUMNS.map((c) => c.id)).toEqual(sheet.columns.slice(0, -1).map((c) => c.columnId));
  const [header] = sheet.headerRows;
  expect(['B', 'C', 'D', 'E', 'F', 'I', 'J', 'K'].map((l) => valueAt(sheet, `${l}${header}`))).toEqual([
    'STT',
    'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
    'Điểm tối đa',
    'Điểm năm 2020',
    'Mục tiêu năm 2021',
    'Chủ trì tham mưu',
    'Nhiệm vụ',
    'Thời gian hoàn thành',
  ]);
  expect(String(valueAt(sheet, `L${header}`))).toMatch(/^Tài liệu kiểm chứng/);
});

test('every PAR row has exactly one row plan, keyed in column A, in the seed order with the total last', () => {
  for (const r of PAR_ROWS) {
    const plans = sheet.rows.filter((p) => p.key === r.id);
    expect([r.id, plans.length]).toEqual([r.id, 1]);
    expect(valueAt(sheet, `A${plans[0].row}`)).toBe(r.id);
  }
  const dataRows = sheet.rows.filter((r) => r.key !== REPORTER_KEY);
  expect(dataRows).toHaveLength(PAR_ROWS.length);
  const rows = dataRows.map((r) => r.row);
  // Contiguous, starting right under the header.
  expect(rows).toEqual(rows.map((_, i) => sheet.headerRows[1] + 1 + i));
  expect(dataRows[dataRows.length - 1].key).toBe('total');
  // Every parent above its children except the total, which closes the list.
  for (const r of PAR_ROWS)
    if (r.parent && r.parent !== 'total') expect(rowByKey(sheet, r.parent).row).toBeLessThan(rowByKey(sheet, r.id).row);
});

test('leaves: score and evidence inputs; parents: score formula; every row: gap formula', () => {
  for (const r of leaves) {
    const plan = rowByKey(sheet, r.id);
    expect(plan).toMatchObject({ kind: 'par-leaf', inputs: { score: 'G', evidence: 'L' }, formulas: { gap: 'H' } });
    expect(cells.get(`G${plan.row}`)).toMatchObject({ style: 'input' });
    expect(cells.get(`L${plan.row}`)).toMatchObject({ style: 'input', numberFormat: '@' });
  }
  for (const r of parents)
    expect(rowByKey(sheet, r.id)).toMatchObject({
      kind: 'par-parent',
      inputs: {},
      formulas: { score: 'G', gap: 'H' },
    });
  // A leaf's gap is blank for a score the total does not count (out of 0…max, more than three decimals).
  for (const r of PAR_ROWS) {
    const n = rowByKey(sheet, r.id).row;
    expect(cells.get(`H${n}`)?.formula).toBe(
      r.children.length === 0
        ? `=IF(ISNUMBER(G${n}),IF(AND(G${n}>=0,G${n}<=D${n},ROUND(G${n},3)=G${n}),G${n}-F${n},""),"")`
        : `=IF(ISNUMBER(G${n}),G${n}-F${n},"")`,
    );
  }
});

test("each parent's G formula adds its children's G cells once each child's gap (H) counts", () => {
  for (const r of parents) {
    const formula = cells.get(g(r.id))?.formula ?? '';
    const children = r.children.map(g);
    const gaps = children.map((c) => c.replace(/^G/, 'H'));
    expect(formula).toBe(`=IF(COUNT(${gaps.join(',')})=${children.length},SUM(${children.join(',')}),"")`);
    const refs = referencedCells(formula);
    expect(new Set(refs)).toEqual(new Set([...gaps, ...children]));
    const n = Number(/\)=(\d+),/.exec(formula)?.[1]);
    expect(n).toBe(r.children.length);
  }
});

test('published figures in D, E, F; the total row holds 100, 86.07, 92.418', () => {
  for (const r of PAR_ROWS) {
    const n = rowByKey(sheet, r.id).row;
    expect([valueAt(sheet, `D${n}`), valueAt(sheet, `E${n}`), valueAt(sheet, `F${n}`)]).toEqual([
      r.max,
      r.previousScore,
      r.target,
    ]);
  }
  const total = rowByKey(sheet, 'total').row;
  expect([valueAt(sheet, `D${total}`), valueAt(sheet, `E${total}`), valueAt(sheet, `F${total}`)]).toEqual([
    100, 86.07, 92.418,
  ]);
  expect(valueAt(sheet, `B${total}`)).toBe('TỔNG ĐIỂM');
  expect(sheet.merges).toContain(`B${total}:C${total}`);
});

test('labels: areas and total bold, sub-criteria italic; lead units by full name', () => {
  for (const r of PAR_ROWS.filter((x) => x.level > 0)) {
    const n = rowByKey(sheet, r.id).row;
    expect(cells.get(`C${n}`)?.value).toBe(r.label);
    expect(cells.get(`C${n}`)?.style).toBe(r.level === 1 ? 'labelStrong' : r.level === 3 ? 'labelSub' : 'label');
    if (r.lead) expect(valueAt(sheet, `I${n}`)).toBe(unitById(r.lead).name);
  }
  expect(valueAt(sheet, `I${rowByKey(sheet, '8.4').row}`)).toBe('Cục Thuế Thành phố');
});

test('tasks as "- " bullets on separate lines, merged down over rows that share them', () => {
  for (const r of leaves.filter((x) => x.tasks.length)) {
    const n = rowByKey(sheet, r.id).row;
    const merge = sheet.merges.find((m) => contains(m, `J${n}`));
    const top = merge ? merge.split(':')[0] : `J${n}`;
    const text = String(valueAt(sheet, top));
    expect(text.split('\n')).toEqual(r.tasks.map((t) => `- ${t}`));
    if (merge) {
      // Every row under the merge has the same tasks in the catalog.
      const { top: from, bottom: to } = parseRange(merge);
      const ids = sheet.rows.filter((p) => p.row >= from && p.row <= to).map((p) => p.key);
      for (const id of ids) expect(parRow(id)?.tasks).toEqual(r.tasks);
      expect(sheet.merges).toContain(merge.replace(/J/g, 'K'));
    }
  }
  // 1.1–1.5 share their tasks in the seed.
  expect(sheet.merges).toContain(`J${rowByKey(sheet, '1.1').row}:J${rowByKey(sheet, '1.5').row}`);
});

test("leaf scores: one decimal validation from 0 to the row's maximum", () => {
  for (const r of leaves) {
    const address = g(r.id);
    const vs = sheet.validations.filter((v) => contains(v.range, address));
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ type: 'decimal', operator: 'between', min: 0, max: r.max });
    expect(vs[0].max).toBe(valueAt(sheet, address.replace('G', 'D')));
  }
});

test('rules: invalid scores against $D of their own row, overwritten parents, below target over B:L', () => {
  for (const cf of sheet.conditionalFormats.filter((c) => c.purpose === 'invalid' && c.range.startsWith('G'))) {
    const top = parseRange(cf.range).top;
    expect(cf.formula).toContain(`$D${top}`);
    expect(cf.formula).toContain(`ROUND(G${top},3)<>G${top}`);
  }
  const overwritten = sheet.conditionalFormats.filter((c) => c.purpose === 'formulaOverwritten');
  for (const r of parents) expect(overwritten.filter((c) => contains(c.range, g(r.id)))).toHaveLength(1);
  for (const r of leaves) expect(overwritten.some((c) => contains(c.range, g(r.id)))).toBe(false);
  const below = sheet.conditionalFormats.filter((c) => c.purpose === 'belowTarget');
  expect(below).toHaveLength(1);
  const first = rowByKey(sheet, '1').row;
  const total = rowByKey(sheet, 'total').row;
  expect(below[0].range).toBe(`B${first}:L${total}`);
  expect(below[0].formula).toBe(`=AND(ISNUMBER($G${first}),ROUND($G${first}-$F${first},3)<0)`);
});

describe('evaluated', () => {
  const leafScores = fc.tuple(
    ...leaves.map((r) => fc.integer({ min: 0, max: Math.round(r.max * 1000) }).map((n) => n / 1000)),
  );

  test('with every leaf scored, each parent equals the sum of its leaves and the total their sum', () => {
    fc.assert(
      fc.property(leafScores, (scores) => {
        const typed = Object.fromEntries(leaves.map((r, i) => [g(r.id), scores[i]]));
        const get = evaluator(sheet, typed);
        for (const p of parents) {
          const expected = parLeaves(p.id).reduce((s, leaf) => s + (typed[g(leaf.id)] as number), 0);
          expect(get(g(p.id)) as number).toBeCloseTo(expected, 9);
        }
        const total = rowByKey(sheet, 'total').row;
        expect(get(`G${total}`) as number).toBeCloseTo(
          scores.reduce((a, b) => a + b, 0),
          9,
        );
        expect(get(`H${total}`) as number).toBeCloseTo((get(`G${total}`) as number) - 92.418, 9);
      }),
      { numRuns: 20 },
    );
  });

  test('the published 2021 targets of the leaves add up to 92.418 through the formulas', () => {
    const typed = Object.fromEntries(leaves.map((r) => [g(r.id), r.target]));
    const get = evaluator(sheet, typed);
    expect(get(g('total')) as number).toBeCloseTo(92.418, 9);
    for (const p of parents) expect(get(g(p.id)) as number).toBeCloseTo(p.target, 9);
  });

  test('one blank leaf blanks exactly its ancestors', () => {
    const blank = '7.1.10';
    const typed = Object.fromEntries(leaves.filter((r) => r.id !== blank).map((r) => [g(r.id), r.max]));
    const get = evaluator(sheet, typed);
    const ancestors = new Set<string>();
    for (let p = parRow(blank)?.parent; p; p = parRow(p)?.parent) ancestors.add(p);
    expect([...ancestors].sort()).toEqual(['7', '7.1', 'total']);
    for (const p of parents) {
      if (ancestors.has(p.id)) expect(get(g(p.id))).toBe('');
      else expect(get(g(p.id)) as number).toBeCloseTo(p.max, 9);
    }
    expect(get(`H${rowByKey(sheet, 'total').row}`)).toBe('');
  });
});

test('reporter line above the header; frozen and printed header row', () => {
  const reporter = rowByKey(sheet, REPORTER_KEY);
  expect(reporter).toMatchObject({ kind: 'meta', inputs: { reporter: 'D' } });
  expect(reporter.row).toBeLessThan(sheet.headerRows[0]);
  expect(valueAt(sheet, `B${reporter.row}`)).toBe('Cơ quan, đơn vị báo cáo:');
  expect(sheet.merges).toContain(`D${reporter.row}:L${reporter.row}`);
  expect(sheet.freeze).toEqual({ rows: sheet.headerRows[1], columns: 3 });
  expect(sheet.print).toMatchObject({
    orientation: 'landscape',
    titleRows: `$${sheet.headerRows[0]}:$${sheet.headerRows[1]}`,
  });
});
