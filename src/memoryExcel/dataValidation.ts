/**
 * Excel.DataValidation (ExcelApi 1.8). Stored per cell (a shared entry plus the cell's offset
 * from the cell the rule's relative formulas are written for), so rules move with rows.
 * Enforced only for typed values (MemoryWorkbook.setCellFromUser / validateTypedValue): API
 * writes and pastes bypass it, as in Excel.
 */
import { a1RectAbsolute, quoteSheetName } from './address';
import { ClientObject, type TypeDef } from './client';
import { unwrap } from './proxyGuard';
import { checkSameContext, type MemoryContext } from './requestContext';
import { invalidArgument, notImplemented } from './errors';
import { translate } from './formulaText';
import type { DvEntry, DvErrorAlert, DvPrompt, DvRule } from './model';
import { clearValidation, isHuge, type RangeModel } from './rangeOps';
import type { WorkbookModel } from './workbookModel';

const OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];

/** Guess: a new rule shows its prompt and a Stop alert unless told otherwise (Excel UI defaults). */
const DEFAULT_PROMPT: DvPrompt = { showPrompt: true, title: '', message: '' };
const DEFAULT_ALERT: DvErrorAlert = { showAlert: true, style: 'Stop', title: '', message: '' };

function bindings(m: RangeModel): { entry: DvEntry | undefined; dr: number; dc: number; row: number; col: number }[] {
  if (isHuge(m.rect)) throw notImplemented('DataValidation', 'whole rows/columns');
  const out = [];
  for (let r = m.rect.top; r <= m.rect.bottom; r++)
    for (let c = m.rect.left; c <= m.rect.right; c++) {
      const b = m.sheet.get(r, c)?.dv;
      out.push({ entry: b?.entry, dr: b?.dr ?? 0, dc: b?.dc ?? 0, row: r, col: c });
    }
  return out;
}

/** The one entry of the range when every cell shares it from one anchor, else 'mixed'. */
function commonEntry(m: RangeModel): { entry: DvEntry; dr: number; dc: number } | null | 'mixed' {
  const all = bindings(m);
  const first = all[0];
  for (const b of all) {
    if (b.entry !== first.entry) return 'mixed';
    if (b.entry && (b.row - b.dr !== first.row - first.dr || b.col - b.dc !== first.col - first.dc)) return 'mixed';
  }
  return first.entry ? { entry: first.entry, dr: first.dr, dc: first.dc } : null;
}

function ruleForTopLeft(rule: DvRule, dr: number, dc: number): Excel.DataValidationRule {
  const t = (f: string | undefined) => (f && f.startsWith('=') ? translate(f, dr, dc) : f);
  switch (rule.type) {
    case 'WholeNumber':
    case 'Decimal': {
      const key = rule.type === 'WholeNumber' ? 'wholeNumber' : 'decimal';
      const basic: Record<string, unknown> = { formula1: t(rule.formula1), operator: rule.operator };
      if (rule.formula2 !== undefined) basic.formula2 = t(rule.formula2);
      return { [key]: basic } as Excel.DataValidationRule;
    }
    case 'List':
      return { list: { inCellDropDown: rule.inCellDropDown ?? true, source: t(rule.source) ?? '' } };
    case 'Custom':
      return { custom: { formula: t(rule.formula) ?? '' } };
  }
}

/** A formula1/formula2 as Excel stores it: "=10", "=$D7", "=Sheet2!$A$1". */
function normalizeOperand(ctx: MemoryContext, sheetName: string, v: unknown, location: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return `=${v}`;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s.startsWith('=') && s.length > 1) return s;
    if (s !== '' && !Number.isNaN(Number(s))) return `=${Number(s)}`;
    throw invalidArgument(location, 'a number, a stringified number or a formula starting with "="');
  }
  const t = unwrap(v);
  if (t) {
    checkSameContext(ctx, v, location);
    const rm = t.resolve(location) as RangeModel;
    const prefix = rm.sheet.name === sheetName ? '' : `${quoteSheetName(rm.sheet.name)}!`;
    return `=${prefix}${a1RectAbsolute(rm.rect)}`;
  }
  throw invalidArgument(location);
}

function parseRule(ctx: MemoryContext, model: WorkbookModel, sheetName: string, input: unknown): DvRule {
  const loc = 'DataValidation.rule';
  if (!input || typeof input !== 'object') throw invalidArgument(loc);
  const keys = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1) throw invalidArgument(loc, 'exactly one rule type');
  const key = keys[0];
  const body = (input as Record<string, unknown>)[key] as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') throw invalidArgument(loc);
  const check = (f: string) => {
    try {
      model.engine.validate(f);
    } catch (e) {
      throw invalidArgument(loc, e instanceof Error ? e.message : String(e));
    }
    return f;
  };
  switch (key) {
    case 'wholeNumber':
    case 'decimal': {
      const operator = body.operator;
      if (typeof operator !== 'string' || !OPERATORS.includes(operator))
        throw invalidArgument(loc, `operator one of ${OPERATORS.join(', ')}`);
      if (body.formula1 === undefined) throw invalidArgument(loc, 'formula1 is required');
      const two = operator === 'Between' || operator === 'NotBetween';
      if (two && body.formula2 === undefined) throw invalidArgument(loc, 'formula2 is required for Between/NotBetween');
      const type = key === 'wholeNumber' ? 'WholeNumber' : 'Decimal';
      return {
        type,
        operator,
        formula1: check(normalizeOperand(ctx, sheetName, body.formula1, loc)),
        ...(two ? { formula2: check(normalizeOperand(ctx, sheetName, body.formula2, loc)) } : {}),
      };
    }
    case 'list': {
      const source = body.source;
      let s: string;
      if (typeof source === 'string') {
        if (source.trim() === '') throw invalidArgument(loc, 'list source is empty');
        s = source.startsWith('=') ? check(source) : source;
      } else if (unwrap(source)) s = normalizeOperand(ctx, sheetName, source, loc);
      else throw invalidArgument(loc, 'list source');
      return {
        type: 'List',
        source: s,
        inCellDropDown: body.inCellDropDown === undefined ? true : !!body.inCellDropDown,
      };
    }
    case 'custom': {
      const f = body.formula;
      // Guess: a custom rule's formula must start with '='.
      if (typeof f !== 'string' || !f.startsWith('=') || f.length < 2)
        throw invalidArgument(loc, 'custom formula starting with "="');
      return { type: 'Custom', formula: check(f) };
    }
    case 'date':
    case 'time':
    case 'textLength':
      throw notImplemented('DataValidation', `rule.${key}`);
    default:
      throw invalidArgument(loc, `unknown rule type ${key}`);
  }
}

/** Applies a change to the entry of every cell, cloning each distinct entry once. */
function updateEntries(m: RangeModel, change: (e: DvEntry) => DvEntry, createMissing: boolean): void {
  const clones = new Map<DvEntry | undefined, DvEntry>();
  const { rect, sheet } = m;
  for (const b of bindings(m)) {
    if (!b.entry && !createMissing) continue;
    let next = clones.get(b.entry);
    if (!next) {
      next = change(
        b.entry ?? { rule: null, prompt: { ...DEFAULT_PROMPT }, errorAlert: { ...DEFAULT_ALERT }, ignoreBlanks: true },
      );
      clones.set(b.entry, next);
    }
    const cell = sheet.ensure(b.row, b.col);
    cell.dv = b.entry
      ? { entry: next, dr: b.dr, dc: b.dc }
      : { entry: next, dr: b.row - rect.top, dc: b.col - rect.left };
  }
}

/** A prompt or error alert being set: an object whose title and message keep to Excel's limits. */
function titledBox<T extends { title: string; message: string }>(v: unknown, location: string): Partial<T> {
  if (!v || typeof v !== 'object') throw invalidArgument(location);
  const box = v as Partial<T>;
  if (box.title !== undefined && (typeof box.title !== 'string' || box.title.length > 32))
    throw invalidArgument(location, 'title ≤ 32 characters');
  if (box.message !== undefined && (typeof box.message !== 'string' || box.message.length > 255))
    throw invalidArgument(location, 'message ≤ 255 characters');
  return box;
}

function readUniform<T>(m: RangeModel, pick: (e: DvEntry) => T, none: T): T | null {
  const e = commonEntry(m);
  if (e === 'mixed') return null;
  return e ? pick(e.entry) : none;
}

export const DATA_VALIDATION_DEF: TypeDef<RangeModel> = {
  name: 'DataValidation',
  props: {
    type: {
      get: (m) => {
        const e = commonEntry(m);
        if (e === 'mixed') return 'Inconsistent';
        return e?.entry.rule?.type ?? 'None';
      },
    },
    rule: {
      // Guess: a range without validation reads {} and one with differing rules reads null.
      get: (m) => {
        const e = commonEntry(m);
        if (e === 'mixed') return null;
        if (!e?.entry.rule) return {};
        return ruleForTopLeft(e.entry.rule, e.dr, e.dc);
      },
      set: (m, v, o) => {
        const rule = parseRule(o.ctx, o.host.model, m.sheet.name, v);
        const top = m.sheet.get(m.rect.top, m.rect.left)?.dv?.entry;
        const entry: DvEntry = {
          rule,
          prompt: top ? { ...top.prompt } : { ...DEFAULT_PROMPT },
          errorAlert: top ? { ...top.errorAlert } : { ...DEFAULT_ALERT },
          ignoreBlanks: top ? top.ignoreBlanks : true,
        };
        for (let r = m.rect.top; r <= m.rect.bottom; r++)
          for (let c = m.rect.left; c <= m.rect.right; c++)
            m.sheet.ensure(r, c).dv = { entry, dr: r - m.rect.top, dc: c - m.rect.left };
      },
    },
    prompt: {
      get: (m) => readUniform(m, (e) => ({ ...e.prompt }), { ...DEFAULT_PROMPT }),
      set: (m, v) => {
        const p = titledBox<DvPrompt>(v, 'DataValidation.prompt');
        updateEntries(m, (e) => ({ ...e, prompt: { ...e.prompt, ...p } }), true);
      },
    },
    errorAlert: {
      get: (m) => readUniform(m, (e) => ({ ...e.errorAlert }), { ...DEFAULT_ALERT }),
      set: (m, v) => {
        const a = titledBox<DvErrorAlert>(v, 'DataValidation.errorAlert');
        if (a.style !== undefined && !['Stop', 'Warning', 'Information'].includes(a.style))
          throw invalidArgument('DataValidation.errorAlert', "style 'Stop' | 'Warning' | 'Information'");
        updateEntries(m, (e) => ({ ...e, errorAlert: { ...e.errorAlert, ...a } }), true);
      },
    },
    ignoreBlanks: {
      get: (m) => readUniform(m, (e) => e.ignoreBlanks, true),
      set: (m, v) => {
        if (typeof v !== 'boolean') throw invalidArgument('DataValidation.ignoreBlanks');
        updateEntries(m, (e) => ({ ...e, ignoreBlanks: v }), true);
      },
    },
  },
  methods: { clear: '' },
};

export class DataValidation extends ClientObject<RangeModel> {
  constructor(ctx: MemoryContext, resolver: () => RangeModel | null) {
    super(ctx, DATA_VALIDATION_DEF, resolver);
  }

  clear(): void {
    this.queue('clear', (m) => clearValidation(m));
  }
}
