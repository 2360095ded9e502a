import { Button, Caption1, Text, ToggleButton, mergeClasses } from '@fluentui/react-components';
import { useId, useLayoutEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { Finding, Severity } from '../../engine/types';
import { flaggedCells } from '../../engine/marks';
import { findingRowTitle } from '../../engine/findingPlace';
import type { FlaggedCell } from '../../layout/flaggedCell';
import { findingKey, flatOrder, orderFindings, type FindingFilter } from '../findingList';
import { SEVERITIES } from '../model';
import { rowContext } from '../rowContext';
import { usePane } from './context';
import { useRovingFocus } from './roving';
import { usePanelStyles } from './styles';
import { useValidateStyles } from './validateStyles';

/** Long lists stay usable: show this many per group, then "show more". */
const PAGE = 25;

type Marks = ReadonlyMap<string, ReadonlyMap<string, FlaggedCell['severity']>>;

export interface FindingActions {
  onGoTo(f: Finding): void;
  /** `focusAfter`: the findings, nearest first, that take the focus once this one is gone. */
  onFix(f: Finding, focusAfter: string[]): void;
  onSuggest(f: Finding, focusAfter: string[]): void;
}

/**
 * The counts of a check, each a button narrowing the list to its severity; kept in view (sticky)
 * while the list scrolls.
 */
export function FindingCounts({
  counts,
  filter,
  onFilter,
}: {
  counts: Record<Severity, number>;
  filter: FindingFilter;
  onFilter(filter: FindingFilter): void;
}) {
  const { t, num } = usePane();
  const styles = useValidateStyles();
  const tone = { error: styles.countError, warning: styles.countWarning, info: styles.countInfo };
  return (
    <div className={styles.countsBar} data-testid="finding-counts">
      <div role="group" aria-label={t.lists.filterLabel} className={styles.counts}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            shape="circular"
            className={mergeClasses(styles.count, tone[s])}
            checked={filter === s}
            data-count={s}
            onClick={() => onFilter(filter === s ? null : s)}
          >
            {`${t.severity[s]}: ${num(counts[s])}`}
          </ToggleButton>
        ))}
      </div>
      {filter && <Caption1 role="status">{t.lists.filteredBy(t.severity[filter])}</Caption1>}
    </div>
  );
}

/**
 * The findings by what to do first: errors, then warnings, then the notes gathered by kind, each
 * kind one line that opens. One Tab stop for the list; arrow keys move between its buttons. After
 * a fix the focus goes to the finding after the fixed one (or the one before, at the end).
 */
export function FindingsList({
  findings,
  filter,
  actions,
  focusNext,
}: {
  findings: readonly Finding[];
  filter: FindingFilter;
  actions: FindingActions;
  focusNext: MutableRefObject<string[] | null>;
}) {
  const { t, num } = usePane();
  const panel = usePanelStyles();
  const styles = useValidateStyles();
  const listRef = useRef<HTMLDivElement>(null);
  const arrows = useRovingFocus(listRef, 'button');
  const ordered = useMemo(() => orderFindings(findings, filter), [findings, filter]);
  const order = useMemo(() => flatOrder(ordered).map(findingKey), [ordered]);
  const marks = useMemo(() => marksBySheet(findings), [findings]);
  /** Kinds of note the official opened: kept open through later reports (live checking, a fix). */
  const [openKinds, setOpenKinds] = useState<ReadonlySet<string>>(() => new Set());
  const toggleKind = (code: string) =>
    setOpenKinds((prev) => {
      const next = new Set(prev);
      if (!next.delete(code)) next.add(code);
      return next;
    });

  useLayoutEffect(() => {
    const keys = focusNext.current;
    const list = listRef.current;
    if (!keys) return;
    focusNext.current = null;
    const items = new Map(
      [...(list?.querySelectorAll<HTMLElement>('li[data-key]') ?? [])].map((li) => [li.dataset.key, li]),
    );
    const target = keys.map((k) => items.get(k)).find((li) => li !== undefined) ?? list?.querySelector('li');
    target?.querySelector<HTMLElement>('button')?.focus();
  }, [findings, focusNext]);

  const after = (f: Finding) => {
    const at = order.indexOf(findingKey(f));
    return [...order.slice(at + 1), ...order.slice(0, at).reverse()];
  };
  const itemActions: FindingActions & { after(f: Finding): string[] } = { ...actions, after };

  return (
    <div ref={listRef} {...arrows} role="group" aria-label={t.findingsListLabel}>
      {ordered.errors.length > 0 && (
        <SeverityGroup severity="error" findings={ordered.errors} marks={marks} actions={itemActions} />
      )}
      {ordered.warnings.length > 0 && (
        <SeverityGroup severity="warning" findings={ordered.warnings} marks={marks} actions={itemActions} />
      )}
      {ordered.notes.length > 0 && (
        <>
          <h3 className={styles.severityHeading}>
            {`${t.severity.info} (${num(ordered.notes.reduce((n, k) => n + k.findings.length, 0))})`}
          </h3>
          <ul className={panel.list}>
            {ordered.notes.map((kind) => (
              <NoteKindItem
                key={kind.code}
                code={kind.code}
                open={openKinds.has(kind.code)}
                onToggle={() => toggleKind(kind.code)}
                findings={kind.findings}
                marks={marks}
                actions={itemActions}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type ItemActions = FindingActions & { after(f: Finding): string[] };

function SeverityGroup({
  severity,
  findings,
  marks,
  actions,
}: {
  severity: Severity;
  findings: Finding[];
  marks: Marks;
  actions: ItemActions;
}) {
  const { t, num } = usePane();
  const styles = useValidateStyles();
  return (
    <>
      <h3 className={styles.severityHeading}>{`${t.severity[severity]} (${num(findings.length)})`}</h3>
      <PagedFindings findings={findings} marks={marks} actions={actions} />
    </>
  );
}

/** One kind of note as one line ("26 mục chưa có nội dung") that opens to its findings. */
function NoteKindItem({
  code,
  open,
  onToggle,
  findings,
  marks,
  actions,
}: {
  code: string;
  open: boolean;
  onToggle(): void;
  findings: Finding[];
  marks: Marks;
  actions: ItemActions;
}) {
  const { t, num } = usePane();
  const styles = useValidateStyles();
  const listId = useId();
  return (
    <li data-note-kind={code}>
      <Button
        size="small"
        appearance="subtle"
        className={styles.kind}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={onToggle}
      >
        {`${open ? '▾' : '▸'} ${t.lists.noteKind(code, num(findings.length))}`}
      </Button>
      {open && (
        <div id={listId} className={styles.kindList}>
          <PagedFindings findings={findings} marks={marks} actions={actions} />
        </div>
      )}
    </li>
  );
}

function PagedFindings({ findings, marks, actions }: { findings: Finding[]; marks: Marks; actions: ItemActions }) {
  const { t, num } = usePane();
  const panel = usePanelStyles();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <ul className={panel.list}>
        {findings.slice(0, shown).map((f) => (
          <FindingItem key={findingKey(f)} finding={f} mark={markOf(marks, f)} actions={actions} />
        ))}
      </ul>
      {findings.length > shown && (
        <Button size="small" appearance="transparent" onClick={() => setShown((n) => n + PAGE)}>
          {t.showMore(num(Math.min(PAGE, findings.length - shown)))}
        </Button>
      )}
    </>
  );
}

function FindingItem({
  finding: f,
  mark,
  actions,
}: {
  finding: Finding;
  mark: FlaggedCell['severity'] | undefined;
  actions: ItemActions;
}) {
  const { t, lang, busy } = usePane();
  const panel = usePanelStyles();
  const styles = useValidateStyles();
  const markClass = { error: styles.markError, warning: styles.markWarning };
  const title = findingRowTitle(f, lang);
  // Where the finding is: its sheet, and the headings above its row (the row itself is the title).
  const where = [t.findingsOf(f.sheet), ...rowContext(f.rowKey)].join(' › ');
  return (
    <li
      data-key={findingKey(f)}
      className={mergeClasses(panel.item, styles[f.severity])}
      data-finding={f.code}
      data-cell={f.cell}
      data-severity={f.severity}
    >
      <Caption1 className={panel.muted} data-where>
        {where}
      </Caption1>
      {title && (
        <Text size={200} className={styles.rowTitle}>
          {title}
        </Text>
      )}
      <Text size={200}>{f.message[lang]}</Text>
      {/* Which separator this Excel uses is said once, by the message itself (the engine's
          "Excel này dùng …", only when Excel reported it), not again by the pane. */}
      {f.fix && <Caption1 className={panel.muted}>{f.fix.description[lang]}</Caption1>}
      {f.suggestion && <Caption1 data-suggestion>{t.suggestionLabel(f.suggestion.description[lang])}</Caption1>}
      <div className={styles.findingActions}>
        <span
          className={mark ? mergeClasses(panel.cellRef, styles.mark, markClass[mark]) : panel.cellRef}
          data-mark={mark}
        >
          {f.cell}
        </span>
        <Button
          size="small"
          appearance="secondary"
          disabledFocusable={busy}
          aria-label={`${t.goToCell} ${f.cell}`}
          onClick={() => actions.onGoTo(f)}
        >
          {t.goToCell}
        </Button>
        {f.fix && (
          <Button
            size="small"
            appearance="primary"
            disabledFocusable={busy}
            aria-label={`${t.fix} ${f.cell}`}
            onClick={() => actions.onFix(f, actions.after(f))}
          >
            {t.fix}
          </Button>
        )}
        {f.suggestion && (
          <Button
            size="small"
            appearance="secondary"
            disabledFocusable={busy}
            aria-label={`${t.applySuggestion} ${f.cell}`}
            onClick={() => actions.onSuggest(f, actions.after(f))}
          >
            {t.applySuggestion}
          </Button>
        )}
      </div>
    </li>
  );
}

/**
 * How each cell is marked in its sheet, worked out by the function that writes the marks: a cell
 * with an error and a warning reads as an error here too, and a whole-row finding (never marked)
 * has no colour.
 */
function marksBySheet(findings: readonly Finding[]): Marks {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  return new Map(
    [...bySheet].map(([sheet, list]) => [sheet, new Map(flaggedCells(list).map((c) => [c.cell, c.severity]))]),
  );
}

function markOf(marks: Marks, f: Finding): FlaggedCell['severity'] | undefined {
  if (f.column === null) return undefined;
  return marks.get(f.sheet)?.get(f.cell.replace(/\$/g, '').toUpperCase());
}
