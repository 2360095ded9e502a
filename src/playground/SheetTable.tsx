/**
 * One sheet of the in-memory workbook drawn as a table: column letters and row numbers, frozen
 * header rows and label columns, merged cells, column widths and row heights, hidden rows and
 * columns, fills, fonts and borders, and the results of conditional formats. Drawing only: the
 * selection, editing and keyboard live in SheetGrid.tsx, which hands in the mouse handlers.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- MemoryWorkbook.getCell returns a plain snapshot (CellView), not an Office.js proxy; the rule only sees the name getCell */
import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { useMemo, type CSSProperties } from 'react';
import { cellAddress, columnLetter, parseCell, parseRange } from '../layout/a1';
import type { CellView, MemoryWorkbook, SheetView } from '../memoryExcel';
import type { Editor } from './cellEditing';
import { EDITING_FILL, GRID_LINE, ROW_HEADER_PX, SELECTION } from './gridTheme';
import type { PlaygroundStrings } from './strings';

const PX_PER_PT = 4 / 3;
const HIDDEN_COL_PX = 12;
const HIDDEN_ROW_PX = 5;

/** The look of column letters and row numbers. */
const HEADER_CELL = {
  backgroundColor: '#f3f3f3',
  color: '#444',
  fontWeight: 'normal',
  fontSize: '12px',
  textAlign: 'center',
  borderRight: `1px solid #d4d4d4`,
  borderBottom: `1px solid #d4d4d4`,
  padding: 0,
} as const;

const useStyles = makeStyles({
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontFamily: 'Calibri, Carlito, "Segoe UI", Arial, sans-serif',
    fontSize: '11pt',
    color: '#000000',
  },
  thead: {
    position: 'sticky',
    top: 0,
    zIndex: 3,
  },
  colHeader: {
    ...HEADER_CELL,
    height: '20px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  },
  rowHeader: {
    ...HEADER_CELL,
    position: 'sticky',
    left: 0,
    zIndex: 2,
  },
  corner: { left: 0, position: 'sticky', zIndex: 4 },
  headerActive: { backgroundColor: '#d3e3d9', color: SELECTION, fontWeight: 'bold' },
  cell: {
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    padding: '1px 3px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'clip',
    verticalAlign: 'bottom',
    backgroundColor: '#ffffff',
    cursor: 'cell',
    lineHeight: '1.25',
  },
  wrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  frozenCol: { position: 'sticky', zIndex: 1 },
  frozenEdgeRight: { boxShadow: `inset -2px 0 0 #b7b7b7` },
  frozenEdgeBottom: { boxShadow: `inset 0 -2px 0 #b7b7b7` },
  hiddenCol: {
    backgroundColor: '#eeeeee',
    color: '#9e9e9e',
    fontSize: '7px',
    padding: 0,
  },
  hiddenRow: { fontSize: 0, lineHeight: 0, padding: 0, backgroundColor: '#eeeeee' },
  selected: {
    outline: `2px solid ${SELECTION}`,
    outlineOffset: '-2px',
  },
  editing: { backgroundColor: EDITING_FILL },
});

export interface SheetTableProps {
  workbook: MemoryWorkbook;
  view: SheetView;
  selected: string;
  editor: Editor | null;
  strings: PlaygroundStrings;
  theadRef: React.RefObject<HTMLTableSectionElement>;
  onCellMouseDown(address: string, e: React.MouseEvent): void;
  onCellDoubleClick(address: string): void;
}

/** Sheets here are small (≤ ~150 rows × 12 columns): every cell is drawn. */
export function SheetTable({
  workbook,
  view,
  selected,
  editor,
  strings,
  theadRef,
  onCellMouseDown,
  onCellDoubleClick,
}: SheetTableProps) {
  const styles = useStyles();
  const rows = Math.max(view.rowCount + 3, 30);
  const cols = Math.max(view.columnCount + 1, 10);
  const frozenRows = Math.min(view.freeze?.rows ?? 0, rows);
  const frozenCols = Math.min(view.freeze?.columns ?? 0, cols);
  const cf = workbook.evaluateConditionalFormats(view.name);
  const sel = parseCell(selected);

  const widths = useMemo(() => {
    const list: number[] = [];
    for (let c = 0; c < cols; c++) {
      if (view.hiddenColumns.has(c)) list.push(HIDDEN_COL_PX);
      else list.push(Math.round((view.columnWidths.get(c) ?? view.standardWidth) * PX_PER_PT));
    }
    return list;
  }, [cols, view]);

  const lefts = useMemo(() => {
    const list: number[] = [];
    let x = ROW_HEADER_PX;
    for (let c = 0; c < frozenCols; c++) {
      list.push(x);
      x += widths[c];
    }
    return list;
  }, [frozenCols, widths]);

  // Merged areas: drawn once at their top-left cell, spanning the others.
  const { spans, covered } = useMemo(() => {
    const spanMap = new Map<string, { rowSpan: number; colSpan: number }>();
    const coveredSet = new Set<string>();
    for (const m of view.merges) {
      const r = parseRange(m);
      spanMap.set(cellAddress(r.top, r.left), { rowSpan: r.bottom - r.top + 1, colSpan: r.right - r.left + 1 });
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          if (row !== r.top || col !== r.left) coveredSet.add(cellAddress(row, col));
    }
    return { spans: spanMap, covered: coveredSet };
  }, [view.merges]);

  const renderRow = (r: number) => {
    const rowNumber = r + 1;
    const hiddenRow = view.hiddenRows.has(r);
    const heightPt = view.rowHeights.get(r) ?? view.standardHeight;
    const cells = [];
    for (let c = 0; c < cols; c++) {
      const address = cellAddress(rowNumber, c + 1);
      if (covered.has(address)) continue;
      const cell = workbook.getCell(view.name, address);
      const format = cf.get(address);
      const span = spans.get(address);
      const hiddenCol = view.hiddenColumns.has(c);
      const isSelected = address === selected;
      const editing = editor?.address === address;
      const style: CSSProperties = {};
      const fill = format?.fill ?? cell.fill;
      if (fill && fill.toUpperCase() !== '#FFFFFF') style.backgroundColor = fill;
      const color = format?.fontColor ?? cell.fontColor;
      if (color && color !== '#000000') style.color = color;
      if (format?.bold ?? cell.bold) style.fontWeight = 'bold';
      if (format?.italic ?? cell.italic) style.fontStyle = 'italic';
      if (cell.fontSize && cell.fontSize !== 11) style.fontSize = `${cell.fontSize}pt`;
      style.textAlign = horizontal(cell);
      style.verticalAlign = vertical(cell.verticalAlignment);
      if (cell.indentLevel) style.paddingLeft = `${3 + cell.indentLevel * 9}px`;
      if (cell.borders) {
        for (const side of ['top', 'bottom', 'left', 'right'] as const) {
          const b = cell.borders[side];
          if (!b || b.style === 'None') continue;
          const key = `border${side[0].toUpperCase()}${side.slice(1)}` as 'borderTop';
          style[key] =
            `${b.weight === 'Medium' || b.weight === 'Thick' ? 2 : 1}px ${b.style === 'Dash' || b.style === 'Dot' ? 'dashed' : 'solid'} ${b.color}`;
        }
      }
      // Sticky only when the whole (merged) cell lies in the frozen columns.
      const frozenCol = c + (span?.colSpan ?? 1) <= frozenCols;
      if (frozenCol) style.left = `${lefts[c]}px`;
      cells.push(
        <td
          key={address}
          data-address={address}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          title={hiddenCol ? strings.hiddenColumn : undefined}
          aria-selected={isSelected || undefined}
          className={mergeClasses(
            styles.cell,
            cell.wrapText && styles.wrap,
            frozenCol && styles.frozenCol,
            frozenCol && c + (span?.colSpan ?? 1) === frozenCols && styles.frozenEdgeRight,
            r === frozenRows - 1 && styles.frozenEdgeBottom,
            hiddenCol && styles.hiddenCol,
            hiddenRow && styles.hiddenRow,
            isSelected && styles.selected,
            editing && styles.editing,
          )}
          style={style}
          onMouseDown={(e) => onCellMouseDown(address, e)}
          onDoubleClick={() => onCellDoubleClick(address)}
        >
          {editing ? editor.draft : cell.text}
        </td>,
      );
    }
    return (
      <tr key={rowNumber} style={{ height: `${hiddenRow ? HIDDEN_ROW_PX : Math.round(heightPt * PX_PER_PT)}px` }}>
        <th scope="row" className={mergeClasses(styles.rowHeader, rowNumber === sel.row && styles.headerActive)}>
          {hiddenRow ? '' : rowNumber}
        </th>
        {cells}
      </tr>
    );
  };

  const bodyRows = [];
  for (let r = frozenRows; r < rows; r++) bodyRows.push(renderRow(r));
  const frozen = [];
  for (let r = 0; r < frozenRows; r++) frozen.push(renderRow(r));

  return (
    <table
      className={styles.table}
      aria-label={strings.sheetGrid(view.name)}
      data-frozen-width={lefts.length ? lefts[lefts.length - 1] + widths[frozenCols - 1] : ROW_HEADER_PX}
      style={{ width: `${ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0)}px` }}
    >
      <colgroup>
        <col style={{ width: `${ROW_HEADER_PX}px` }} />
        {widths.map((w, c) => (
          <col key={c} style={{ width: `${w}px` }} />
        ))}
      </colgroup>
      <thead ref={theadRef} className={styles.thead}>
        <tr>
          <th className={mergeClasses(styles.colHeader, styles.corner)} aria-hidden="true" />
          {widths.map((_, c) => (
            <th
              key={c}
              scope="col"
              className={mergeClasses(
                styles.colHeader,
                c + 1 === sel.col && styles.headerActive,
                c < frozenCols && styles.frozenCol,
              )}
              style={c < frozenCols ? { left: `${lefts[c]}px` } : undefined}
              title={view.hiddenColumns.has(c) ? strings.hiddenColumn : undefined}
            >
              {columnLetter(c + 1)}
            </th>
          ))}
        </tr>
        {frozen}
      </thead>
      <tbody>{bodyRows}</tbody>
    </table>
  );
}

function horizontal(cell: CellView): CSSProperties['textAlign'] {
  switch (cell.horizontalAlignment) {
    case 'Left':
      return 'left';
    case 'Center':
    case 'CenterAcrossSelection':
      return 'center';
    case 'Right':
      return 'right';
    case 'Justify':
    case 'Distributed':
      return 'justify';
    default:
      // General: numbers right, booleans and errors centred, text left.
      if (cell.valueType === 'Double') return 'right';
      if (cell.valueType === 'Boolean' || cell.valueType === 'Error') return 'center';
      return 'left';
  }
}

function vertical(alignment: string | undefined): CSSProperties['verticalAlign'] {
  if (alignment === 'Top') return 'top';
  if (alignment === 'Center' || alignment === 'Justify' || alignment === 'Distributed') return 'middle';
  return 'bottom';
}
