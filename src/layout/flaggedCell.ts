/** A cell a check marks, with the colour it takes: 'error' when any of its findings is an error. */
export interface FlaggedCell {
  cell: string;
  severity: 'error' | 'warning';
}
