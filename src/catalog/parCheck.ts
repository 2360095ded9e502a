/**
 * The rules a year's PAR-index list keeps, checked where a list enters the add-in: a data file in
 * catalog/par/ (at build, in tests, and when the catalog loads it) and a table `cchc catalog import`
 * reads. The file's shape is published as par/par-list.schema.json (JSON Schema, checked with a
 * schema validator at build); readParListFile() repeats that shape by hand so that the pane carries
 * no schema validator. The rules between rows live only here.
 */
import type { ParRow, UnitId } from './types';
import { UNITS, unitByName } from './units';

/** What a problem is about: the importer words some of them itself (an unknown unit's name). */
export type ParRule =
  | 'shape'
  | 'first-total'
  | 'duplicate-key'
  | 'parent-missing'
  | 'key-nesting'
  | 'children'
  | 'stt'
  | 'max-sum'
  | 'total-100'
  | 'negative'
  | 'over-max'
  | 'lead-missing'
  | 'lead-unknown'
  | 'lead-text'
  | 'parent-lead';

/** What a rule found: its wording, in both languages, is parWording.ts's (the pane loads no messages). */
export interface ParListFinding {
  rule: ParRule;
  /** Position of the row in the list; null for the list as a whole. */
  index: number | null;
  /** The row's key, where it has one. */
  key: string | null;
  /** The figures and names the message quotes. */
  facts: Readonly<Record<string, string | number>>;
}

/** A year's list as its data file holds it (par/par-list.schema.json). */
export interface ParListFile {
  year: number;
  previousYear: number;
  source: { number: string; issued: string; title: string };
  notes: string[];
  rows: ParRow[];
}

/** A list that breaks a rule (a build checks every file first, so only a broken build meets this). */
export class ParListError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly ParListFinding[],
  ) {
    super(`${file} breaks the PAR-list rules: ${problems.map((p) => `${p.rule} ${p.key ?? ''}`.trim()).join(', ')}`);
  }
}

const KNOWN_UNITS = new Set<string>(UNITS.map((u) => u.id));
const milli = (x: number): number => Math.round(x * 1000);

/** The rules between rows (the shape is assumed). Empty when the list keeps them all. */
export function checkParRows(rows: readonly ParRow[]): ParListFinding[] {
  const problems: ParListFinding[] = [];
  const add = (rule: ParRule, index: number | null, facts: ParListFinding['facts'] = {}): void => {
    problems.push({ rule, index, key: index === null ? null : rows[index].id, facts });
  };
  const first = rows[0];
  if (!first || first.id !== 'total' || first.level !== 0 || first.parent !== null)
    add('first-total', first ? 0 : null);

  const byId = new Map<string, ParRow>();
  rows.forEach((row, i) => {
    if (byId.has(row.id)) add('duplicate-key', i, { id: row.id });
    else byId.set(row.id, row);
  });

  rows.forEach((row, i) => {
    if (i === 0 || row.id === 'total') return;
    const parent = row.parent === null ? undefined : byId.get(row.parent);
    if (!parent || rows.indexOf(parent) > i) {
      add('parent-missing', i, { id: row.id, parent: row.parent ?? '' });
      return;
    }
    const own = parent.id === 'total' ? row.id : row.id.slice(parent.id.length + 1);
    const nested =
      (parent.id === 'total' || row.id.startsWith(`${parent.id}.`)) &&
      /^([0-9]+|other)$/.test(own) &&
      row.level === parent.level + 1;
    if (!nested || row.level > 3) add('key-nesting', i, { id: row.id, parent: parent.id });
    const printed = row.synthetic ? '' : row.id;
    if (row.stt !== printed) add('stt', i, { id: row.id, stt: row.stt, synthetic: row.synthetic ? 1 : 0 });
  });

  rows.forEach((row, i) => {
    const children = rows.filter((r) => r.parent === row.id && r !== row).map((r) => r.id);
    if (children.join('\n') !== row.children.join('\n'))
      add('children', i, { id: row.id, listed: row.children.join(', '), naming: children.join(', ') });
    if (row.children.length > 0) {
      const kids = row.children.map((c) => byId.get(c)).filter((c): c is ParRow => c !== undefined);
      const sum = kids.reduce((acc, c) => acc + milli(c.max), 0) / 1000;
      if (kids.length === row.children.length && milli(row.max) !== milli(sum))
        add('max-sum', i, { max: row.max, sum });
    }
    if (row.id === 'total' && row.max !== 100) add('total-100', i, { max: row.max });
    for (const field of ['previousScore', 'target'] as const) {
      const value = row[field];
      if (value < 0) add('negative', i, { field, value });
      else if (milli(value) > milli(row.max)) add('over-max', i, { field, value, max: row.max });
    }
  });

  const leavesOf = (row: ParRow, seen = new Set<string>()): ParRow[] => {
    if (seen.has(row.id)) return [];
    seen.add(row.id);
    if (row.children.length === 0) return [row];
    return row.children.flatMap((c) => {
      const child = byId.get(c);
      return child ? leavesOf(child, seen) : [];
    });
  };
  rows.forEach((row, i) => {
    if (row.children.length === 0) {
      if (row.lead === null) add('lead-missing', i);
      else if (!KNOWN_UNITS.has(row.lead)) add('lead-unknown', i, { name: row.leadText ?? row.lead });
      else if (row.leadText !== null && unitByName(row.leadText)?.id !== row.lead)
        add('lead-text', i, { name: row.leadText });
      return;
    }
    const leads = new Set(leavesOf(row).map((l) => l.lead));
    const shared: UnitId | null = leads.size === 1 && row.id !== 'total' && row.level > 1 ? [...leads][0] : null;
    if (row.lead !== shared || row.leadText !== null) add('parent-lead', i);
  });
  return problems;
}

type Check = (v: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isText: Check = (v) => typeof v === 'string' && v.length > 0;
const isYear: Check = (v) => Number.isInteger(v) && (v as number) >= 2000 && (v as number) <= 2100;
const isScore: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema's fields, by hand: [field, check, required]. */
const ROW_FIELDS: readonly (readonly [string, Check, boolean])[] = [
  ['id', (v) => typeof v === 'string' && /^(total|[0-9]+(\.[0-9]+)*(\.other)?)$/.test(v), true],
  ['stt', isString, true],
  ['label', isText, true],
  ['level', (v) => v === 0 || v === 1 || v === 2 || v === 3, true],
  ['parent', orNull(isString), true],
  ['children', listOf(isString), true],
  ['max', isScore, true],
  ['previousScore', isScore, true],
  ['target', isScore, true],
  ['lead', orNull((v) => typeof v === 'string' && /^[A-Z]+$/.test(v)), true],
  ['leadText', orNull(isText), true],
  ['tasks', listOf(isText), true],
  ['deadline', listOf(isText), true],
  ['synthetic', (v) => v === true, false],
  ['note', isText, false],
];
const FILE_FIELDS: readonly (readonly [string, Check, boolean])[] = [
  ['$schema', isString, false],
  ['year', isYear, true],
  ['previousYear', isYear, true],
  [
    'source',
    (v) =>
      isRecord(v) &&
      fieldsProblem(v, [
        ['number', isText, true],
        ['issued', (d) => typeof d === 'string' && /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/.test(d), true],
        ['title', isText, true],
      ]) === null,
    true,
  ],
  ['notes', listOf(isText), false],
  ['rows', (v) => Array.isArray(v) && v.length >= 2, true],
];

/** The first field of `value` that breaks its check, or an unknown field; null when none does. */
function fieldsProblem(
  value: Record<string, unknown>,
  fields: readonly (readonly [string, Check, boolean])[],
): string | null {
  for (const [field, check, required] of fields) {
    if (!(field in value)) {
      if (required) return field;
    } else if (!check(value[field])) return field;
  }
  return Object.keys(value).find((k) => !fields.some(([f]) => f === k)) ?? null;
}

/**
 * The problems of a data file's content: its shape (as par-list.schema.json says), then, when the
 * shape holds, the rules between rows.
 */
export function checkParListFile(data: unknown): ParListFinding[] {
  const shape = (index: number | null, key: string | null, field: string): ParListFinding => ({
    rule: 'shape',
    index,
    key,
    facts: { field },
  });
  if (!isRecord(data)) return [shape(null, null, '(file)')];
  const top = fieldsProblem(data, FILE_FIELDS);
  if (top !== null) return [shape(null, null, top)];
  const problems: ParListFinding[] = [];
  (data.rows as unknown[]).forEach((row, i) => {
    const field = isRecord(row) ? fieldsProblem(row, ROW_FIELDS) : '(row)';
    if (field !== null) problems.push(shape(i, isRecord(row) && typeof row.id === 'string' ? row.id : null, field));
  });
  if (problems.length > 0) return problems;
  return checkParRows(data.rows as ParRow[]);
}

/** A data file's content as a list, or a ParListError naming every problem. */
export function readParListFile(data: unknown, name: string): ParListFile {
  const problems = checkParListFile(data);
  if (problems.length > 0) throw new ParListError(name, problems);
  const file = data as ParListFile & { $schema?: string };
  return {
    year: file.year,
    previousYear: file.previousYear,
    source: file.source,
    notes: file.notes ?? [],
    rows: file.rows,
  };
}
