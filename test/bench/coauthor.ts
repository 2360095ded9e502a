/**
 * Co-authoring on the in-memory workbook's simulation: 10 panes open on one shared workbook (one
 * of them a co-author with view rights), one official making 100 bursts of edits on the PAR
 * sheet while another upgrades the templates from an older version; then the upgrade fuzz.
 *
 *   flagWrites      round trips carrying a mark write (CCHC_FLAGS), all panes together, during
 *                   the bursts (the upgrade's own writes are not counted). Target ≤ bursts.
 *   writesOnOpen    round trips carrying any write while the 10 panes open. Target 0.
 *   lostValues      values a co-author typed during an upgrade (at every round-trip boundary,
 *                   over fuzzSeeds seeds) found neither in their cell nor in the unplaced sheet.
 *   readOnlyErrors  errors the view-only pane met (live validation, validate, totals, targets).
 */
import type { ExcelOperations } from '../../src/excel';
import { buildSheetPlan } from '../../src/layout';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { OLD_VERSION, olderPlan, opsFor, upgradeWhileTyping } from '../excel/coauthoringScenarios';

export interface CoauthorBench {
  clients: number;
  bursts: number;
  flagWrites: number;
  writesOnOpen: number;
  lostValues: number;
  fuzzSeeds: number;
  /** Round-trip boundaries tried per seed (before the read … after the last round trip). */
  fuzzBoundaries: number;
  readOnlyErrors: number;
  /** Wall-clock seconds of the panes-and-bursts part on the simulation (not Excel's speed). */
  seconds: number;
}

const CLIENTS = 10;
const BURSTS = 100;
const FUZZ_SEEDS = 200;
const BOUNDARIES = [0, 1, 2, 3];
const UPGRADE_AT = 20;

async function settle(wb: MemoryWorkbook): Promise<void> {
  await wb.shared.whenIdle();
  await new Promise((r) => setTimeout(r, 12));
  await wb.shared.whenIdle();
}

export async function benchCoauthor(): Promise<CoauthorBench> {
  const started = process.hrtime.bigint();
  const oldPar = olderPlan('PAR', 1);
  const legacyPlan = (id: string, v: string) => (id === 'PAR' && v === OLD_VERSION ? oldPar : null);
  const editor = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.8' }, remoteDelayMs: 2 });
  await opsFor(editor, { legacyPlan }).injectPlans([oldPar, buildSheetPlan('I')]);

  const clients = [editor];
  for (let i = 1; i < CLIENTS; i++) clients.push(editor.coauthor({ user: `Đơn vị ${i}`, readOnly: i === CLIENTS - 1 }));
  const viewer = clients[CLIENTS - 1];
  const upgrader = clients[1];
  const writes = () => clients.reduce((n, c) => n + c.stats.writeSyncs, 0);

  let readOnlyErrors = 0;
  const otherErrors: unknown[] = [];
  const panes: { ops: ExcelOperations; stop: () => Promise<void> }[] = [];
  const beforeOpen = writes();
  for (const wb of clients) {
    const ops = opsFor(wb, { legacyPlan });
    await ops.inspect();
    const stop = await ops.startLiveValidation(
      () => undefined,
      (e) => {
        if (wb === viewer) readOnlyErrors++;
        else otherErrors.push(e);
      },
    );
    panes.push({ ops, stop });
  }
  await settle(editor);
  const writesOnOpen = writes() - beforeOpen;

  const par = buildSheetPlan('PAR');
  const oldLeaves = oldPar.rows.filter((r) => r.kind === 'par-leaf' && r.inputs.score2021);
  const beforeBursts = writes();
  let upgradeWrites = 0;
  let upgrade: Promise<void> | null = null;
  for (let m = 0; m < BURSTS; m++) {
    if (m === UPGRADE_AT) {
      const before = upgrader.stats.writeSyncs;
      upgrade = panes[1].ops.inject(['PAR']).then(() => {
        upgradeWrites = upgrader.stats.writeSyncs - before;
      });
    }
    // A burst: two quick pastes into score cells (one not a number), then a pause.
    const leaf = oldLeaves[m % oldLeaves.length];
    const layout = m < UPGRADE_AT ? oldPar : par;
    const cell = (key: string) => {
      const row = layout.rows.find((r) => r.key === key)!;
      return `${row.inputs.score2021}${row.row}`;
    };
    await editor.pasteFromUser(par.name, cell(leaf.key), [[m % 2 ? '0,5' : '0.25']]);
    await editor.pasteFromUser(par.name, cell(oldLeaves[(m + 7) % oldLeaves.length].key), [['1']]);
    await settle(editor);
    if (upgrade && m === UPGRADE_AT) await upgrade;
  }
  await settle(editor);
  const flagWrites = writes() - beforeBursts - upgradeWrites;

  // The view-only pane's buttons that only read: no error may reach the official.
  for (const run of [() => panes[CLIENTS - 1].ops.validate(), () => panes[CLIENTS - 1].ops.subtotals(false)])
    await run().catch(() => readOnlyErrors++);
  await panes[CLIENTS - 1].ops.highlightBelowTarget().catch(() => readOnlyErrors++);
  for (const p of panes) await p.stop();
  if (otherErrors.length) throw new Error(`panes met errors: ${JSON.stringify(otherErrors).slice(0, 500)}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  let lostValues = 0;
  for (let seed = 1; seed <= FUZZ_SEEDS; seed++)
    for (const boundary of BOUNDARIES) lostValues += (await upgradeWhileTyping(seed, boundary)).lost.length;

  return {
    clients: CLIENTS,
    bursts: BURSTS,
    flagWrites,
    writesOnOpen,
    lostValues,
    fuzzSeeds: FUZZ_SEEDS,
    fuzzBoundaries: BOUNDARIES.length,
    readOnlyErrors,
    seconds: Math.round(seconds * 100) / 100,
  };
}
