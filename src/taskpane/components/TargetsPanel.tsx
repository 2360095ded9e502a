import { Button } from '@fluentui/react-components';
import { lazy, useId, useState } from 'react';
import type { ParSummary } from '../../engine/types';
import type { SubtotalReport } from '../../contracts/operations';
import { usePane } from './context';
import { LoadBoundary } from './LoadBoundary';
import { PanelSection } from './PanelSection';
import { usePanelStyles } from './styles';

// The results (total, chart, lists) are drawn only after the first computation, so their code
// is fetched then, in parallel with the Excel call, not at start-up.
const loadResults = () => import(/* webpackChunkName: "targets-results" */ './TargetsResults');
const TargetsResults = lazy(loadResults);

export function TargetsPanel() {
  const { ops, t, busy, run } = usePane();
  const panel = usePanelStyles();
  const headingId = useId();
  const [subtotals, setSubtotals] = useState<SubtotalReport | null>(null);
  const [summary, setSummary] = useState<ParSummary | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  const [computed, setComputed] = useState(false);

  const compute = async () => {
    setRestored(null);
    const result = await run('subtotals', async () => {
      const code = loadResults();
      const report = await ops.subtotals(false);
      const par = await ops.highlightBelowTarget();
      await code;
      return { report, par };
    });
    if (result) {
      setSubtotals(result.value.report);
      setSummary(result.value.par ?? result.value.report.par);
      setComputed(true);
    }
  };

  const restore = async () => {
    const result = await run('restore', async () => {
      const done = await ops.subtotals(true);
      const report = await ops.subtotals(false);
      const par = await ops.highlightBelowTarget();
      return { done, report, par };
    });
    if (result) {
      setRestored(result.value.done.restored);
      setSubtotals(result.value.report);
      setSummary(result.value.par ?? result.value.report.par);
    }
  };

  const goTo = (sheet: string, cell: string) => void run('goTo', () => ops.goToCell(sheet, cell));

  return (
    <PanelSection headingId={headingId} title={t.targetsHeading}>
      <div className={panel.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={compute}>
          {t.computeTargets}
        </Button>
      </div>
      {computed && (
        <LoadBoundary>
          <TargetsResults
            subtotals={subtotals}
            summary={summary}
            restored={restored}
            onGoTo={goTo}
            onRestore={restore}
          />
        </LoadBoundary>
      )}
    </PanelSection>
  );
}
