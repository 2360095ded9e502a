/**
 * Probes: where the imitation of Excel (src/memoryExcel, docs/excel-semantics.md) guesses and the
 * Excel API can show what Excel really does, the self-test asks Excel and reports both side by
 * side. A probe does not pass or fail: it reports what it saw. Only when the add-in itself relies
 * on the guess (`addinDependsOn`) does a disagreement count as a failure of the self-test.
 *
 * Each probe gets a scratch sheet of its own, which the runner adds and deletes by id
 * (probeRunner.ts). `observe` returns what Excel did as one short line in a fixed vocabulary:
 * "value 0.85, format 0.0##", "accepted, reads …", "refused (ErrorCode)". `imitationAssumes` is
 * that line as the imitation produces it; with ?host=memory both come from the imitation, so
 * they must agree (test/selftest/probes.test.ts, test/e2e/selftest.e2e.ts).
 */
import type { ExcelRun } from '../excel';
import { FIT_WIDTH_ZOOM } from '../excel/queue';

export interface ProbeContext {
  run: ExcelRun;
  /** The probe's scratch sheet (empty, new). */
  sheet: string;
}

export interface Probe {
  /** Stable identifier in the JSON result. */
  name: string;
  /** What is asked of Excel (English: read by the add-in's developers and IT staff). */
  question: string;
  /** ExcelApi version the probe needs; below it, it is reported not run. */
  needs?: string;
  /** What the imitation does, in the words `observe` returns. */
  imitationAssumes: string;
  /** Where the add-in relies on the guess: a disagreement fails the self-test. */
  addinDependsOn?: string;
  observe(ctx: ProbeContext): Promise<string>;
}

export interface ProbeResult {
  name: string;
  question: string;
  imitationAssumes: string;
  excelDid: string;
  /** null when the probe could not run here (its API is missing). */
  agrees: boolean | null;
  addinDependsOn?: string;
}

/** A value as one token: numbers rounded to 12 significant digits (binary noise), strings quoted. */
export function token(v: unknown): string {
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  return JSON.stringify(v) ?? String(v);
}

/** An object as JSON with sorted keys and no null or undefined members (Excel may add either). */
function canonical(v: unknown): string {
  if (!v || typeof v !== 'object') return token(v);
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== null && x !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}

/** "refused (Code)" for an error Excel raised (its code, else its name). */
export function refused(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return `refused (${typeof code === 'string' && code ? code : e instanceof Error ? e.name : 'unknown'})`;
}

/** Runs `f`; an error becomes "refused (Code)", a result is described by `describe`. */
async function outcome<T>(f: () => Promise<T>, describe: (value: T) => string): Promise<string> {
  let value: T;
  try {
    value = await f();
  } catch (e) {
    return refused(e);
  }
  return describe(value);
}

const on = (c: Excel.RequestContext, sheet: string) => c.workbook.worksheets.getItem(sheet);

const percentIntoDecimalFormat: Probe = {
  name: 'percent-into-decimal-format',
  question:
    'Writing the text "85%" through Range.values into a cell formatted "0.0##": what value, and does the format become a percent?',
  imitationAssumes: 'value 0.85, format 0.0##',
  observe: ({ run, sheet }) =>
    outcome(
      () =>
        run(async (c) => {
          const r = on(c, sheet).getRange('A1');
          r.numberFormat = [['0.0##']];
          await c.sync();
          r.values = [['85%']];
          r.load('values,numberFormat');
          await c.sync();
          return { value: r.values[0][0] as unknown, format: r.numberFormat[0][0] as unknown };
        }),
      ({ value, format }) => `value ${token(value)}, format ${String(format)}`,
    ),
};

const textDecimals: Probe = {
  name: 'text-decimal-separators',
  question:
    'Writing the texts "1,5" and "1.5" through Range.values into General cells: what does each become (the decimal separator of this Excel)?',
  imitationAssumes: '"1,5" → String "1,5"; "1.5" → Double 1.5',
  observe: ({ run, sheet }) =>
    outcome(
      () =>
        run(async (c) => {
          const r = on(c, sheet).getRange('A1:B1');
          r.values = [['1,5', '1.5']];
          r.load('values,valueTypes');
          await c.sync();
          return [0, 1].map((i) => ({ type: String(r.valueTypes[0][i]), value: r.values[0][i] as unknown }));
        }),
      ([a, b]) => `"1,5" → ${a.type} ${token(a.value)}; "1.5" → ${b.type} ${token(b.value)}`,
    ),
};

const nameArrayConstant: Probe = {
  name: 'name-array-constant',
  question:
    'Adding a sheet-scoped name whose formula is the array constant ={"a","b"} (office-js #2891: parsed with the list separator of the system?)',
  imitationAssumes: 'accepted, reads ={"a","b"}',
  addinDependsOn:
    'Only sheets inserted by an earlier version still get the CCHC_FLAGS array constant (src/layout/flagsName.ts); sheets inserted now keep their marks as text in the hidden column U (src/layout/flagColumn.ts), which needs no list separator.',
  observe: ({ run, sheet }) =>
    outcome(
      () =>
        run(async (c) => {
          const name = on(c, sheet).names.add('CCHC_PROBE_LIST', '={"a","b"}');
          name.load('formula');
          await c.sync();
          return String(name.formula);
        }),
      (formula) => `accepted, reads ${formula}`,
    ),
};

const nameTwice: Probe = {
  name: 'name-added-twice',
  question: 'Adding a name that already exists in the same scope: which error?',
  imitationAssumes: 'refused (ItemAlreadyExists)',
  observe: ({ run, sheet }) =>
    outcome(
      () =>
        run(async (c) => {
          on(c, sheet).names.add('CCHC_PROBE_TWICE', '=1');
          await c.sync();
          on(c, sheet).names.add('CCHC_PROBE_TWICE', '=2');
          await c.sync();
        }),
      () => 'accepted',
    ),
};

const fitWidthZoom: Probe = {
  name: 'fit-width-zoom',
  question: `Setting PageLayout.zoom to ${canonical(FIT_WIDTH_ZOOM)} (verticalFitToPages 0 = automatic; office-js #1860): what does zoom read back?`,
  needs: '1.9',
  imitationAssumes: `reads ${canonical(FIT_WIDTH_ZOOM)}`,
  addinDependsOn: 'Inserting templates sets this zoom so that each sheet prints one page wide (src/excel/queue.ts).',
  observe: ({ run, sheet }) =>
    outcome(
      () =>
        run(async (c) => {
          const layout = on(c, sheet).pageLayout;
          layout.zoom = FIT_WIDTH_ZOOM;
          await c.sync();
          layout.load('zoom');
          await c.sync();
          return layout.zoom;
        }),
      (zoom) => `reads ${canonical(zoom)}`,
    ),
};

/** A Custom rule on A1:A3, then a data bar over it (on top): a rule this add-in did not write as its own. */
async function customBesideDataBar(c: Excel.RequestContext, sheet: string): Promise<Excel.ConditionalFormatCollection> {
  const range = on(c, sheet).getRange('A1:A3');
  const custom = range.conditionalFormats.add('Custom');
  custom.custom.rule.formula = '=A1>1';
  custom.custom.format.fill.color = '#FFC7CE';
  range.conditionalFormats.add('DataBar');
  await c.sync();
  return range.conditionalFormats;
}

const otherRuleDetails: Probe = {
  name: 'other-rule-details',
  question:
    'With a data bar beside a Custom rule, loading every rule’s customOrNullObject/rule/formula, then every rule’s custom/rule/formula (office-js #6835, #6827, #2180: do such reads throw?)',
  imitationAssumes: 'customOrNullObject: refused (GeneralException); custom: refused (InvalidOperation)',
  async observe({ run, sheet }) {
    await run(async (c) => {
      await customBesideDataBar(c, sheet);
    });
    const read = (path: 'customOrNullObject' | 'custom') =>
      outcome(
        () =>
          run(async (c) => {
            const cfs = on(c, sheet).getRange('A1:A3').conditionalFormats;
            cfs.load(`items/type,items/${path}/rule/formula`);
            await c.sync();
            return cfs.items.map((cf) => {
              const part = path === 'custom' ? cf.custom : cf.customOrNullObject;
              return `${cf.type} ${part.isNullObject ? 'null' : part.rule.formula}`;
            });
          }),
        (rules) => `reads ${rules.join(', ')}`,
      );
    return `customOrNullObject: ${await read('customOrNullObject')}; custom: ${await read('custom')}`;
  },
};

const ownRuleById: Probe = {
  name: 'own-rule-by-id',
  question:
    'With a data bar beside a Custom rule: loading items/id,items/type, then the Custom rule’s custom/rule/formula through getItem(id)',
  imitationAssumes: 'ids 0, 1; reads Custom =A1>1',
  addinDependsOn:
    'The add-in finds its own rules this way beside officials’ rules of other types (src/excel/cfRules.ts).',
  observe: ({ run, sheet }) =>
    outcome(
      () =>
        run(async (c) => {
          const cfs = await customBesideDataBar(c, sheet);
          cfs.load('items/id,items/type');
          await c.sync();
          const ids = cfs.items.map((cf) => cf.id);
          const custom = cfs.items.filter((cf) => cf.type === 'Custom').map((cf) => cfs.getItem(cf.id).custom.rule);
          custom.forEach((rule) => rule.load('formula'));
          await c.sync();
          return { ids, formulas: custom.map((rule) => rule.formula) };
        }),
      ({ ids, formulas }) => `ids ${ids.join(', ')}; reads Custom ${formulas.join(', ')}`,
    ),
};

const emptyCellFill: Probe = {
  name: 'empty-cell-fill',
  question: 'The fill colour an untouched cell reads',
  imitationAssumes: 'reads "#FFFFFF"',
  observe: ({ run, sheet }) =>
    outcome(
      () =>
        run(async (c) => {
          const fill = on(c, sheet).getRange('C3').format.fill;
          fill.load('color');
          await c.sync();
          return fill.color;
        }),
      (color) => `reads ${token(color)}`,
    ),
};

const nullObjectWrite: Probe = {
  name: 'null-object-write',
  question: 'Writing a value through a range of a null object (getItemOrNullObject of a missing sheet): what happens?',
  imitationAssumes: 'refused (NullObjectAccess)',
  observe: ({ run }) =>
    outcome(
      () =>
        run(async (c) => {
          c.workbook.worksheets.getItemOrNullObject('CCHC no such sheet').getRange('A1').values = [[1]];
          await c.sync();
        }),
      () => 'accepted (nothing written)',
    ),
};

/** Every probe, in the order they run. */
export const PROBES: readonly Probe[] = [
  percentIntoDecimalFormat,
  textDecimals,
  nameArrayConstant,
  nameTwice,
  fitWidthZoom,
  otherRuleDetails,
  ownRuleById,
  emptyCellFill,
  nullObjectWrite,
];
