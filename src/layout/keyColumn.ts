/**
 * Column A of every template sheet: the marker in A1, then the key of every keyed row (hidden).
 * Rows are found by these keys (engine/rowKeys.ts), never by position; the reporter's line has a
 * key of its own and one input. A module of its own so that the code which only finds rows does
 * not load the sheet builders.
 */
export const KEY_COL = 1;
export const REPORTER_KEY = 'meta.reporter';
/** Column id of the reporter line's input cell in `RowPlan.inputs`. */
export const REPORTER_COLUMN = 'reporter';
