import { Body1, Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { GoalAssessment } from '../../engine/section8';
import type { DraftKind } from '../../report/draft';
import { usePane } from './context';
import { PanelSection } from './PanelSection';
import { usePanelStyles } from './styles';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CLI_COMMAND = 'npx cchc report don-vi.xlsx --out bao-cao.docx --draft clean';

const useStyles = makeStyles({
  goals: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXXS },
});

/**
 * The report and its libraries (docx, the report model) are loaded only when the button is pressed:
 * the pane's start-up JavaScript has a budget.
 */
async function buildReport(
  snapshots: Parameters<typeof import('../../report/model').buildReportModel>[0],
  kind: DraftKind,
) {
  const [docx, { buildReportModel }, { reportBytes }] = await Promise.all([
    import(/* webpackChunkName: "docx" */ 'docx'),
    import(/* webpackChunkName: "report" */ '../../report/model'),
    import(/* webpackChunkName: "report" */ '../../report/docx'),
  ]);
  const model = buildReportModel(snapshots);
  return { model, bytes: await reportBytes(docx, model, kind) };
}

/** Whether this host can hand a file to the user: Blob URLs and the download attribute. */
function canDownload(): boolean {
  return (
    typeof Blob === 'function' &&
    typeof URL !== 'undefined' &&
    typeof URL.createObjectURL === 'function' &&
    typeof document !== 'undefined' &&
    'download' in document.createElement('a')
  );
}

function download(bytes: Uint8Array, file: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

function fileName(unit: string | null, kind: DraftKind): string {
  const slug = (unit ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `bao-cao${slug ? `-${slug}` : ''}${kind === 'working' ? '-ban-lam-viec' : ''}.docx`;
}

export default function ReportBody() {
  const { ops, t, lang, busy, run } = usePane();
  const panel = usePanelStyles();
  const styles = useStyles();
  const headingId = useId();
  const [status, setStatus] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [goals, setGoals] = useState<GoalAssessment[] | null>(null);

  const exportReport = async (kind: DraftKind) => {
    setStatus(null);
    const result = await run('report', async () => {
      const data = await ops.reportData();
      return buildReport(data.snapshots, kind);
    });
    if (!result) return;
    const { model, bytes } = result.value;
    setGoals(model.goals);
    setNotes(model.headings.some((h) => h.text) || model.notes.length === 0 ? [] : [t.reportNoOutline]);
    const file = fileName(model.unit, kind);
    if (!canDownload()) {
      setStatus({ intent: 'warning', text: t.reportNoDownload(CLI_COMMAND) });
      return;
    }
    try {
      download(bytes, file);
      setStatus({ intent: 'success', text: t.reportSaved(file) });
    } catch (e) {
      setStatus({
        intent: 'warning',
        text: `${t.reportFailed(e instanceof Error ? e.message : String(e))} ${t.reportNoDownload(CLI_COMMAND)}`,
      });
    }
  };

  return (
    <PanelSection headingId={headingId} title={t.reportHeading}>
      <Body1>{t.reportIntro}</Body1>
      <div className={panel.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void exportReport('clean')}>
          {t.exportReport}
        </Button>
        <Button disabled={busy} onClick={() => void exportReport('working')}>
          {t.exportWorkingDraft}
        </Button>
      </div>
      {status && (
        <MessageBar intent={status.intent} role="status">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {notes.map((n) => (
        <MessageBar key={n} intent="info">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      {goals && (
        <>
          <Caption1 as="h3">{t.reportGoalsHeading}</Caption1>
          <ul className={styles.goals}>
            {goals.map((g) => (
              <li key={g.id}>
                <Caption1>
                  {g.suggestion && g.evidence
                    ? t.reportGoalSuggestion(g.number, g.suggestion, g.evidence[lang])
                    : t.reportGoalNoData(g.number, g.reason?.[lang] ?? '')}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </PanelSection>
  );
}
