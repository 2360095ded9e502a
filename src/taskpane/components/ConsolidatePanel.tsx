import { lazy } from 'react';
import { LoadBoundary } from './LoadBoundary';

/**
 * "Tổng hợp": the panel (ConsolidateBody.tsx, 2.2 KB gzip) is its own chunk; the reader, the
 * core and ExcelJS are a further chunk fetched only when the official picks files. The panel is
 * mounted with the other (hidden) views: fetching it only when its tab is first shown needed a
 * placeholder element in the hidden view, which made Tabster add focusable dummies to the tab
 * list (axe aria-hidden-focus in the playground and task-pane E2E), so it is not done.
 */
const ConsolidateBody = lazy(() => import(/* webpackChunkName: "consolidate-panel" */ './ConsolidateBody'));

export function ConsolidatePanel() {
  return (
    <LoadBoundary>
      <ConsolidateBody />
    </LoadBoundary>
  );
}
