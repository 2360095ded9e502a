/**
 * Per-template look-up tables, built once from the sheet plan and the catalog and cached by template
 * id: which keys the sheet has, each key's input cells with their kind, the relations between rows,
 * the PAR tree as index arrays. Validation then reads a sheet in one pass with no planning work and
 * no look-up by name on the hot path.
 */
import { appendix1Template, latestParList, parList } from '../catalog';
import type { ParList } from '../catalog/parLists';
import type { Appendix1Table, ParRow, Relation, TemplateId } from '../catalog/types';
import { columnNumber } from '../layout/a1';
import { buildSheetPlan } from '../layout';
import type { RowPlan, SheetPlan } from '../layout/types';
import type { CellKind } from './parse';
import { fieldCaches } from './memo';
import { NOISE, toMilli } from './sums';
import type { ProblemCache } from './memo';

/** Kinds as small integers, for the per-cell switch. */
export const KIND_CODE: Record<CellKind, number> = {
  count: 0,
  percent: 1,
  flag: 2,
  passfail: 3,
  text: 4,
  group: 5,
  parScore: 6,
};

export interface Slot {
  columnId: string;
  /** Column letter in the plan (columns do not move; rows do). */
  letter: string;
  /** 1-based sheet column. */
  col: number;
  kind: CellKind;
  /** KIND_CODE[kind]. */
  code: number;
  /** PAR score: the criterion's maximum. */
  max: number | undefined;
  /** The largest valid number (max with a hair of tolerance; Infinity without a max). */
  limit: number;
  /** Column header for messages ('Năm 2019', 'Số UBND cấp huyện'…). */
  label: string;
  /** For year columns. */
  year: number | undefined;
  /** A year counted only in part ("Năm 2020 (Tính đến 31/3)"): its flows are a fraction of a year's. */
  partialYear: boolean;
  /** Verdicts on values seen before in fields of this kind and maximum, one cache per number style (NumberStyle.id). */
  verdicts: readonly ProblemCache<unknown>[];
}

export interface FormulaCell {
  columnId: string;
  letter: string;
  col: number;
  /** The formula the plan writes there, references in plan rows. */
  formula: string | undefined;
}

export interface RowSpec {
  key: string;
  /** Position in TemplateTable.rowList. */
  index: number;
  plan: RowPlan;
  /** Input cells in sheet column order. */
  inputs: Slot[];
  /** Group heading rows: cells under the data columns that must stay empty. */
  groupCells: Slot[];
  /** Computed cells (PAR G on parents, H). */
  formulas: FormulaCell[];
  /** Count rows with two or more year columns: indexes into `inputs`, by year. */
  yearSlots: number[];
  /** Index into TemplateTable.relationRows, or -1 when no relation names the row. */
  relationRow: number;
  par: ParRow | undefined;
}

export interface RelationCheck {
  relation: Relation;
  /** Rows in the order the slots refer to: sum → [total, ...parts]; atMost → [lesser, greater]. */
  specs: RowSpec[];
  /** Every column all the rows have: the slot index of that column in each row. */
  columns: Array<{ columnId: string; slots: number[] }>;
}

export interface ParColumns {
  max: number;
  previousScore: number;
  target: number;
  score: number;
  gap: number;
  evidence: number;
}

/** The PAR tree as arrays indexed like its list's rows (catalog order). */
export interface ParTree {
  /** The list the sheet was built from: its year, previous year and rows. */
  list: ParList;
  cols: ParColumns;
  rows: ParRow[];
  /** RowSpec.index of each row, -1 when the plan lacks it. */
  spec: Int32Array;
  /** Indexes of each row's direct children. */
  children: number[][];
  /** Every index, children before their parent. */
  postOrder: number[];
  maxMilli: Float64Array;
  targetMilli: Float64Array;
  score2020Milli: Float64Array;
  totalIndex: number;
  /** G-column letter. */
  scoreLetter: string;
  /** Row of each PAR row in the plan (0 when absent) and its G cell there: most sheets are never re-sorted. */
  planRow: Int32Array;
  planCell: string[];
}

export interface TemplateTable {
  templateId: TemplateId;
  plan: SheetPlan;
  keyCol: number;
  rows: Map<string, RowSpec>;
  rowList: RowSpec[];
  /** Rows named by a relation, in a fixed order (RowSpec.relationRow indexes this). */
  relationRows: RowSpec[];
  relations: RelationCheck[];
  /** Present for the PAR template. */
  par?: ParTree;
  /** Plan row number → row, to move formula references to where their rows now are. */
  specByPlanRow: Map<number, RowSpec>;
  /** Largest number of inputs on one row. */
  maxInputs: number;
}

const cache = new Map<string, TemplateTable>();

/** `parYear`: for PAR, the year of the sheet's list (SheetSnapshot.year); absent, the newest. */
export function templateTable(id: TemplateId, parYear?: number): TemplateTable {
  const year = id === 'PAR' ? (parYear ?? latestParList().year) : undefined;
  const key = year === undefined ? id : `${id}@${year}`;
  let table = cache.get(key);
  if (!table) {
    table = buildTable(id, buildSheetPlan(id, { parYear: year }));
    cache.set(key, table);
  }
  return table;
}

/** The tables a snapshot is read with: its template's, for a PAR sheet those of its year's list. */
export function tableOf(snapshot: { templateId: TemplateId; year?: number }): TemplateTable {
  return templateTable(snapshot.templateId, snapshot.year);
}

/** Builds the tables of a plan; exported so that a test can feed a hand-made plan. */
export function buildTable(id: TemplateId, plan: SheetPlan): TemplateTable {
  const template = appendix1Template(id);
  const columnInfo = new Map<string, { label: string; year?: number }>();
  const tableOfRow = new Map<string, Appendix1Table>();
  if (template)
    for (const t of template.tables) {
      for (const c of t.columns) columnInfo.set(`${t.id}|${c.id}`, { label: c.label, year: c.year });
      for (const r of t.rows) tableOfRow.set(r.id, t);
    }

  const keyColumn = plan.columns.find((c) => c.columnId === 'key');
  const keyCol = keyColumn ? columnNumber(keyColumn.letter) : 1;
  const rows = new Map<string, RowSpec>();
  const rowList: RowSpec[] = [];
  const specByPlanRow = new Map<number, RowSpec>();
  const planFormulas = new Map<string, string>();
  for (const c of plan.cells) if (c.formula !== undefined) planFormulas.set(c.address, c.formula);
  const list = id === 'PAR' ? (plan.year === undefined ? latestParList() : parList(plan.year)) : undefined;
  const parById = new Map((list?.rows ?? []).map((r) => [r.id, r]));
  const parLabels = list ? parColumnLabels(list) : {};

  for (const rp of plan.rows) {
    if (rows.has(rp.key)) continue; // a plan never repeats a key; keep the first if one did
    const par = parById.get(rp.key);
    const t = tableOfRow.get(rp.key);
    const inputs = Object.entries(rp.inputs)
      .map(([columnId, letter]) =>
        makeSlot(columnId, letter, cellKind(rp.kind, columnId), par, t, columnInfo, parLabels),
      )
      .sort((a, b) => a.col - b.col);
    const yearSlots =
      rp.kind === 'count'
        ? inputs
            .map((s, i) => ({ s, i }))
            .filter((x) => x.s.year !== undefined)
            .sort((a, b) => (a.s.year as number) - (b.s.year as number))
            .map((x) => x.i)
        : [];
    const spec: RowSpec = {
      key: rp.key,
      index: rowList.length,
      plan: rp,
      inputs,
      groupCells: [],
      formulas: Object.entries(rp.formulas).map(([columnId, letter]) => ({
        columnId,
        letter,
        col: columnNumber(letter),
        formula: planFormulas.get(`${letter}${rp.row}`),
      })),
      yearSlots: yearSlots.length >= 2 ? yearSlots : [],
      relationRow: -1,
      par,
    };
    rows.set(rp.key, spec);
    rowList.push(spec);
    specByPlanRow.set(rp.row, spec);
  }

  // A heading takes no value: its data cells are those its sub-rows fill.
  for (const spec of rowList) {
    if (spec.plan.kind !== 'group') continue;
    const seen = new Map<string, Slot>();
    for (const r of tableOfRow.get(spec.key)?.rows ?? [])
      if (r.parent === spec.key)
        for (const s of rows.get(r.id)?.inputs ?? [])
          if (!seen.has(s.letter))
            seen.set(s.letter, {
              ...s,
              kind: 'group',
              code: KIND_CODE.group,
              year: undefined,
              verdicts: fieldCaches('group', undefined),
            });
    spec.groupCells = [...seen.values()].sort((a, b) => a.col - b.col);
  }

  const relationRows: RowSpec[] = [];
  const relations: RelationCheck[] = [];
  for (const relation of template?.relations ?? []) {
    const keys = relation.kind === 'sum' ? [relation.total, ...relation.parts] : [relation.lesser, relation.greater];
    const specs = keys.map((k) => rows.get(k));
    if (specs.some((s) => s === undefined)) continue; // a plan without the row: nothing to compare
    const present = specs as RowSpec[];
    for (const s of present)
      if (s.relationRow < 0) {
        s.relationRow = relationRows.length;
        relationRows.push(s);
      }
    const columns: RelationCheck['columns'] = [];
    for (let i = 0; i < present[0].inputs.length; i++) {
      const columnId = present[0].inputs[i].columnId;
      const slots = present.map((s) => s.inputs.findIndex((x) => x.columnId === columnId));
      if (slots.every((x) => x >= 0)) columns.push({ columnId, slots });
    }
    relations.push({ relation, specs: present, columns });
  }

  return {
    templateId: id,
    plan,
    keyCol,
    rows,
    rowList,
    relationRows,
    relations,
    par: list ? parTree(plan, rows, list) : undefined,
    specByPlanRow,
    maxInputs: Math.max(0, ...rowList.map((r) => r.inputs.length)),
  };
}

function makeSlot(
  columnId: string,
  letter: string,
  kind: CellKind,
  par: ParRow | undefined,
  table: Appendix1Table | undefined,
  columnInfo: Map<string, { label: string; year?: number }>,
  parLabels: Record<string, string>,
): Slot {
  const info = table ? columnInfo.get(`${table.id}|${columnId}`) : undefined;
  const label = info?.label ?? parLabels[columnId] ?? PLAN_COLUMN_LABELS[columnId] ?? columnId;
  const max = kind === 'parScore' ? par?.max : undefined;
  return {
    columnId,
    letter,
    col: columnNumber(letter),
    kind,
    code: KIND_CODE[kind],
    max,
    limit: max === undefined ? Infinity : max + NOISE,
    label,
    year: info?.year,
    partialYear: info?.year !== undefined && /tính đến/i.test(label),
    verdicts: fieldCaches(kind, max),
  };
}

function parTree(plan: SheetPlan, specs: Map<string, RowSpec>, list: ParList): ParTree {
  const letterOf = (columnId: string, fallback: string): string =>
    plan.columns.find((x) => x.columnId === columnId)?.letter ?? fallback;
  const cols: ParColumns = {
    max: columnNumber(letterOf('max', 'D')),
    previousScore: columnNumber(letterOf('previousScore', 'E')),
    target: columnNumber(letterOf('target', 'F')),
    score: columnNumber(letterOf('score', 'G')),
    gap: columnNumber(letterOf('gap', 'H')),
    evidence: columnNumber(letterOf('evidence', 'L')),
  };
  const rows = [...list.rows];
  const indexOf = new Map(rows.map((r, i) => [r.id, i]));
  const children = rows.map((r) => r.children.map((c) => indexOf.get(c)).filter((i): i is number => i !== undefined));
  const postOrder: number[] = [];
  const visited = new Uint8Array(rows.length);
  const visit = (i: number): void => {
    if (visited[i]) return;
    visited[i] = 1;
    for (const c of children[i]) visit(c);
    postOrder.push(i);
  };
  rows.forEach((_, i) => visit(i));
  return {
    list,
    cols,
    rows,
    spec: Int32Array.from(rows.map((r) => specs.get(r.id)?.index ?? -1)),
    children,
    postOrder,
    maxMilli: Float64Array.from(rows.map((r) => toMilli(r.max))),
    targetMilli: Float64Array.from(rows.map((r) => toMilli(r.target))),
    score2020Milli: Float64Array.from(rows.map((r) => toMilli(r.previousScore))),
    totalIndex: indexOf.get('total') ?? -1,
    scoreLetter: letterOf('score', 'G'),
    planRow: Int32Array.from(rows.map((r) => specs.get(r.id)?.plan.row ?? 0)),
    planCell: rows.map((r) => {
      const row = specs.get(r.id)?.plan.row;
      return row === undefined ? '' : `${letterOf('score', 'G')}${row}`;
    }),
  };
}

/** The kind of one input cell from its row's kind and its column. */
export function cellKind(rowKind: RowPlan['kind'], columnId: string): CellKind {
  switch (rowKind) {
    case 'par-leaf':
    case 'par-parent':
      return columnId === 'score' ? 'parScore' : 'text';
    case 'meta':
      return 'text';
    default:
      return rowKind;
  }
}

/** The PAR columns' labels in messages, with the list's years ("Điểm <year>", "Mục tiêu <year>"). */
function parColumnLabels(list: ParList): Record<string, string> {
  return {
    score: `Điểm ${list.year}`,
    previousScore: `Điểm ${list.previousYear}`,
    target: `Mục tiêu ${list.year}`,
  };
}

const PLAN_COLUMN_LABELS: Record<string, string> = {
  evidence: 'Tài liệu kiểm chứng',
  gap: 'Chênh lệch',
  max: 'Điểm tối đa',
  reporter: 'Cơ quan, đơn vị báo cáo',
};

/** For the adapter's live validation: how a cell of a template is read. Null for a cell that is not an input. */
export function describeInput(
  templateId: TemplateId,
  rowKey: string,
  columnId: string,
  parYear?: number,
): { kind: CellKind; max: number | undefined } | null {
  const spec = templateTable(templateId, parYear).rows.get(rowKey);
  if (!spec) return null;
  const slot = spec.inputs.find((s) => s.columnId === columnId) ?? spec.groupCells.find((s) => s.columnId === columnId);
  return slot ? { kind: slot.kind, max: slot.max } : null;
}
