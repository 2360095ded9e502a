import { lazy } from 'react';
import { LoadBoundary } from './LoadBoundary';

/**
 * "Tổng hợp": only a shell in the pane's start-up JavaScript (budget 165 KiB gzip). The panel
 * (ConsolidateBody.tsx) is its own chunk, and the reader, the core and ExcelJS a further one,
 * fetched when the official picks files.
 */
const ConsolidateBody = lazy(() => import(/* webpackChunkName: "consolidate-panel" */ './ConsolidateBody'));

export function ConsolidatePanel() {
  return (
    <LoadBoundary>
      <ConsolidateBody />
    </LoadBoundary>
  );
}
