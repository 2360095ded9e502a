import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Finding } from '../../engine/types';
import type { FixReport, ValidationReport } from '../../contracts/operations';
import { findingKey } from '../findingList';
import { usePane } from './context';
import { usePanelStyles } from './styles';

export type ShownFixReport = FixReport & { suggestion: boolean };

/**
 * Fixing: "Sửa" on one finding, "Sửa tất cả" (previewed, then confirmed) and a suggestion applied
 * at a person's request. Each write is followed by a fresh check, handed to `onChecked`; `focusNext`
 * holds the findings that should take the focus once the list is drawn again.
 */
export function useFixFlow(onWrite: () => void, onChecked: (report: ValidationReport) => void) {
  const { ops, run } = usePane();
  const [fixReport, setFixReport] = useState<ShownFixReport | null>(null);
  /** "Sửa tất cả" pressed: the fixes it would write, shown until confirmed or cancelled. */
  const [preview, setPreview] = useState<Finding[] | null>(null);
  /** After "Sửa": the findings (in order of preference) that take the keyboard focus next. */
  const focusNext = useRef<string[] | null>(null);

  const write = async (change: () => Promise<FixReport>, suggestion: boolean, focusAfter?: string[]) => {
    onWrite();
    setPreview(null);
    focusNext.current = focusAfter ?? null;
    const result = await run('fix', async () => {
      const fixed = await change();
      const after = await ops.validate();
      return { fixed, after };
    });
    if (result) {
      setFixReport({ ...result.value.fixed, suggestion });
      onChecked(result.value.after);
    }
  };

  return {
    fixReport,
    clearFixReport: () => setFixReport(null),
    preview,
    /** "Sửa tất cả": one fix a cell, as the adapter applies them. */
    showPreview: (fixable: readonly Finding[]) => setPreview(onePerCell(fixable)),
    cancelPreview: () => setPreview(null),
    focusNext,
    applyFixes: (findings: Finding[], focusAfter?: string[]) =>
      write(() => ops.applyFixes(findings), false, focusAfter),
    applySuggestion: (finding: Finding, focusAfter?: string[]) =>
      write(() => ops.applySuggestion(finding), true, focusAfter),
  };
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

/** What "Sửa tất cả" will write, cell by cell, before anything is written. */
export function FixPreview({
  findings,
  onConfirm,
  onCancel,
}: {
  findings: readonly Finding[];
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t, lang, busy, num } = usePane();
  const panel = usePanelStyles();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="fix-preview">
      <MessageBarBody>
        <Text block size={200}>
          {t.fixPreviewTitle(num(findings.length))}
        </Text>
        <ul className={panel.list}>
          {findings.map((f) => (
            <li key={findingKey(f)} data-cell={`${f.sheet}!${f.cell}`}>
              <Text size={200}>
                {f.sheet}!{f.cell}: {f.fix?.description[lang]}
              </Text>
            </li>
          ))}
        </ul>
        <div className={panel.actions}>
          <Button appearance="primary" disabledFocusable={busy} onClick={onConfirm}>
            {t.fixPreviewConfirm(num(findings.length))}
          </Button>
          <Button disabledFocusable={busy} onClick={onCancel}>
            {t.fixPreviewCancel}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** How many cells were written, and which were skipped and why. */
export function FixResult({ report }: { report: ShownFixReport }) {
  const { t, lang, num } = usePane();
  const panel = usePanelStyles();
  return (
    <MessageBar intent={report.skipped.length ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <Text block size={200}>
          {report.suggestion && report.applied === 1 ? t.suggestionApplied : t.fixesApplied(num(report.applied))}
        </Text>
        {report.skipped.length > 0 && (
          <>
            <Text block size={200}>
              {t.fixSkipped}
            </Text>
            <ul className={panel.list}>
              {report.skipped.map((s) => (
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
  );
}
