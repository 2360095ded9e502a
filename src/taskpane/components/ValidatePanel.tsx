import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Finding, Severity } from '../../engine/types';
import { flaggedCells } from '../../engine/marks';
import type { FlaggedCell } from '../../layout/flaggedCell';
import { CF_FORMATS } from '../../layout/rules';
import { findingRowTitle } from '../../engine/findingPlace';
import { SEVERITIES, actionable, groupFindings, notesOf } from '../model';
import type { FixReport, ValidationReport } from '../../contracts/operations';
import { usePane } from './context';
import { MarksLegend } from './MarksLegend';
import { Pill, type PillTone } from './Pill';
import { PanelSection } from './PanelSection';
import { useRovingFocus } from './roving';
import { usePanelStyles } from './styles';

/** Long lists stay usable: show this many per group, then "show more". */
const PAGE = 25;

const SEVERITY_TONE: Record<Severity, PillTone> = {
  error: 'danger',
  warning: 'warning',
  info: 'info',
};

const useStyles = makeStyles({
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  findingActions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  // Errors red, warnings amber, notes grey: told apart by colour and by the group heading.
  error: {
    borderLeft: `4px solid ${tokens.colorStatusDangerBorder2}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
  },
  warning: {
    borderLeft: `4px solid ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  info: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  // The legend of the sheet's colours: a marked cell's reference is drawn as the check's mark
  // draws the cell (the plan's own colours, so the two cannot drift apart).
  mark: {
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  markError: {
    backgroundColor: CF_FORMATS.flagged.fill,
    color: CF_FORMATS.flagged.fontColor,
    fontWeight: tokens.fontWeightBold,
  },
  markWarning: {
    backgroundColor: CF_FORMATS.flaggedWarning.fill,
    color: CF_FORMATS.flaggedWarning.fontColor,
    fontWeight: tokens.fontWeightBold,
  },
  rowTitle: { fontWeight: tokens.fontWeightSemibold },
  severityHeading: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function ValidatePanel() {
  const { ops, t, lang, busy, run, showError, num, workbookEpoch } = usePane();
  const panel = usePanelStyles();
  const styles = useStyles();
  const headingId = useId();
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [liveAt, setLiveAt] = useState<Date | null>(null);
  const [live, setLive] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [fixReport, setFixReport] = useState<(FixReport & { suggestion: boolean }) | null>(null);
  /** "Sửa tất cả" pressed: the fixes it would write, shown until confirmed or cancelled. */
  const [preview, setPreview] = useState<Finding[] | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  /** After "Sửa": the finding that takes the keyboard focus once the list is redrawn. */
  const focusNext = useRef<string[] | null>(null);
  const arrows = useRovingFocus(listRef, 'button');
  const showErrorRef = useRef(showError);
  showErrorRef.current = showError;

  // Live validation starts once the pane has read the workbook (it would only compete with that
  // first read), then runs for as long as the pane is open and the switch is on; restarted after
  // templates are inserted so new sheets are watched too.
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!busy) setArmed(true);
  }, [busy]);
  useEffect(() => {
    if (!live || !armed) return undefined;
    let stopped = false;
    let stop: (() => Promise<void>) | null = null;
    // Failures inside the change handlers have no caller: they come back through onError.
    ops
      .startLiveValidation(
        (r) => {
          if (stopped) return;
          setReport(r);
          setLiveAt(new Date());
        },
        (e) => {
          if (!stopped) showErrorRef.current(e);
        },
      )
      .then(
        (stopFn) => {
          if (stopped) stopFn().catch((e: unknown) => showErrorRef.current(e));
          else stop = stopFn;
        },
        (e: unknown) => {
          if (stopped) return;
          showErrorRef.current(e);
          setLive(false);
        },
      );
    return () => {
      stopped = true;
      if (stop) stop().catch((e: unknown) => showErrorRef.current(e));
    };
  }, [ops, live, armed, workbookEpoch]);

  const validate = async () => {
    setNotice(null);
    setFixReport(null);
    const result = await run('validate', (onProgress) => ops.validate(onProgress));
    if (result) {
      setReport(result.value);
      setLiveAt(null);
      // Live checking may already show the same list: say that every sheet was read again.
      setCheckedAt(new Date());
    }
  };

  /** Writes fixes (or one suggestion), then checks again. */
  const write = async (change: () => Promise<FixReport>, suggestion: boolean, focusAfter?: string[]) => {
    setNotice(null);
    setCheckedAt(null);
    setPreview(null);
    focusNext.current = focusAfter ?? null;
    const result = await run('fix', async () => {
      const fixed = await change();
      const after = await ops.validate();
      return { fixed, after };
    });
    if (result) {
      setFixReport({ ...result.value.fixed, suggestion });
      setReport(result.value.after);
      setLiveAt(null);
    }
  };
  const applyFixes = (findings: Finding[], focusAfter?: string[]) =>
    write(() => ops.applyFixes(findings), false, focusAfter);

  const removeMarks = async () => {
    const result = await run('removeMarks', () => ops.removeMarks());
    if (result) setNotice(t.marksRemoved);
  };

  const goTo = (finding: Finding) => {
    void run('goTo', () => ops.goToCell(finding.sheet, finding.cell));
  };

  // The source document's rounding notes belong to the totals view, not to the user's problems.
  const shown = report ? actionable(report.findings) : [];
  const hiddenCount = report ? report.findings.length - shown.length : 0;
  const fixable = shown.filter((f) => f.fix);
  const nothing = report !== null && report.cellsChecked === 0;
  const markClass = {
    error: mergeClasses(styles.mark, styles.markError),
    warning: mergeClasses(styles.mark, styles.markWarning),
  };

  // Focus follows the fix: to the finding after the fixed one (or the one before, at the end).
  useLayoutEffect(() => {
    const keys = focusNext.current;
    const list = listRef.current;
    if (!keys || !report) return;
    focusNext.current = null;
    const items = new Map(
      [...(list?.querySelectorAll<HTMLElement>('li[data-key]') ?? [])].map((li) => [li.dataset.key, li]),
    );
    const target = keys.map((k) => items.get(k)).find((li) => li !== undefined) ?? list?.querySelector('li');
    target?.querySelector<HTMLElement>('button')?.focus();
  }, [report]);

  const after = (f: Finding) => {
    const order = shown.map(findingKey);
    const at = order.indexOf(findingKey(f));
    return [...order.slice(at + 1), ...order.slice(0, at).reverse()];
  };
  const fixOne = (f: Finding) => void applyFixes([f], after(f));
  const suggestOne = (f: Finding) => void write(() => ops.applySuggestion(f), true, after(f));
  // One fix a cell, as the adapter applies them: the preview lists what will be written.
  const previewed = preview ? onePerCell(preview) : [];

  return (
    <PanelSection headingId={headingId} title={t.validateHeading}>
      <div className={panel.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={validate}>
          {t.checkData}
        </Button>
        <Button disabledFocusable={busy || fixable.length === 0} onClick={() => setPreview(fixable)}>
          {t.fixAll}
        </Button>
        <Button disabledFocusable={busy} onClick={removeMarks}>
          {t.removeMarks}
        </Button>
      </div>
      <Switch label={t.liveValidation} checked={live} onChange={(_, data) => setLive(data.checked)} />
      <MarksLegend />
      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <MessageBar intent="info" layout="multiline" data-testid="fix-preview">
          <MessageBarBody>
            <Text block size={200}>
              {t.fixPreviewTitle(num(previewed.length))}
            </Text>
            <ul className={panel.list}>
              {previewed.map((f) => (
                <li key={findingKey(f)} data-cell={`${f.sheet}!${f.cell}`}>
                  <Text size={200}>
                    {f.sheet}!{f.cell}: {f.fix?.description[lang]}
                  </Text>
                </li>
              ))}
            </ul>
            <div className={panel.actions}>
              <Button appearance="primary" disabledFocusable={busy} onClick={() => applyFixes(previewed)}>
                {t.fixPreviewConfirm(num(previewed.length))}
              </Button>
              <Button disabledFocusable={busy} onClick={() => setPreview(null)}>
                {t.fixPreviewCancel}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {fixReport && (
        <MessageBar intent={fixReport.skipped.length ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <Text block size={200}>
              {fixReport.suggestion && fixReport.applied === 1
                ? t.suggestionApplied
                : t.fixesApplied(num(fixReport.applied))}
            </Text>
            {fixReport.skipped.length > 0 && (
              <>
                <Text block size={200}>
                  {t.fixSkipped}
                </Text>
                <ul className={panel.list}>
                  {fixReport.skipped.map((s) => (
                    <li key={`${s.finding.sheet}!${s.finding.cell}:${s.finding.code}`}>
                      <Text size={200}>
                        {s.finding.sheet}!{s.finding.cell}: {s.reason[lang]}
                      </Text>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {!report && <Caption1 className={panel.muted}>{t.notValidatedYet}</Caption1>}
      {checkedAt && <Caption1 data-testid="rechecked">{t.recheckedAll(clock(checkedAt))}</Caption1>}
      {notesOf(report).map((note) => (
        <MessageBar key={note.en} intent="info" layout="multiline">
          <MessageBarBody>{note[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      {nothing && (
        <MessageBar intent="info" layout="multiline" data-testid="nothing-to-check">
          <MessageBarBody>{t.nothingToCheck}</MessageBarBody>
        </MessageBar>
      )}
      {report && !nothing && (
        <>
          <ul className={styles.counts} aria-label={t.validateHeading}>
            {SEVERITIES.map((s) => (
              <li key={s}>
                <Pill tone={SEVERITY_TONE[s]} data-count={s}>
                  {`${t.severity[s]}: ${num(report.counts[s] - (s === 'info' ? hiddenCount : 0))}`}
                </Pill>
              </li>
            ))}
          </ul>
          <Caption1 className={panel.muted}>
            {t.checkedSummary(num(report.cellsChecked), num(report.cellsFilled))}
            {liveAt && ` ${t.liveUpdated(clock(liveAt))}`}
          </Caption1>
          {fixable.length > 0 && <Caption1>{t.fixableCount(num(fixable.length))}</Caption1>}
          {shown.length === 0 && <Text>{t.noFindings}</Text>}
          {/* One Tab stop for the whole list; arrow keys move between its buttons. */}
          <div ref={listRef} {...arrows} role="group" aria-label={t.findingsListLabel}>
            {groupFindings(shown).map((sheet) => (
              <div key={sheet.sheet}>
                <Subtitle2 as="h3" className={panel.subheading}>
                  {t.findingsOf(sheet.sheet)}
                </Subtitle2>
                {sheet.bySeverity.map((group) => (
                  <FindingGroup
                    key={group.severity}
                    severity={group.severity}
                    findings={group.findings}
                    onGoTo={goTo}
                    onFix={fixOne}
                    onSuggest={suggestOne}
                    itemClass={styles[group.severity]}
                    headingClass={styles.severityHeading}
                    actionsClass={styles.findingActions}
                    titleClass={styles.rowTitle}
                    marks={marksOf(sheet.bySeverity)}
                    markClass={markClass}
                  />
                ))}
              </div>
            ))}
          </div>
        </>
      )}
    </PanelSection>
  );
}

/**
 * How each cell of one sheet is marked in the sheet, worked out by the function that writes the
 * marks: a cell with an error and a warning reads as an error here too, and a whole-row finding
 * (never marked) has no colour. Kept per list of groups, which every group of a sheet shares.
 */
const marksCache = new WeakMap<object, Map<string, FlaggedCell['severity']>>();
function marksOf(groups: readonly { findings: readonly Finding[] }[]): Map<string, FlaggedCell['severity']> {
  let marks = marksCache.get(groups);
  if (!marks) {
    marks = new Map(flaggedCells(groups.flatMap((g) => g.findings)).map((c) => [c.cell, c.severity]));
    marksCache.set(groups, marks);
  }
  return marks;
}

/** 'HH:MM:SS', the same in both languages; cheaper than Intl's date formatting on every live report. */
function clock(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

interface FindingGroupProps {
  severity: Severity;
  findings: Finding[];
  onGoTo(f: Finding): void;
  onFix(f: Finding): void;
  onSuggest(f: Finding): void;
  itemClass: string;
  headingClass: string;
  actionsClass: string;
  titleClass: string;
  /** The sheet's marked cells (plain upper-case addresses) and the colour each is marked in. */
  marks: ReadonlyMap<string, FlaggedCell['severity']>;
  markClass: Record<FlaggedCell['severity'], string>;
}

/** The first fix for each cell: "Sửa tất cả" writes one value a cell. */
function onePerCell(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.sheet}!${f.cell.toUpperCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}:${f.code}:${f.column ?? ''}`;
}

function FindingGroup({
  severity,
  findings,
  onGoTo,
  onFix,
  onSuggest,
  itemClass,
  headingClass,
  actionsClass,
  titleClass,
  marks,
  markClass,
}: FindingGroupProps) {
  const { t, lang, busy, num } = usePane();
  const panel = usePanelStyles();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <h4 className={headingClass}>{`${t.severity[severity]} (${num(findings.length)})`}</h4>
      <ul className={panel.list}>
        {findings.slice(0, shown).map((f) => {
          const mark = f.column === null ? undefined : marks.get(f.cell.replace(/\$/g, '').toUpperCase());
          return (
            <li
              key={findingKey(f)}
              data-key={findingKey(f)}
              className={`${panel.item} ${itemClass}`}
              data-finding={f.code}
              data-cell={f.cell}
              data-severity={f.severity}
            >
              {findingRowTitle(f, lang) && (
                <Text size={200} className={titleClass}>
                  {findingRowTitle(f, lang)}
                </Text>
              )}
              <Text size={200}>{f.message[lang]}</Text>
              {/* Which separator this Excel uses is said once, by the message itself (the engine's
                  "Excel này dùng …", only when Excel reported it), not again by the pane. */}
              {f.fix && <Caption1 className={panel.muted}>{f.fix.description[lang]}</Caption1>}
              {f.suggestion && <Caption1 data-suggestion>{t.suggestionLabel(f.suggestion.description[lang])}</Caption1>}
              <div className={actionsClass}>
                <span className={mark ? mergeClasses(panel.cellRef, markClass[mark]) : panel.cellRef} data-mark={mark}>
                  {f.cell}
                </span>
                <Button
                  size="small"
                  appearance="secondary"
                  disabledFocusable={busy}
                  aria-label={`${t.goToCell} ${f.cell}`}
                  onClick={() => onGoTo(f)}
                >
                  {t.goToCell}
                </Button>
                {f.fix && (
                  <Button
                    size="small"
                    appearance="primary"
                    disabledFocusable={busy}
                    aria-label={`${t.fix} ${f.cell}`}
                    onClick={() => onFix(f)}
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
                    onClick={() => onSuggest(f)}
                  >
                    {t.applySuggestion}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {findings.length > shown && (
        <Button size="small" appearance="transparent" onClick={() => setShown((n) => n + PAGE)}>
          {t.showMore(num(Math.min(PAGE, findings.length - shown)))}
        </Button>
      )}
    </>
  );
}
