/** Names the adapter gives things in the workbook, kept apart so that importing them loads no operation. */

/** The sheet where values with no place in a new layout are kept, newest first. */
export const UNPLACED_SHEET = 'CCHC – chưa xếp';
