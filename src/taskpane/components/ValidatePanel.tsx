import { Button, Caption1, MessageBar, MessageBarBody, Switch, Text } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Finding } from '../../engine/types';
import type { ValidationReport } from '../../contracts/operations';
import type { FindingFilter } from '../findingList';
import { actionable, notesOf } from '../model';
import { usePane } from './context';
import { FindingCounts, FindingsList } from './FindingsList';
import { FixPreview, FixResult, useFixFlow } from './FixFlow';
import { MarksLegend } from './MarksLegend';
import { PanelSection } from './PanelSection';
import { usePanelStyles } from './styles';
import { useLiveChecking } from './useLiveChecking';

/**
 * "Kiểm tra": check the workbook (also live, while the pane is open), fix what has a mechanical
 * fix, and work through the findings by what to do first.
 */
export function ValidatePanel() {
  const { ops, t, lang, busy, run, num } = usePane();
  const panel = usePanelStyles();
  const headingId = useId();
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [liveAt, setLiveAt] = useState<Date | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [filter, setFilter] = useState<FindingFilter>(null);

  const { live, setLive } = useLiveChecking((r) => {
    setReport(r);
    setLiveAt(new Date());
  });
  const fixes = useFixFlow(
    () => {
      setNotice(null);
      setCheckedAt(null);
    },
    (after) => {
      setReport(after);
      setLiveAt(null);
    },
  );

  const validate = async () => {
    setNotice(null);
    fixes.clearFixReport();
    const result = await run('validate', (onProgress) => ops.validate(onProgress));
    if (result) {
      setReport(result.value);
      setLiveAt(null);
      // Live checking may already show the same list: say that every sheet was read again.
      setCheckedAt(new Date());
    }
  };

  const removeMarks = async () => {
    const result = await run('removeMarks', () => ops.removeMarks());
    if (result) setNotice(t.marksRemoved);
  };

  const goTo = (finding: Finding) => {
    void run('goTo', () => ops.goToCell(finding.sheet, finding.cell));
  };

  // The source document's rounding notes belong to the totals view, not to the user's problems.
  // Kept while the report is the same: the list moves the focus after a fix when its findings change.
  const shown = useMemo(() => (report ? actionable(report.findings) : []), [report]);
  const hiddenCount = report ? report.findings.length - shown.length : 0;
  const fixable = shown.filter((f) => f.fix);
  const nothing = report !== null && report.cellsChecked === 0;

  return (
    <PanelSection headingId={headingId} title={t.validateHeading}>
      <div className={panel.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={validate}>
          {t.checkData}
        </Button>
        <Button disabledFocusable={busy || fixable.length === 0} onClick={() => fixes.showPreview(fixable)}>
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
      {fixes.preview && (
        <FixPreview
          findings={fixes.preview}
          onConfirm={() => void fixes.applyFixes(fixes.preview ?? [])}
          onCancel={fixes.cancelPreview}
        />
      )}
      {fixes.fixReport && <FixResult report={fixes.fixReport} />}
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
          <FindingCounts
            counts={{ ...report.counts, info: report.counts.info - hiddenCount }}
            filter={filter}
            onFilter={setFilter}
          />
          <Caption1 className={panel.muted}>
            {t.checkedSummary(num(report.cellsChecked), num(report.cellsFilled))}
            {liveAt && ` ${t.liveUpdated(clock(liveAt))}`}
          </Caption1>
          {fixable.length > 0 && <Caption1>{t.fixableCount(num(fixable.length))}</Caption1>}
          {shown.length === 0 && <Text>{t.noFindings}</Text>}
          <FindingsList
            findings={shown}
            filter={filter}
            focusNext={fixes.focusNext}
            actions={{
              onGoTo: goTo,
              onFix: (f, focusAfter) => void fixes.applyFixes([f], focusAfter),
              onSuggest: (f, focusAfter) => void fixes.applySuggestion(f, focusAfter),
            }}
          />
        </>
      )}
    </PanelSection>
  );
}

/** 'HH:MM:SS', the same in both languages; cheaper than Intl's date formatting on every live report. */
function clock(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
