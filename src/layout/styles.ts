/**
 * The named cell styles every plan refers to. Adapters turn them into host formats; a style is
 * applied to the whole merged area of a merge whose top-left cell carries it.
 */
import type { CellStyle, StyleId } from './types';

/** Grey for headings and heading rows: also says "nothing to type here". */
const HEADER_FILL = '#D9D9D9';
/** Light yellow: a cell officials fill. */
const INPUT_FILL = '#FFF2CC';
/** Light blue: a computed cell. */
const FORMULA_FILL = '#DDEBF7';

export const STYLES: Record<StyleId, CellStyle> = {
  title: { bold: true, fontSize: 14, wrap: true, hAlign: 'center', vAlign: 'center' },
  subtitle: { italic: true, wrap: true, hAlign: 'center', vAlign: 'center' },
  header: { bold: true, fill: HEADER_FILL, wrap: true, hAlign: 'center', vAlign: 'center', border: true },
  key: { fontSize: 8, fontColor: '#808080' },
  stt: { hAlign: 'center', vAlign: 'center', border: true },
  label: { wrap: true, vAlign: 'center', border: true },
  labelStrong: { bold: true, wrap: true, vAlign: 'center', border: true },
  labelSub: { italic: true, wrap: true, vAlign: 'center', indent: 1, border: true },
  // Wrapped so that a long text input (evidence, "other forms") stays inside its cell.
  input: { fill: INPUT_FILL, wrap: true, vAlign: 'center', border: true },
  formula: { fill: FORMULA_FILL, vAlign: 'center', border: true },
  readonly: { vAlign: 'center', border: true },
  text: { wrap: true, vAlign: 'top', border: true },
  meta: { bold: true, hAlign: 'right', vAlign: 'center' },
};
