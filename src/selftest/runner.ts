/**
 * Runs the self-test's scenarios one after another against one workbook (real Excel or the
 * in-memory one) and gathers a result IT staff can send back as JSON. Each scenario gets a fresh
 * adapter (the adapter caches what it learnt about sheets, and every scenario's sheets are new);
 * whatever it adds to the workbook is removed after it, pass or fail.
 */
import type { ExcelOperations, ExcelRun } from '../excel';
import type { Bilingual } from '../engine/types';
import { captureState, refusal, restoreState, type Refusal } from './cleanup';
import { sabotage, type OperationName } from './sabotage';

export interface ScenarioContext {
  /** The adapter under test (its `subject` methods broken when the run asks for it). */
  ops: ExcelOperations;
  /** Another, always intact adapter for set-up (inserting the templates a scenario works on). */
  prepare: ExcelOperations;
  /** Excel.run, or the in-memory workbook's: how scenarios type values and read results back. */
  run: ExcelRun;
  /** How long to wait for live validation's report after an edit (ms). */
  liveTimeoutMs: number;
  /** How long to watch for a report that must not come (ms), after live validation is stopped. */
  quietMs: number;
}

export interface Scenario {
  /** Stable identifier: the JSON result and `?break=` use it. */
  name: string;
  title: Bilingual;
  /** The adapter operations this scenario is about: the ones `?break=` turns into no-ops. */
  subject: OperationName[];
  run(ctx: ScenarioContext): Promise<void>;
}

export interface ScenarioResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  /** Sheets the clean-up deleted after the scenario (its scratch sheets). */
  cleanedUp?: string[];
}

export interface SelfTestResult {
  done: boolean;
  passed: number;
  failed: number;
  host: string;
  platform: string;
  /** Highest version of each requirement set Excel reports ({ ExcelApi: '1.17' }). */
  requirementSets: Record<string, string>;
  scenarios: ScenarioResult[];
  /** Set when the workbook was not safe to test: nothing ran. */
  refused?: Refusal;
  /** The scenario deliberately broken by `?break=` (tests only). */
  broken?: string;
  startedAt: string;
  totalMs: number;
  /** Anything else worth sending back: Office version, user agent, template version. */
  environment: Record<string, string>;
}

export interface RunOptions {
  run: ExcelRun;
  makeOperations(): ExcelOperations;
  requirements: { isSetSupported(name: string, version?: string): boolean };
  host: string;
  platform: string;
  environment?: Record<string, string>;
  scenarios: Scenario[];
  broken?: string | null;
  liveTimeoutMs?: number;
  quietMs?: number;
  /** Called as each scenario starts (index, total) and as it ends (with its result). */
  onProgress?(event: { index: number; total: number; scenario: Scenario; result?: ScenarioResult }): void;
  now?: () => number;
}

/** The highest version of ExcelApi (1.1 … 1.40) this Excel supports, by asking for each in turn. */
export function highestVersion(
  requirements: { isSetSupported(name: string, version?: string): boolean },
  set = 'ExcelApi',
): string | null {
  let best: string | null = null;
  for (let minor = 1; minor <= 40; minor++) if (requirements.isSetSupported(set, `1.${minor}`)) best = `1.${minor}`;
  return best;
}

/** What went wrong, as one line: the adapter's bilingual message and Excel's code and location. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const parts: string[] = [e.message];
  const info = e as Error & { code?: string; cause?: unknown };
  if (info.code) parts.push(`[${info.code}]`);
  const cause = info.cause as { message?: string; debugInfo?: { errorLocation?: string } } | undefined;
  if (cause && typeof cause === 'object') {
    const location = cause.debugInfo?.errorLocation;
    if (cause.message && cause.message !== e.message) parts.push(`(Excel: ${cause.message})`);
    if (location) parts.push(`at ${location}`);
  }
  return parts.join(' ');
}

export async function runSelfTest(options: RunOptions): Promise<SelfTestResult> {
  const now = options.now ?? (() => Date.now());
  const t0 = now();
  const result: SelfTestResult = {
    done: false,
    passed: 0,
    failed: 0,
    host: options.host,
    platform: options.platform,
    requirementSets: {},
    scenarios: [],
    startedAt: new Date().toISOString(),
    totalMs: 0,
    environment: options.environment ?? {},
  };
  const excelApi = highestVersion(options.requirements);
  if (excelApi) result.requirementSets.ExcelApi = excelApi;
  if (options.broken) result.broken = options.broken;
  const supports = (set: string, version: string) => options.requirements.isSetSupported(set, version);

  const refused = await refusal(options.run, options.makeOperations(), supports);
  if (refused) {
    result.refused = refused;
    result.done = true;
    result.totalMs = now() - t0;
    return result;
  }

  const total = options.scenarios.length;
  let cleanupBroken: string | null = null;
  for (const [index, scenario] of options.scenarios.entries()) {
    options.onProgress?.({ index, total, scenario });
    const started = now();
    const entry: ScenarioResult = { name: scenario.name, ok: false, ms: 0 };
    if (cleanupBroken) {
      // Leftover sheets would be taken for the next scenario's: running on would prove nothing.
      entry.error = `Not run: cleaning up after "${cleanupBroken}" failed.`;
    } else {
      const real = options.makeOperations();
      const ctx: ScenarioContext = {
        ops: options.broken === scenario.name ? sabotage(real, scenario.subject) : real,
        prepare: options.makeOperations(),
        run: options.run,
        liveTimeoutMs: options.liveTimeoutMs ?? 15_000,
        quietMs: options.quietMs ?? 1_500,
      };
      let state = null;
      try {
        state = await captureState(options.run);
        await scenario.run(ctx);
        entry.ok = true;
      } catch (e) {
        entry.error = describeError(e);
      } finally {
        if (state) {
          try {
            entry.cleanedUp = await restoreState(options.run, state);
          } catch (e) {
            entry.ok = false;
            entry.error = `${entry.error ? `${entry.error}; ` : ''}clean-up failed: ${describeError(e)}`;
            cleanupBroken = scenario.name;
          }
        }
      }
    }
    entry.ms = Math.round(now() - started);
    result.scenarios.push(entry);
    if (entry.ok) result.passed++;
    else result.failed++;
    options.onProgress?.({ index, total, scenario, result: entry });
  }
  result.done = true;
  result.totalMs = Math.round(now() - t0);
  return result;
}
