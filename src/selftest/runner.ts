/**
 * Runs the self-test against one workbook (real Excel or the in-memory one) and gathers a result
 * IT staff can send back as JSON: first whether the workbook may be tested at all (safety.ts),
 * then the probes (what Excel does where the imitation guesses, probes.ts), then the scenarios one
 * after another. Each scenario gets a fresh adapter (the adapter caches what it learnt about
 * sheets, and every scenario's sheets are new); the sheets it created are deleted after it, by
 * id, pass or fail, and nothing else.
 */
import type { AddinOperations } from '../contracts/operations';
import type { ExcelRun } from '../excel';
import type { Bilingual } from '../engine/types';
import { captureState, OwnSheets, recordingSheets, restoreState } from './cleanup';
import { describeError } from './errors';
import { runProbes } from './probeRunner';
import type { Probe, ProbeResult } from './probes';
import { checkSafety, type Refusal } from './safety';
import { sabotage, type OperationName } from './sabotage';

export interface ScenarioContext {
  /** The adapter under test (its `subject` methods broken when the run asks for it). */
  ops: AddinOperations;
  /** Another, always intact adapter for set-up (inserting the templates a scenario works on). */
  prepare: AddinOperations;
  /** Excel.run, or the in-memory workbook's: how scenarios type values and read results back. */
  run: ExcelRun;
  /** How long to wait for live validation's report after an edit (ms). */
  liveTimeoutMs: number;
  /** How long to watch for a report that must not come (ms), after live validation is stopped. */
  quietMs: number;
  /** The sheets this scenario created (`ops` and `prepare` record theirs): only these are deleted after it. */
  own: OwnSheets;
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
  /** Sheets that appeared during the scenario but were not created by it: not deleted. */
  leftAlone?: string[];
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
  /**
   * What Excel did where the imitation guesses. `failed` counts, besides failed scenarios, the
   * probes the add-in depends on (`addinDependsOn`) that disagree.
   */
  probes: ProbeResult[];
  /** Set when the workbook was not safe to test: nothing ran. */
  refused?: Refusal;
  /** What Office.js could not tell about the workbook's safety here. */
  cannotTell: string[];
  /** The scenario deliberately broken by `?break=` (tests only). */
  broken?: string;
  startedAt: string;
  totalMs: number;
  /** Anything else worth sending back: Office version, user agent, template version. */
  environment: Record<string, string>;
  /** Content-Security-Policy violations the page saw (set by the page, src/selftest/index.ts). */
  cspViolations?: string[];
}

export interface RunOptions {
  run: ExcelRun;
  makeOperations(): AddinOperations;
  requirements: { isSetSupported(name: string, version?: string): boolean };
  host: string;
  platform: string;
  environment?: Record<string, string>;
  /** `Office.context.document.mode`, or null when the host does not say (the in-memory workbook). */
  documentMode?: string | null;
  scenarios: Scenario[];
  probes?: readonly Probe[];
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
    probes: [],
    cannotTell: [],
    startedAt: new Date().toISOString(),
    totalMs: 0,
    environment: options.environment ?? {},
  };
  const excelApi = highestVersion(options.requirements);
  if (excelApi) result.requirementSets.ExcelApi = excelApi;
  if (options.broken) result.broken = options.broken;
  const supports = (set: string, version: string) => options.requirements.isSetSupported(set, version);
  const finish = () => {
    result.done = true;
    result.totalMs = Math.round(now() - t0);
    return result;
  };

  const safety = await checkSafety({ run: options.run, supports, documentMode: options.documentMode ?? null });
  result.cannotTell = safety.cannotTell;
  if (safety.refused) {
    result.refused = safety.refused;
    return finish();
  }

  const probed = await runProbes(options.run, supports, options.probes ?? []);
  result.probes = probed.results;
  result.failed += probed.results.filter((p) => p.addinDependsOn && p.agrees === false).length;
  // Leftover sheets would be taken for the scenarios' own: running on would prove nothing.
  let stopped: string | null = probed.cleanupFailed ? `Not run: after the probes, ${probed.cleanupFailed}.` : null;

  const total = options.scenarios.length;
  for (const [index, scenario] of options.scenarios.entries()) {
    options.onProgress?.({ index, total, scenario });
    const started = now();
    const entry: ScenarioResult = { name: scenario.name, ok: false, ms: 0 };
    if (stopped) entry.error = stopped;
    else stopped = await runScenario(options, scenario, entry);
    entry.ms = Math.round(now() - started);
    result.scenarios.push(entry);
    if (entry.ok) result.passed++;
    else result.failed++;
    options.onProgress?.({ index, total, scenario, result: entry });
  }
  return finish();
}

/** Runs one scenario into `entry`; returns why the scenarios after it must not run, or null. */
async function runScenario(options: RunOptions, scenario: Scenario, entry: ScenarioResult): Promise<string | null> {
  let state;
  try {
    state = await captureState(options.run);
  } catch (e) {
    entry.error = `reading the workbook before the scenario failed: ${describeError(e)}`;
    return `Not run: reading the workbook before "${scenario.name}" failed.`;
  }
  const own = new OwnSheets(options.run, state);
  const real = recordingSheets(options.makeOperations(), own);
  const ctx: ScenarioContext = {
    ops: options.broken === scenario.name ? sabotage(real, scenario.subject) : real,
    prepare: recordingSheets(options.makeOperations(), own),
    run: options.run,
    liveTimeoutMs: options.liveTimeoutMs ?? 15_000,
    quietMs: options.quietMs ?? 1_500,
    own,
  };
  try {
    await scenario.run(ctx);
    entry.ok = true;
  } catch (e) {
    entry.error = describeError(e);
  }
  const fail = (message: string) => {
    entry.ok = false;
    entry.error = `${entry.error ? `${entry.error}; ` : ''}${message}`;
  };
  try {
    const restored = await restoreState(options.run, state, own);
    entry.cleanedUp = restored.deleted;
    if (restored.leftAlone.length > 0) {
      entry.leftAlone = restored.leftAlone;
      const list = restored.leftAlone.map((s) => `"${s}"`).join(', ');
      fail(`sheets appeared that the self-test did not create, and were left alone: ${list}`);
      return `Not run: sheets the self-test did not create appeared during "${scenario.name}" (${list}).`;
    }
  } catch (e) {
    fail(`clean-up failed: ${describeError(e)}`);
    return `Not run: cleaning up after "${scenario.name}" failed.`;
  }
  return null;
}
