/**
 * The read window and the read reservations, worked out from the template layouts
 * (src/excel/estimates.ts). core.ts holds the window as a constant so that opening the pane
 * builds no plan: this test keeps the constant equal to what the layouts define.
 */
import { TEMPLATE_IDS } from '../../src/catalog';
import { readWindow } from '../../src/excel/core';
import { READ_WINDOW, READ_WINDOW_COLUMNS, READ_WINDOW_ROWS } from '../../src/layout/readWindow';
import { planReadWindow, readEstimate } from '../../src/excel/estimates';
import { planOf } from './helpers';
import { columnLetter } from '../../src/layout/a1';

test("the read window is the layouts' own: a layout that grows or shrinks fails here, with the value for layout/readWindow.ts", () => {
  expect({ READ_WINDOW: readWindow() }).toEqual({ READ_WINDOW: planReadWindow() });
});

test("the .xlsx reader's bounds are READ_WINDOW's last row and column", () => {
  expect(`A1:${columnLetter(READ_WINDOW_COLUMNS)}${READ_WINDOW_ROWS}`).toBe(READ_WINDOW);
});

test('every template fits the window with room for as many rows again', () => {
  const rows = Number(READ_WINDOW.split(':')[1].replace(/^[A-Z]+/, ''));
  for (const id of TEMPLATE_IDS)
    expect(rows).toBeGreaterThanOrEqual(2 * Math.max(...planOf(id).rows.map((r) => r.row)));
});

test("a sheet's answer is estimated from its layout; an unknown sheet costs the most", () => {
  for (const id of TEMPLATE_IDS) {
    expect(readEstimate(id)).toBeGreaterThan(0);
    expect(readEstimate(null)).toBeGreaterThanOrEqual(readEstimate(id));
  }
});
