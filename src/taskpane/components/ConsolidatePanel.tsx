import { lazy, useLayoutEffect, useRef, useState } from 'react';
import { LoadBoundary } from './LoadBoundary';

/**
 * "Tổng hợp": only a shell in the pane's start-up JavaScript (budget 165 KiB gzip). The panel
 * (ConsolidateBody.tsx) is its own chunk, fetched the first time the view is shown (views stay
 * mounted while hidden, so mounting alone would fetch it at start-up); the reader, the core and
 * ExcelJS are a further chunk, fetched when the official picks files.
 */
const ConsolidateBody = lazy(() => import(/* webpackChunkName: "consolidate-panel" */ './ConsolidateBody'));

export function ConsolidatePanel() {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  // No dependency list: the pane re-renders its views when the tab changes, and this looks again.
  useLayoutEffect(() => {
    if (!shown && ref.current && ref.current.closest('[hidden]') === null) setShown(true);
  });
  return (
    <div ref={ref}>
      {shown && (
        <LoadBoundary>
          <ConsolidateBody />
        </LoadBoundary>
      )}
    </div>
  );
}
