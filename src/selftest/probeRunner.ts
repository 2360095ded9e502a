/**
 * Runs the probes (probes.ts), each on a scratch sheet of its own that is added here and deleted
 * here by its id, so that nothing else in the workbook is touched whatever the probe did.
 */
import type { ExcelRun } from '../excel';
import { describeError } from './errors';
import type { Probe, ProbeResult } from './probes';

export interface ProbeRun {
  results: ProbeResult[];
  /** Set when a scratch sheet could not be deleted: the probes after it were not run. */
  cleanupFailed?: string;
}

async function addScratchSheet(run: ExcelRun, name: string): Promise<string> {
  return run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.add(name);
    sheet.load('id');
    await ctx.sync();
    return sheet.id;
  });
}

async function deleteSheetById(run: ExcelRun, id: string): Promise<void> {
  await run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(id);
    await ctx.sync();
    if (!sheet.isNullObject) sheet.delete();
    await ctx.sync();
  });
}

export async function runProbes(
  run: ExcelRun,
  supports: (set: string, version: string) => boolean,
  probes: readonly Probe[],
): Promise<ProbeRun> {
  const results: ProbeResult[] = [];
  for (const [i, probe] of probes.entries()) {
    const base = {
      name: probe.name,
      question: probe.question,
      imitationAssumes: probe.imitationAssumes,
      ...(probe.addinDependsOn ? { addinDependsOn: probe.addinDependsOn } : {}),
    };
    if (probe.needs && !supports('ExcelApi', probe.needs)) {
      results.push({ ...base, excelDid: `not run: needs ExcelApi ${probe.needs}`, agrees: null });
      continue;
    }
    const sheet = `CCHC probe ${i + 1}`;
    let excelDid: string;
    let id: string | null = null;
    try {
      id = await addScratchSheet(run, sheet);
      excelDid = await probe.observe({ run, sheet });
    } catch (e) {
      // observe reports Excel's refusals itself; this is the scratch sheet failing, or a bug.
      excelDid = `not run: ${describeError(e)}`;
    }
    results.push({
      ...base,
      excelDid,
      agrees: excelDid.startsWith('not run:') ? null : excelDid === probe.imitationAssumes,
    });
    if (id === null) continue;
    try {
      await deleteSheetById(run, id);
    } catch (e) {
      return { results, cleanupFailed: `deleting the scratch sheet "${sheet}" failed: ${describeError(e)}` };
    }
  }
  return { results };
}
