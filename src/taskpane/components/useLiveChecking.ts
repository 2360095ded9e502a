import { useEffect, useRef, useState } from 'react';
import type { ValidationReport } from '../../contracts/operations';
import { usePane } from './context';

/**
 * Live checking: starts once the pane has read the workbook (it would only compete with that
 * first read), then runs for as long as the pane is open and the switch is on; restarted after
 * templates are inserted so new sheets are watched too. Each report goes to `onReport`; a failure
 * to start turns the switch off and is shown in the pane's error bar.
 */
export function useLiveChecking(onReport: (report: ValidationReport) => void): {
  live: boolean;
  setLive(on: boolean): void;
} {
  const { ops, busy, showError, workbookEpoch } = usePane();
  const [live, setLive] = useState(true);
  const [armed, setArmed] = useState(false);
  const showErrorRef = useRef(showError);
  showErrorRef.current = showError;
  const onReportRef = useRef(onReport);
  onReportRef.current = onReport;

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
          if (!stopped) onReportRef.current(r);
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

  return { live, setLive };
}
