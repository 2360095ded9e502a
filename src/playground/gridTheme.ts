/**
 * Colours and sizes shared by the parts of the playground grid (formula bar and tabs in
 * SheetGrid.tsx, the cell table in SheetTable.tsx), so that the parts match.
 */

/** Width of the row-number column; also where the frozen columns start. */
export const ROW_HEADER_PX = 40;
export const GRID_LINE = '#e1e1e1';
/** Excel's green: the selection outline, the active header, the active tab. */
export const SELECTION = '#217346';
/** Background of the cell being edited and of the formula bar while editing. */
export const EDITING_FILL = '#fffde7';
