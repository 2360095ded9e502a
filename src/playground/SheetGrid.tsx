/**
 * The in-memory workbook drawn as a spreadsheet: sheet tabs, a formula bar that is also the
 * cell editor, frozen header rows and label columns, merged cells, fills and borders, the
 * results of conditional formats, and Excel's data-validation alert for typed entries.
 *
 * All keyboard input goes through the one formula-bar input, so no keystroke is lost between
 * "start editing" and the editor appearing; the grid cells only take mouse clicks.
 * Contract for browser tests: every cell has `data-address` ('B7'); every sheet tab is a button
 * whose accessible name is the sheet's name.
 *
 * This module holds the state, the keyboard and the frame (formula bar, status line, tabs); the
 * cells are drawn by SheetTable.tsx, the alert by ValidationAlertDialog.tsx, and the editing
 * conventions (arrows, paste splitting) are in cellEditing.ts.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { cellAddress, parseCell } from '../layout/a1';
import type { MemoryWorkbook } from '../memoryExcel';
import { ARROWS, clipboardRows, editText, topLeft, type Editor, type Move } from './cellEditing';
import { EDITING_FILL, GRID_LINE, ROW_HEADER_PX, SELECTION } from './gridTheme';
import { SheetTable } from './SheetTable';
import type { PlaygroundStrings } from './strings';
import { ValidationAlertDialog, type Alert, type AlertAction } from './ValidationAlertDialog';

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
  editing: { backgroundColor: EDITING_FILL },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    position: 'relative',
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
});

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

  const closeAlert = (then: AlertAction) => {
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
          <SheetTable
            workbook={workbook}
            view={active}
            selected={selected}
            editor={editor}
            strings={strings}
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
            onClick={() => {
              setEditor(null);
              workbook.activateFromUser(v.name).catch(report);
            }}
          >
            {v.name}
          </button>
        ))}
      </nav>
      {alert && <ValidationAlertDialog alert={alert} strings={strings} onClose={closeAlert} />}
    </div>
  );
}
