/**
 * The in-memory workbook drawn as a spreadsheet: sheet tabs, a formula bar that is also the
 * cell editor, frozen header rows and label columns, merged cells, fills and borders, the
 * results of conditional formats, and Excel's data-validation alert for typed entries.
 *
 * All keyboard input goes through the one formula-bar input, so no keystroke is lost between
 * "start editing" and the editor appearing; the grid cells only take mouse clicks.
 * Contract for browser tests: every cell has `data-address` ('B7'); every sheet tab is a button
 * whose accessible name is the sheet's name.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- MemoryWorkbook.getCell returns a plain snapshot (CellView), not an Office.js proxy; the rule only sees the name getCell */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { cellAddress, columnLetter, parseCell, parseRange } from '../layout/a1';
import type { CellView, MemoryWorkbook, SheetView, ValidationVerdict } from '../memoryExcel';
import type { PlaygroundStrings } from './strings';

const PX_PER_PT = 4 / 3;
const ROW_HEADER_PX = 40;
const HIDDEN_COL_PX = 12;
const HIDDEN_ROW_PX = 5;
const GRID_LINE = '#e1e1e1';
const SELECTION = '#217346';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    minHeight: 0,
    flexGrow: 1,
    position: 'relative',
    backgroundColor: '#ffffff',
  },
  formulaBar: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    backgroundColor: '#f8f8f8',
  },
  nameBox: {
    minWidth: '56px',
    padding: '2px 6px',
    border: `1px solid ${GRID_LINE}`,
    backgroundColor: '#ffffff',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: '12px',
  },
  fx: { fontStyle: 'italic', color: '#666', fontFamily: 'serif' },
  editor: {
    flexGrow: 1,
    minWidth: 0,
    padding: '3px 6px',
    border: `1px solid ${GRID_LINE}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: '13px',
    ':focus': { outline: `2px solid ${SELECTION}`, outlineOffset: '-1px' },
  },
  editing: { backgroundColor: '#fffde7' },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    position: 'relative',
  },
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
    height: '20px',
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 'normal',
    fontSize: '12px',
    textAlign: 'center',
    borderRight: `1px solid #d4d4d4`,
    borderBottom: `1px solid #d4d4d4`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    padding: 0,
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 'normal',
    fontSize: '12px',
    textAlign: 'center',
    borderRight: `1px solid #d4d4d4`,
    borderBottom: `1px solid #d4d4d4`,
    padding: 0,
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
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: '2px',
    rowGap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid #d4d4d4`,
    backgroundColor: '#f3f3f3',
  },
  tab: {
    padding: '3px 10px',
    border: `1px solid #d4d4d4`,
    borderTopWidth: 0,
    borderRadius: '0 0 4px 4px',
    backgroundColor: '#e9e9e9',
    color: '#333',
    fontFamily: tokens.fontFamilyBase,
    fontSize: '12px',
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  tabActive: {
    backgroundColor: '#ffffff',
    color: SELECTION,
    fontWeight: 'bold',
    borderBottom: `2px solid ${SELECTION}`,
  },
  status: {
    minHeight: '20px',
    padding: `2px ${tokens.spacingHorizontalS}`,
    fontSize: '12px',
    color: '#555',
    backgroundColor: '#f8f8f8',
    borderTop: `1px solid ${GRID_LINE}`,
  },
  overlay: {
    position: 'absolute',
    inset: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(0,0,0,0.15)',
  },
  dialog: {
    maxWidth: '420px',
    backgroundColor: '#ffffff',
    border: '1px solid #999',
    boxShadow: tokens.shadow28,
    fontFamily: tokens.fontFamilyBase,
    fontSize: '13px',
  },
  dialogTitle: {
    margin: 0,
    padding: '8px 12px',
    fontSize: '13px',
    fontWeight: 'normal',
    borderBottom: '1px solid #ddd',
  },
  dialogBody: { padding: '12px 16px', display: 'flex', columnGap: '12px', alignItems: 'flex-start' },
  dialogIcon: {
    flexShrink: 0,
    width: '28px',
    height: '28px',
    borderRadius: '50%',
    color: '#ffffff',
    fontWeight: 'bold',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  },
  iconStop: { backgroundColor: '#c42b1c' },
  iconWarning: { backgroundColor: '#e8a317' },
  iconInformation: { backgroundColor: '#0f6cbd' },
  dialogButtons: { display: 'flex', justifyContent: 'flex-end', columnGap: '8px', padding: '0 16px 12px' },
  dialogButton: { minWidth: '72px', padding: '4px 10px', fontFamily: tokens.fontFamilyBase, fontSize: '13px' },
});

type Move = [number, number];

interface Editor {
  address: string;
  draft: string;
  /** 'enter': started by typing (arrow keys commit and move, as in Excel); 'edit': F2 / double-click. */
  mode: 'enter' | 'edit';
}

interface Alert {
  address: string;
  text: string;
  move: Move;
  /** null: the entry was refused without a validation alert (a malformed formula). */
  alert: ValidationVerdict['alert'];
}

/** Text of a paste as rows of cells (tab-separated lines, a final newline ignored). */

type AlertAction = 'retry' | 'accept' | 'cancel';

/**
 * The buttons of Excel's data-validation alert by style, first one focused. A formula error (no
 * alert) shows a lone OK: its 'retry' label is swapped for OK where the buttons are drawn.
 */
function alertButtons(style: string | undefined): [AlertAction, 'retry' | 'ok' | 'yes' | 'no' | 'cancel'][] {
  if (style === 'Warning')
    return [
      ['accept', 'yes'],
      ['retry', 'no'],
      ['cancel', 'cancel'],
    ];
  if (style === 'Information')
    return [
      ['accept', 'ok'],
      ['cancel', 'cancel'],
    ];
  return style === undefined
    ? [['retry', 'retry']]
    : [
        ['retry', 'retry'],
        ['cancel', 'cancel'],
      ];
}

export function clipboardRows(text: string): string[][] {
  const lines = text.replace(/(\r\n|\n|\r)$/, '').split(/\r\n|\n|\r/);
  return lines.map((line) => line.split('\t'));
}

function topLeft(selection: string | null): string {
  if (!selection) return 'A1';
  const r = parseRange(selection);
  return cellAddress(r.top, r.left);
}

function editText(cell: CellView): string {
  return cell.formula ?? cell.text;
}

const ARROWS: Record<string, Move> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export interface SheetGridProps {
  workbook: MemoryWorkbook;
  strings: PlaygroundStrings;
}

export function SheetGrid({ workbook, strings }: SheetGridProps) {
  const styles = useStyles();
  const [, setTick] = useState(0);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [alert, setAlert] = useState<Alert | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const theadRef = useRef<HTMLTableSectionElement>(null);
  const alertButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => workbook.subscribe(() => setTick((n) => n + 1)), [workbook]);

  const sheetNames = workbook.sheetNames();
  const views = sheetNames.map((name) => workbook.sheetView(name));
  const visible = views.filter((v) => v.visibility === 'Visible');
  const active = views.find((v) => v.active && v.visibility === 'Visible') ?? visible[0];
  const sheet = active?.name ?? null;
  const selected = topLeft(active?.selection ?? null);
  const selectedCell = sheet ? workbook.getCell(sheet, selected) : null;

  // Keep the selected cell in view (the task pane's "go to cell" moves the selection) and
  // clear of the frozen header.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const headerHeight = theadRef.current?.offsetHeight ?? 0;
    scroller.style.scrollPaddingTop = `${headerHeight}px`;
    scroller.style.scrollPaddingLeft = `${scroller.querySelector('table')?.dataset.frozenWidth ?? ROW_HEADER_PX}px`;
    const td = scroller.querySelector<HTMLElement>(`td[data-address="${selected}"]`);
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [sheet, selected]);

  useEffect(() => {
    if (alert) alertButtonRef.current?.focus();
  }, [alert]);

  const report = (e: unknown) => setFailure(e instanceof Error ? e.message : String(e));

  const select = (address: string) => {
    if (sheet) workbook.selectFromUser(sheet, address);
  };

  const moveFrom = (address: string, [dr, dc]: Move) => {
    const { row, col } = parseCell(address);
    select(cellAddress(Math.max(1, row + dr), Math.max(1, col + dc)));
  };

  const write = async (address: string, text: string, move: Move, confirmWarnings: boolean) => {
    if (!sheet) return;
    const result = await workbook.setCellFromUser(sheet, address, text, { confirmWarnings });
    if (!result.accepted) {
      setAlert({ address, text, move, alert: result.alert });
      return;
    }
    moveFrom(address, move);
  };

  /** Enter pressed: Excel checks the cell's data validation before accepting a typed value. */
  const commit = (address: string, text: string, move: Move) => {
    setEditor(null);
    if (!sheet) return;
    const verdict = workbook.validateTypedValue(sheet, address, text);
    if (!verdict.valid && verdict.alert) {
      setAlert({ address, text, move, alert: verdict.alert });
      return;
    }
    write(address, text, move, true).catch(report);
  };

  const closeAlert = (then: 'retry' | 'accept' | 'cancel') => {
    if (!alert) return;
    setAlert(null);
    if (then === 'retry') setEditor({ address: alert.address, draft: alert.text, mode: 'edit' });
    if (then === 'accept') write(alert.address, alert.text, alert.move, true).catch(report);
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (alert || !sheet || !selectedCell) return;
    const arrow = ARROWS[e.key];
    if (editor) {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit(editor.address, editor.draft, e.shiftKey ? [-1, 0] : [1, 0]);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        commit(editor.address, editor.draft, e.shiftKey ? [0, -1] : [0, 1]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setEditor(null);
      } else if (arrow && editor.mode === 'enter') {
        e.preventDefault();
        commit(editor.address, editor.draft, arrow);
      }
      return;
    }
    if (arrow) {
      e.preventDefault();
      moveFrom(selected, arrow);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      moveFrom(selected, e.shiftKey ? [-1, 0] : [1, 0]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      moveFrom(selected, e.shiftKey ? [0, -1] : [0, 1]);
    } else if (e.key === 'F2') {
      e.preventDefault();
      setEditor({ address: selected, draft: editText(selectedCell), mode: 'edit' });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      workbook.setCellFromUser(sheet, selected, '').catch(report);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing replaces the cell's content, as in Excel.
      e.preventDefault();
      setEditor({ address: selected, draft: e.key, mode: 'enter' });
    }
  };

  const onPaste = (e: React.ClipboardEvent<HTMLInputElement>) => {
    if (editor || !sheet) return;
    e.preventDefault();
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    workbook.pasteFromUser(sheet, selected, clipboardRows(text)).catch(report);
  };

  const startEdit = (address: string) => {
    if (!sheet) return;
    select(address);
    setEditor({ address, draft: editText(workbook.getCell(sheet, address)), mode: 'edit' });
    inputRef.current?.focus();
  };

  const onCellMouseDown = (address: string, e: React.MouseEvent) => {
    if (alert) return;
    e.preventDefault();
    if (editor) commit(editor.address, editor.draft, [0, 0]);
    select(address);
    inputRef.current?.focus();
  };

  const prompt = sheet && !editor ? workbook.validationPrompt(sheet, selected) : null;

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar}>
        <span className={styles.nameBox} aria-hidden="true">
          {editor?.address ?? selected}
        </span>
        <span className={styles.fx} aria-hidden="true">
          fx
        </span>
        <input
          ref={inputRef}
          className={mergeClasses(styles.editor, editor ? styles.editing : undefined)}
          aria-label={strings.cellContent(editor?.address ?? selected)}
          data-testid="cell-editor"
          value={editor ? editor.draft : selectedCell ? editText(selectedCell) : ''}
          onChange={(e) =>
            setEditor((ed) =>
              ed ? { ...ed, draft: e.target.value } : { address: selected, draft: e.target.value, mode: 'edit' },
            )
          }
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div ref={scrollerRef} className={styles.scroller}>
        {active && (
          <Grid
            workbook={workbook}
            view={active}
            selected={selected}
            editor={editor}
            strings={strings}
            styles={styles}
            theadRef={theadRef}
            onCellMouseDown={onCellMouseDown}
            onCellDoubleClick={startEdit}
          />
        )}
      </div>
      <div className={styles.status} role="status">
        {failure ??
          (prompt
            ? `${prompt.title}${prompt.title && prompt.message ? ': ' : ''}${prompt.message}`
            : strings.pasteHint)}
      </div>
      <nav className={styles.tabs} aria-label={strings.sheetTabs}>
        {visible.map((v) => (
          <button
            key={v.id}
            type="button"
            className={mergeClasses(styles.tab, v.name === sheet && styles.tabActive)}
            aria-current={v.name === sheet ? 'true' : undefined}
            style={v.tabColor && v.name !== sheet ? { borderTop: `3px solid ${v.tabColor}` } : undefined}
            onClick={() => {
              setEditor(null);
              workbook.activateFromUser(v.name).catch(report);
            }}
          >
            {v.name}
          </button>
        ))}
      </nav>
      {alert && (
        <div className={styles.overlay}>
          <div
            className={styles.dialog}
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="pg-alert-title"
            aria-describedby="pg-alert-message"
          >
            <h2 id="pg-alert-title" className={styles.dialogTitle}>
              {alert.alert?.title || strings.defaultAlertTitle}
            </h2>
            <div className={styles.dialogBody}>
              <span
                aria-hidden="true"
                className={mergeClasses(
                  styles.dialogIcon,
                  alert.alert?.style === 'Warning'
                    ? styles.iconWarning
                    : alert.alert?.style === 'Information'
                      ? styles.iconInformation
                      : styles.iconStop,
                )}
              >
                {alert.alert?.style === 'Information' ? 'i' : alert.alert?.style === 'Warning' ? '!' : '×'}
              </span>
              <div id="pg-alert-message">
                {alert.alert ? alert.alert.message || strings.defaultAlertMessage : strings.badFormula}
                {alert.alert?.style === 'Warning' && <div>{strings.continueQuestion}</div>}
              </div>
            </div>
            <div className={styles.dialogButtons}>
              {alertButtons(alert.alert?.style).map(([then, label], i) => (
                <button
                  key={then}
                  ref={i === 0 ? alertButtonRef : undefined}
                  type="button"
                  className={styles.dialogButton}
                  onClick={() => closeAlert(then)}
                >
                  {label === 'retry' && !alert.alert ? strings.ok : strings[label]}
                </button>
              ))}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

interface GridProps {
  workbook: MemoryWorkbook;
  view: SheetView;
  selected: string;
  editor: Editor | null;
  strings: PlaygroundStrings;
  styles: ReturnType<typeof useStyles>;
  theadRef: React.RefObject<HTMLTableSectionElement>;
  onCellMouseDown(address: string, e: React.MouseEvent): void;
  onCellDoubleClick(address: string): void;
}

/** Sheets here are small (≤ ~150 rows × 12 columns): every cell is drawn. */
function Grid({
  workbook,
  view,
  selected,
  editor,
  strings,
  styles,
  theadRef,
  onCellMouseDown,
  onCellDoubleClick,
}: GridProps) {
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
