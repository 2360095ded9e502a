/**
 * Benchmark of the Word report for one unit: a workbook of every template with figures in every
 * Appendix 1 year cell, Section VIII assessed and every outline heading written, read as the CLI reads
 * it; timed from the snapshots to the .docx bytes of the working draft (model, validation and docx
 * packing), the median of five runs after one warm-up. The budget is a second.
 *
 * `pages`: LibreOffice Writer's page count for the clean draft of the filled example workbook
 * (test/report/example.ts: what Sở Nội vụ would have typed), `workingPages` for its working draft;
 * null when LibreOffice or poppler is not installed. The report before the Decree 30 form and the
 * row filter needed 37 pages for the same workbook.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as docx from 'docx';
import { OUTLINE } from '../../src/catalog';
import { buildSheetPlan, outlineTextKey } from '../../src/layout';
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import { buildReportModel } from '../../src/report/model';
import { reportBytes } from '../../src/report/docx';
import type { DraftKind } from '../../src/report/draft';
import { makeSnapshot, type Fill } from '../engine/snapshot';
import { exampleSnapshots } from '../report/example';
import { docxToPdf, pdfPages } from '../report/pdf';
import { prng } from '../shared/prng';

export interface ReportBench {
  docxMs: number;
  bytes: number;
  budgetMs: number;
  /** Pages of the filled example's clean draft in LibreOffice; null without LibreOffice. */
  pages: number | null;
  workingPages: number | null;
}

const RUNS = 5;
const BUDGET_MS = 1000;

function workbook(): SheetSnapshot[] {
  const random = prng(12);
  const snapshots: SheetSnapshot[] = [];
  for (const id of ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'OUTLINE'] as const) {
    const values: Fill = {};
    for (const row of buildSheetPlan(id).rows) {
      const cells: Record<string, CellValue> = {};
      for (const column of Object.keys(row.inputs)) {
        if (row.kind === 'percent') cells[column] = Math.round(random() * 1000) / 1000;
        else if (row.kind === 'count') cells[column] = Math.floor(random() * 500);
        else if (row.kind === 'flag') cells[column] = random() < 0.5 ? 0 : 1;
        else if (row.kind === 'passfail') cells[column] = random() < 0.5 ? 'Đạt' : 'Không đạt';
        else if (row.key === 'meta.reporter') cells[column] = 'UBND huyện Gia Lâm';
      }
      values[row.key] = cells;
    }
    if (id === 'OUTLINE')
      for (const h of OUTLINE)
        if (h.leaf)
          values[outlineTextKey(h.id)] = {
            text: `Nội dung mục ${h.number} ${h.label}. `.repeat(6) + 'Kết quả đạt 72% kế hoạch.',
          };
    snapshots.push(makeSnapshot(id, { values }));
  }
  return snapshots;
}

/** LibreOffice's page count of the example's draft; null when LibreOffice or poppler is missing. */
async function examplePages(kind: DraftKind): Promise<number | null> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-report-'));
  try {
    const file = path.join(dir, `${kind}.docx`);
    writeFileSync(file, await reportBytes(docx, buildReportModel(exampleSnapshots()), kind));
    return await pdfPages((await docxToPdf(file, dir))[0]);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || /not installed/.test(String(e))) return null;
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchReport(): Promise<ReportBench> {
  const snapshots = workbook();
  let bytes = (await reportBytes(docx, buildReportModel(snapshots))).length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    bytes = (await reportBytes(docx, buildReportModel(snapshots))).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const docxMs = Math.round(times[Math.floor(RUNS / 2)]);
  // Over budget is a failure of the section, not a number to read past.
  if (docxMs > BUDGET_MS) throw new Error(`the report took ${docxMs} ms, over the ${BUDGET_MS} ms budget`);
  return {
    docxMs,
    bytes,
    budgetMs: BUDGET_MS,
    pages: await examplePages('clean'),
    workingPages: await examplePages('working'),
  };
}
