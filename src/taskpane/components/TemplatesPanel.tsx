import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { PAR_LISTS, TEMPLATE_IDS } from '../../catalog';
import type { TemplateId } from '../../catalog/types';
import { notesOf } from '../model';
import type { InjectReport, WorkbookStatus } from '../../contracts/operations';
import { usePane } from './context';
import { LoadBoundary } from './LoadBoundary';
import { PanelSection } from './PanelSection';
import { SheetLinks } from './SheetLinks';
import { usePanelStyles } from './styles';

// The checklist (and Fluent's Checkbox) is only needed once the official opens the list.
const TemplateChecklist = lazy(() => import(/* webpackChunkName: "template-checklist" */ './TemplateChecklist'));

const useStyles = makeStyles({
  details: {
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  summary: {
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderRadius: tokens.borderRadiusSmall,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

export function TemplatesPanel() {
  const { ops, t, busy, run, num, workbookEpoch, workbookChanged } = usePane();
  const panel = usePanelStyles();
  const styles = useStyles();
  const headingId = useId();
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<TemplateId>>(() => new Set(TEMPLATE_IDS));
  const [report, setReport] = useState<InjectReport | null>(null);
  const [open, setOpen] = useState(false);
  // The PAR lists this build carries, newest first: a choice only when there is more than one.
  const parYears = useMemo(() => PAR_LISTS.map((l) => l.year), []);
  const [parYear, setParYear] = useState(parYears[0]);
  const host = useMemo(() => ops.hostInfo(), [ops]);

  const inspect = useCallback(
    async (keepError: boolean) => {
      const result = await run('inspect', () => ops.inspect(), { keepError });
      if (result) {
        setStatus(result.value);
        // What an upgrade does is worth reading before pressing the button.
        if (result.value.plan.some((p) => p.action === 'upgrade')) setOpen(true);
      }
    },
    [ops, run],
  );

  useEffect(() => {
    void inspect(workbookEpoch > 0);
  }, [inspect, workbookEpoch]);

  const insert = async () => {
    const ids = TEMPLATE_IDS.filter((id) => selected.has(id));
    setReport(null);
    const result = await run('inject', (onProgress) =>
      parYears.length > 1 && ids.includes('PAR') ? ops.inject(ids, onProgress, parYear) : ops.inject(ids, onProgress),
    );
    if (result) {
      setReport(result.value);
      workbookChanged();
    }
  };

  const toggle = (id: TemplateId, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const planById = new Map((status?.plan ?? []).map((p) => [p.templateId, p]));
  const chosenPlans = TEMPLATE_IDS.filter((id) => selected.has(id))
    .map((id) => planById.get(id))
    .filter((p): p is WorkbookStatus['plan'][number] => p !== undefined);
  const planParts = (['create', 'refresh', 'upgrade'] as const)
    .map((action) => ({ action, n: chosenPlans.filter((p) => p.action === action).length }))
    .filter((c) => c.n > 0)
    .map((c) => t.planCount[c.action](num(c.n)));

  return (
    <PanelSection headingId={headingId} title={t.templatesHeading}>
      {host.readOnly && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.readOnlyWorkbook}</MessageBarBody>
        </MessageBar>
      )}
      {!host.supports.excelApi19 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.degradedPrint}</MessageBarBody>
        </MessageBar>
      )}
      {!host.supports.customProperties && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.degradedProperties}</MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <Text size={200} className={panel.muted}>
          {t.addinVersion(status.currentVersion)} {t.workbookVersion(status.workbookVersion)}
        </Text>
      )}
      {planParts.length > 0 && <Text size={200}>{t.planSummary(planParts)}</Text>}
      {parYears.length > 1 && selected.has('PAR') && (
        <Field label={t.parYearLabel}>
          <Select value={String(parYear)} onChange={(_, d) => setParYear(Number(d.value))} disabled={busy}>
            {parYears.map((y) => (
              <option key={y} value={y}>
                {t.parYearOption(y)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={panel.actions}>
        <Button appearance="primary" disabledFocusable={busy || selected.size === 0} onClick={insert}>
          {t.insertTemplates}
        </Button>
      </div>
      {/* Said where the button was pressed, not below the list of templates. */}
      {report && <InjectSummary report={report} />}
      <details className={styles.details} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className={styles.summary}>{t.chooseTemplates(num(selected.size), num(TEMPLATE_IDS.length))}</summary>
        {open && (
          <LoadBoundary>
            <TemplateChecklist
              idPrefix={headingId}
              status={status}
              selected={selected}
              onToggle={toggle}
              onSetAll={(on) => setSelected(on ? new Set(TEMPLATE_IDS) : new Set())}
            />
          </LoadBoundary>
        )}
      </details>
      {selected.size === 0 && <Caption1 className={panel.muted}>{t.noTemplateSelected}</Caption1>}
      <SheetLinks present={status?.present ?? []} />
    </PanelSection>
  );
}

function InjectSummary({ report }: { report: InjectReport }) {
  const { t, num, lang } = usePane();
  // The focus (and so the view) goes to the confirmation as it appears.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [report]);
  const lines: string[] = [];
  if (report.created.length) lines.push(t.injectCreated(report.created.join(', ')));
  if (report.refreshed.length) lines.push(t.injectRefreshed(report.refreshed.join(', ')));
  if (report.upgraded.length) lines.push(t.injectUpgraded(report.upgraded.join(', ')));
  if (report.valuesKept) lines.push(t.injectValuesKept(num(report.valuesKept)));
  for (const r of report.renamed) lines.push(t.injectRenamed(r.wanted, r.used));
  const unplaced = report.unplaced.length > 0;
  if (unplaced) lines.push(t.injectUnplaced(num(report.unplaced.length), report.unplacedSheet));
  for (const note of notesOf(report)) lines.push(note[lang]);
  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent={unplaced ? 'warning' : 'success'}
      layout="multiline"
      data-testid="inject-summary"
    >
      <MessageBarBody>
        <MessageBarTitle>{t.injectDoneTitle}</MessageBarTitle>
        {lines.map((line) => (
          <Text block size={200} key={line}>
            {line}
          </Text>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
