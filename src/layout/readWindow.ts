/**
 * The area read on each template sheet, wherever it is read (the adapter in Excel, the .xlsx
 * reader of the CLI and the pane): the largest plan with room for rows officials insert (twice
 * the rows plus 100, six more columns). A constant, so that reading builds no template plan and
 * loads no layout; src/excel/estimates.ts's planReadWindow works it out from the layouts and
 * test/excel/estimates.test.ts fails, with the value to put here, when a layout change moves it.
 * Cells beyond it are not read: the .xlsx reader counts them and names the first one.
 */
export const READ_WINDOW = 'A1:U390';

/** READ_WINDOW's last row and column (1-based). */
export const READ_WINDOW_ROWS = 390;
export const READ_WINDOW_COLUMNS = 21;
