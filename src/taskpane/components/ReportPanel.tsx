import { lazy } from 'react';
import { LoadBoundary } from './LoadBoundary';

/**
 * "Báo cáo": the panel's code is a chunk of its own, fetched when the pane mounts its views, so the
 * start-up JavaScript (budget 165 KiB gzip) does not carry it; the report builder and `docx` load only
 * when the button is pressed (ReportBody).
 */
const ReportBody = lazy(() => import(/* webpackChunkName: "report-panel" */ './ReportBody'));

export function ReportPanel() {
  return (
    <LoadBoundary>
      <ReportBody />
    </LoadBoundary>
  );
}
