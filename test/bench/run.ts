/**
 * `npm run bench` — runs the benchmark sections that exist and reports them with the machine
 * they ran on. `npm run bench -- --json` prints one JSON object (and nothing else) on stdout:
 *   { machine, engine, excel, coauthor, taskpane, cli, consolidate, report, hostile, catalogImport, code }
 * A section whose file is not there yet is null (and said so in the human output); a section
 * that throws makes the run exit non-zero. Sections run one after another, never in parallel,
 * so they do not disturb each other's timings. `--only cli,consolidate` runs those sections only
 * (the others are left out of the report); without it every section runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Section {
  key:
    | 'engine'
    | 'excel'
    | 'coauthor'
    | 'taskpane'
    | 'cli'
    | 'consolidate'
    | 'report'
    | 'hostile'
    | 'catalogImport'
    | 'code';
  file: string;
  exportName: string;
  title: string;
}

const SECTIONS: Section[] = [
  { key: 'engine', file: 'engine.ts', exportName: 'benchEngine', title: 'Engine (validation, subtotals)' },
  { key: 'excel', file: 'excel.ts', exportName: 'benchExcel', title: 'Excel adapter on the in-memory workbook' },
  {
    key: 'coauthor',
    file: 'coauthor.ts',
    exportName: 'benchCoauthor',
    title: 'Co-authoring: 10 panes, 100 edit bursts, an upgrade meanwhile, upgrade fuzz',
  },
  { key: 'taskpane', file: 'taskpane.ts', exportName: 'benchTaskpane', title: 'Task pane' },
  { key: 'cli', file: 'cli.ts', exportName: 'benchCli', title: 'Command line (.xlsx)' },
  {
    key: 'consolidate',
    file: 'consolidate.ts',
    exportName: 'benchConsolidate',
    title: 'Consolidation of 50 unit workbooks (Node and the pane in Chromium)',
  },
  {
    key: 'report',
    file: 'report.ts',
    exportName: 'benchReport',
    title: 'Word report of one unit (cchc report, the pane)',
  },
  {
    key: 'hostile',
    file: 'hostile.ts',
    exportName: 'benchHostile',
    title: 'Hostile and damaged returns in cchc check (generated corpus, random damage)',
  },
  {
    key: 'catalogImport',
    file: 'catalogImport.ts',
    exportName: 'benchCatalogImport',
    title: 'cchc catalog import of the 2021 PAR-index table (and export)',
  },
  {
    key: 'code',
    file: 'code.ts',
    exportName: 'benchCodeSection',
    title: 'Code: size of src/ and breaches of the layering',
  },
];

type SectionOutcome =
  | { state: 'absent'; file: string }
  | { state: 'ok'; result: unknown; seconds: number }
  | { state: 'failed'; error: string };

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started: a busy machine explains slow numbers. */
  loadAverage1m: number;
  date: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
    date: new Date().toISOString(),
  };
}

async function runSection(section: Section, dir: string): Promise<SectionOutcome> {
  const file = path.join(dir, section.file);
  if (!fs.existsSync(file)) {
    return { state: 'absent', file: path.relative(process.cwd(), file) };
  }
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const bench = mod[section.exportName];
    if (typeof bench !== 'function') {
      throw new Error(`${section.file} does not export a function ${section.exportName}()`);
    }
    const started = process.hrtime.bigint();
    const result: unknown = await (bench as () => Promise<unknown>)();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { state: 'ok', result, seconds };
  } catch (err) {
    return { state: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value.toLocaleString('en-US');
    return value.toLocaleString('en-US', { maximumSignificantDigits: 4 });
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Nested objects as indented "key: value" lines; arrays of objects as numbered entries. */
export function formatHuman(value: unknown, indent = '  '): string[] {
  if (value === null || typeof value !== 'object') return [`${indent}${formatValue(value)}`];
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value);
  const lines: string[] = [];
  for (const [key, v] of entries) {
    if (v !== null && typeof v === 'object') {
      lines.push(`${indent}${key}:`, ...formatHuman(v, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${formatValue(v)}`);
    }
  }
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  // --dir lets the runner be tried on stand-in sections without touching test/bench/.
  const dirFlag = argv.indexOf('--dir');
  const dir = dirFlag >= 0 && argv[dirFlag + 1] ? path.resolve(argv[dirFlag + 1]) : __dirname;
  const onlyFlag = argv.indexOf('--only');
  const only = onlyFlag >= 0 ? new Set((argv[onlyFlag + 1] ?? '').split(',').filter(Boolean)) : null;
  const unknown = only ? [...only].filter((key) => !SECTIONS.some((s) => s.key === key)) : [];
  if (only && (only.size === 0 || unknown.length > 0))
    throw new Error(`--only takes section names among ${SECTIONS.map((s) => s.key).join(', ')}`);
  const machine = machineInfo();
  const out = (line: string) => process.stdout.write(`${line}\n`);

  // In --json mode stdout carries the JSON object only: a section's progress output goes to stderr.
  const originalLog = console.log;
  const originalInfo = console.info;
  if (json) {
    console.log = (...args: unknown[]) => console.error(...args);
    console.info = console.log;
  }

  if (!json) {
    out('== machine ==');
    formatHuman(machine).forEach(out);
  }
  const report: Record<string, unknown> = { machine };
  let failures = 0;
  for (const section of SECTIONS) {
    if (only && !only.has(section.key)) continue;
    if (!json) out(`\n== ${section.key}: ${section.title} ==`);
    const outcome = await runSection(section, dir);
    if (outcome.state === 'absent') {
      report[section.key] = null;
      if (!json) out(`  not run: ${outcome.file} does not exist yet`);
    } else if (outcome.state === 'failed') {
      failures++;
      report[section.key] = { error: outcome.error.split('\n')[0] };
      process.stderr.write(`benchmark section "${section.key}" failed:\n${outcome.error}\n`);
      if (!json) out(`  FAILED: ${outcome.error.split('\n')[0]} (stack on stderr)`);
    } else {
      report[section.key] = outcome.result;
      if (!json) {
        formatHuman(outcome.result).forEach(out);
        out(`  (section ran in ${outcome.seconds.toFixed(2)} s)`);
      }
    }
  }

  console.log = originalLog;
  console.info = originalInfo;
  if (json) out(JSON.stringify(report));
  else out(failures ? `\n${failures} benchmark section(s) failed.` : '');
  return failures ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
