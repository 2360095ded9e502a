/** The self-test's runner over a fresh in-memory workbook, as the page's ?host=memory mode wires it. */
import { createExcelOperations } from '../../src/excel';
import { createMemoryWorkbook, type MemoryWorkbookOptions } from '../../src/memoryExcel';
import { runSelfTest, type RunOptions, type SelfTestResult } from '../../src/selftest/runner';
import { PROBES } from '../../src/selftest/probes';
import { SCENARIOS } from '../../src/selftest/scenarios';

export type MemoryWorkbook = ReturnType<typeof createMemoryWorkbook>;

export function memoryTarget(options: MemoryWorkbookOptions & { api?: string } = {}) {
  const wb = createMemoryWorkbook({ ...options, requirementSets: { ExcelApi: options.api ?? '1.8' } });
  const requirements = { isSetSupported: (name: string, version?: string) => wb.isSetSupported(name, version) };
  const base: Omit<RunOptions, 'scenarios'> = {
    run: wb.run,
    requirements,
    host: 'Memory',
    platform: 'Node',
    // Short waits: the in-memory workbook raises its events at once.
    liveTimeoutMs: 3_000,
    quietMs: 600,
    makeOperations: () => createExcelOperations({ run: wb.run, requirements, debounceMs: 20 }),
  };
  const run = (extra: Partial<RunOptions> = {}): Promise<SelfTestResult> =>
    runSelfTest({ ...base, scenarios: [...SCENARIOS], probes: PROBES, ...extra });
  return { wb, base, run };
}
