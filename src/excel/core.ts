/**
 * What every operation of the Excel adapter shares: the dependencies, the features this Excel
 * has, what was seen of the workbook, one queue that serialises every operation of a pane (a
 * button and live validation never interleave), one Excel.run per operation with its round
 * trips counted, and the read of the template sheets.
 *
 * Co-authoring (docs/excel/co-authoring-in-excel-add-ins.md): nothing read here outlives the
 * operation that read it except the sheet cache (ids and markers, re-checked at every read) and
 * what validation saw in each cell (a fix compares it with the cell before writing).
 */
import { TEMPLATE_IDS } from '../catalog';
import type { TemplateId } from '../catalog/types';
import { hasErrorCode } from '../contracts/errors';
import type { HostInfo, ProgressListener } from '../contracts/operations';
import type { Bilingual, CellValue, Finding, MessageOptions, Severity, SheetSnapshot } from '../engine/types';
import type { DecimalSeparator } from '../layout/types';
import { parseCell } from '../layout/a1';
// Not '../layout': its index brings every template's layout, which the first read does not need.
import { defaultSheetName } from '../layout/names';
import { READ_WINDOW } from '../layout/readWindow';
import { ExcelOperationError } from './errors';
import { SnapshotReader } from '../engine/snapshotReader';
import type { RefreshExtras } from './refreshCompare';
import type { Features } from './queue';
import { readWorkbook, SheetCache, type ReadOptions, type SheetState, type WorkbookState } from './read';
import { Session } from './session';

/**
 * `Excel.run` in both its forms: a new context, or the context of an earlier run (event
 * handlers are removed inside `Excel.run(eventResult.context, …)`, as Microsoft documents in
 * "Remove an event handler", docs/excel/excel-add-ins-events.md).
 */
export interface ExcelRun {
  <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Office's own `Excel.run` in both forms. The global is looked up at call time, so importing
 * this module outside Office (the playground, tests) is harmless.
 */
export const officeExcelRun: ExcelRun = (<T>(
  a: OfficeExtension.ClientRequestContext | Excel.RunOptions | ((ctx: Excel.RequestContext) => Promise<T>),
  b?: (ctx: Excel.RequestContext) => Promise<T>,
): Promise<T> =>
  b === undefined
    ? Excel.run(a as (ctx: Excel.RequestContext) => Promise<T>)
    : Excel.run(a as Excel.RunOptions, b)) as ExcelRun;

/** Office's own `Excel.createWorkbook` (ExcelApi 1.8), looked up at call time like officeExcelRun. */
export const officeCreateWorkbook = (base64: string): Promise<void> => Excel.createWorkbook(base64);

export interface ExcelOperationsDeps {
  /** `Excel.run` in Excel; the in-memory workbook's `run` in tests and the playground. */
  run: ExcelRun;
  /** `Office.context.requirements` in Excel. */
  requirements: { isSetSupported(name: string, version?: string): boolean };
  host?: { host?: string; platform?: string };
  /**
   * Whether this user may only view the workbook: `Office.context.document.mode` is
   * `Office.DocumentMode.ReadOnly` in Excel. A write refused with AccessDenied teaches the
   * adapter the same thing when this is absent or wrong.
   */
  readOnly?: () => boolean;
  /**
   * Plans of older template versions, so an upgrade reads their values exactly where that
   * version put them. Without one, columns are found by header text.
   */
  legacyPlan?: (
    templateId: TemplateId,
    version: string,
    sheetName: string,
  ) => import('../layout/types').SheetPlan | null;
  /**
   * `Excel.createWorkbook` in Excel (ExcelApi 1.8); the in-memory workbook's createWorkbook in the
   * playground and tests. Opens a new workbook from a base64 .xlsx: a consolidation's own workbook.
   */
  createWorkbook?: (base64: string) => Promise<void>;
  /**
   * Where a request (or its answer) is split: session.ts's PAYLOAD_BUDGET_BYTES, under Excel on
   * the web's 5 MB, unless given (tests split small workbooks as large ones are).
   */
  payloadBudgetBytes?: number;
  /** How long live validation waits for a burst of edits to end (ms). */
  debounceMs?: number;
  /** Clock for the unplaced-values sheet. */
  now?: () => Date;
  /**
   * This Excel's number settings (the pane reads Application.cultureInfo, ExcelApi 1.11, or
   * guesses from the display language): the engine's messages write numbers with its decimal
   * separator. Absent: each language its own (1,5 in Vietnamese, 1.5 in English). A promise while
   * Excel is still being asked (the pane asks as it first renders): operations wait for it in the
   * adapter's queue (but inspect, which has no number to write: AdapterCore.exclusive), so no
   * message and no plan is made with a separator Excel did not give.
   */
  numberSettings?: NumberSettingsOf | null | PromiseLike<NumberSettingsOf | null>;
}

type NumberSettingsOf = { decimalSeparator: DecimalSeparator };

function isPending<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null)?.then === 'function';
}

/**
 * The engine is loaded on first use: opening the pane (inspect, insert) does not need it, and the
 * task pane's start-up JavaScript has a budget. Every caller awaits it after its read has synced,
 * so the await never splits a batch of queued commands.
 */
let engineModule: Promise<typeof import('../engine')> | null = null;
export function loadEngine(): Promise<typeof import('../engine')> {
  return (engineModule ??= import(/* webpackChunkName: "engine" */ '../engine'));
}

export const APPENDIX_IDS = new Set<TemplateId>(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
export const isChecked = (id: TemplateId) => id !== 'STATUS';

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function byTemplateOrder(a: SheetState, b: SheetState): number {
  const ia = TEMPLATE_IDS.indexOf(a.marker?.templateId as TemplateId);
  const ib = TEMPLATE_IDS.indexOf(b.marker?.templateId as TemplateId);
  return ia - ib || a.position - b.position;
}

export function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
}

/** The area read on each template sheet (layout/readWindow.ts: the same for the .xlsx reader). */
export function readWindow(): string {
  return READ_WINDOW;
}

/**
 * The reservations of a read of values (estimates.ts) need the layouts: loaded when a read first
 * queues a sheet's values, not at start-up, where the pane reads only the sheet list and markers.
 */
let estimatesModule: Promise<typeof import('./estimates')> | null = null;
function loadEstimates(): Promise<typeof import('./estimates')> {
  return (estimatesModule ??= import(/* webpackChunkName: "excel-estimates" */ './estimates'));
}

/** A template guessed from a sheet's name before its marker is read (for refresh loads). */
function guessTemplate(name: string): TemplateId | null {
  for (const id of TEMPLATE_IDS) if (name.startsWith(defaultSheetName(id))) return id;
  return null;
}

function featuresOf(deps: ExcelOperationsDeps): Features {
  const r = deps.requirements;
  const v19 = r.isSetSupported('ExcelApi', '1.9');
  const v17 = r.isSetSupported('ExcelApi', '1.7');
  return {
    dataValidation: r.isSetSupported('ExcelApi', '1.8'),
    pageLayout: v19,
    indent: v19,
    customProperties: v17,
    events: v17,
  };
}

/** What a view-only user is told instead of an error, where a write was skipped. */
export const READ_ONLY_NOTE: Bilingual = {
  vi: 'Bạn chỉ có quyền xem sổ làm việc này: tiện ích chỉ liệt kê kết quả, không tô màu hay ghi gì vào sổ.',
  en: 'You can only view this workbook: the add-in lists the results and writes nothing into it.',
};

export function isAccessDenied(e: unknown): boolean {
  return hasErrorCode(e, 'AccessDenied');
}

/** What a button does, for the sentence that says what a protected sheet kept it from doing. */
export type Action = Bilingual;

/** The buttons that write, as that sentence words them ("… could not <action>"). */
export const ACTIONS = {
  inject: { vi: 'chèn hay cập nhật biểu mẫu', en: 'insert or update the templates' },
  fix: { vi: 'sửa các ô', en: 'fix the cells' },
  suggestion: { vi: 'áp dụng đề xuất', en: 'apply the suggestion' },
  removeMarks: { vi: 'xóa đánh dấu', en: 'remove the marks' },
  totals: { vi: 'điền tổng hay khôi phục công thức', en: 'fill in the totals or restore the formulas' },
  targets: { vi: 'tô màu điểm dưới mục tiêu', en: 'highlight the scores below target' },
  consolidate: { vi: 'ghi bảng tổng hợp', en: 'write the consolidation' },
  carryForward: { vi: 'lấy điểm năm trước', en: "fill in last year's scores" },
} satisfies Record<string, Action>;

/**
 * Says which sheets are protected and what could not be done there; the other sheets and later
 * buttons go on (a protected sheet is not a view-only workbook).
 */
export function protectedSheetNote(sheets: string[], action?: Action): Bilingual {
  const list = sheets.map((n) => `“${n}”`).join(', ');
  return {
    vi: `Trang ${list} đang được bảo vệ nên tiện ích không ghi vào đó${action ? `: chưa ${action.vi}` : ''}. Bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi bấm lại; các trang khác vẫn dùng bình thường.`,
    en: `Sheet ${list} is protected, so the add-in writes nothing there${action ? `: it could not ${action.en}` : ''}. Unprotect it (Review › Unprotect Sheet) and press the button again; the other sheets work as usual.`,
  };
}

/** Names of the protected sheets, read in `session`: two round trips. */
export async function protectedSheetsIn(session: Session): Promise<string[]> {
  const sheets = session.ctx.workbook.worksheets.load('items/name');
  await session.sync();
  const states = sheets.items.map((s) => ({ name: s.name, p: s.protection.load('protected') }));
  await session.sync();
  return states.filter((x) => x.p.protected).map((x) => x.name);
}

export type SeenCell = { value: CellValue; formula: CellValue };

export class AdapterCore {
  readonly features: Features;
  readonly cache = new SheetCache();
  readonly now: () => Date;
  readonly debounceMs: number;
  lastSyncs = 0;
  /** What validate saw in each finding's cell, so a fix never overwrites a co-author's edit. */
  readonly seen = new Map<string, SeenCell>();
  /** Learnt from an AccessDenied write when deps.readOnly said nothing and no sheet was protected. */
  private deniedWrite = false;
  /** Excel.RunOptions.mergeUndoGroup (ExcelApi 1.20): a button's round trips are one undo step. */
  readonly undoGroups: boolean;
  private queue: Promise<unknown> = Promise.resolve();
  /** deps.numberSettings once its promise has settled (null until then, and if it fails). */
  private numbersGiven: NumberSettingsOf | null = null;
  /** Settles (never fails) when deps.numberSettings is known. */
  private readonly numbersKnown: Promise<unknown>;

  constructor(readonly deps: ExcelOperationsDeps) {
    this.features = featuresOf(deps);
    this.undoGroups = deps.requirements.isSetSupported('ExcelApi', '1.20');
    this.now = deps.now ?? (() => new Date());
    this.debounceMs = deps.debounceMs ?? 400;
    const numbers = deps.numberSettings;
    this.numbersKnown = isPending(numbers)
      ? Promise.resolve(numbers).then(
          (given) => (this.numbersGiven = given),
          () => undefined,
        )
      : Promise.resolve();
  }

  /** How the engine writes the numbers of its messages: with this Excel's decimal separator. */
  get messages(): MessageOptions {
    const numbers = this.deps.numberSettings;
    const known = isPending(numbers) ? this.numbersGiven : numbers;
    return { decimalSeparator: known?.decimalSeparator ?? null };
  }

  /** This user may only view the workbook: operations read and list, and write nothing. */
  get readOnly(): boolean {
    return this.deniedWrite || (this.deps.readOnly?.() ?? false);
  }

  /** Records that Excel refused a write for lack of rights. */
  learnReadOnly(): void {
    this.deniedWrite = true;
  }

  hostInfo(): HostInfo {
    const r = this.deps.requirements;
    return {
      host: this.deps.host?.host ?? 'Excel',
      platform: this.deps.host?.platform ?? 'Unknown',
      supports: {
        excelApi18: r.isSetSupported('ExcelApi', '1.8'),
        excelApi19: r.isSetSupported('ExcelApi', '1.9'),
        customProperties: r.isSetSupported('ExcelApi', '1.7'),
      },
      readOnly: this.readOnly,
    };
  }

  /**
   * Runs operations one after another, whoever asks (a button, live validation): one pane never
   * has two Excel.run batches in flight, so no operation reads what another is half-way writing.
   * Each also waits for this Excel's number settings (deps.numberSettings), unless `numbers` is
   * false: an operation that writes no number, words no message and makes no plan (inspect).
   */
  exclusive<T>(fn: () => Promise<T>, options: { numbers?: boolean } = {}): Promise<T> {
    const ready = options.numbers === false ? this.queue : Promise.all([this.queue, this.numbersKnown]);
    const next = ready.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * One Excel.run with a counted session; errors leave as readable ExcelOperationErrors. Not queued.
   * Every run asks Excel to wait while the user is editing a cell (RunOptions.delayForCellEdit:
   * without it the batch "automatically fails"); a host that does not honour the option fails with
   * InvalidOperationInCellEditMode, which live checking retries and a button reports.
   */
  async withSession<T>(batch: (s: Session) => Promise<T>, options: { undoGroup?: boolean } = {}): Promise<T> {
    let session: Session | null = null;
    const runOptions: Excel.RunOptions = { delayForCellEdit: true };
    // A button pressed is one Ctrl+Z however many round trips it takes (ExcelApi 1.20).
    if (options.undoGroup && this.undoGroups) runOptions.mergeUndoGroup = true;
    try {
      return await this.deps.run(runOptions, async (ctx) => {
        session = new Session(ctx, this.deps.payloadBudgetBytes);
        return batch(session);
      });
    } catch (e) {
      throw ExcelOperationError.from(e);
    } finally {
      this.lastSyncs = (session as Session | null)?.syncs ?? 0;
    }
  }

  /**
   * An operation (a button): queued behind the others, in one Excel.run, one undo group. A write
   * Excel refuses (AccessDenied) is told apart: a protected sheet is named with what `action`
   * could not do there (the workbook stays writable for everything else); a user Office says may
   * only view, or, when Office says nothing, one without a protected sheet, is view-only from
   * then on (later operations write nothing).
   */
  operation<T>(batch: (s: Session) => Promise<T>, options: { numbers?: boolean; action?: Action } = {}): Promise<T> {
    return this.exclusive(async () => {
      try {
        return await this.withSession(batch, { undoGroup: true });
      } catch (e) {
        const cause = e instanceof ExcelOperationError ? e.cause : e;
        if (!isAccessDenied(cause)) throw e;
        if (!this.deps.readOnly?.()) {
          const locked = await this.protectedSheets();
          if (locked.length > 0)
            throw ExcelOperationError.of('SheetProtected', protectedSheetNote(locked, options.action));
          if (this.deps.readOnly) throw e; // Office says this user may edit: the plain AccessDenied advice
        }
        this.learnReadOnly();
        throw ExcelOperationError.of('ReadOnlyWorkbook');
      }
    }, options);
  }

  /** A button that writes: an operation whose refusal on a protected sheet says what `action` could not do. */
  button<T>(action: Action, batch: (s: Session) => Promise<T>): Promise<T> {
    return this.operation(batch, { action });
  }

  /** Names of the protected sheets (Worksheet.protection.protected, ExcelApi 1.2), in a run of their own. */
  async protectedSheets(): Promise<string[]> {
    try {
      return await this.withSession((session) => protectedSheetsIn(session));
    } catch {
      return []; // asked only to word an error better: the error itself is what counts
    }
  }

  /**
   * After a write of `action` was refused with AccessDenied in `session`: the note to show. A
   * protected sheet is named (nothing else changes); otherwise the user may only view (learnt).
   */
  async refusedNote(session: Session, action: Action): Promise<Bilingual> {
    if (!this.deps.readOnly?.()) {
      const locked = await protectedSheetsIn(session);
      if (locked.length > 0) return protectedSheetNote(locked, action);
    }
    this.learnReadOnly();
    return READ_ONLY_NOTE;
  }

  read<E = RefreshExtras>(
    session: Session,
    opts: Omit<ReadOptions<E>, 'customProperties' | 'window'>,
  ): Promise<WorkbookState<E>> {
    return readWorkbook<E>(session, this.cache, {
      ...opts,
      customProperties: this.features.customProperties,
      window: READ_WINDOW,
      guess: guessTemplate,
      // Asked only when a sheet's values are queued. What is awaited is a module, not Excel:
      // nothing is sent meanwhile, so the commands queued before still go in the same request.
      estimate: async (id, year) => (await loadEstimates()).readEstimate(id, year),
    });
  }

  snapshots(state: WorkbookState<unknown>, filter: (id: TemplateId) => boolean = isChecked): SheetSnapshot[] {
    return state.templates
      .filter((s) => s.snapshot && filter(s.marker!.templateId))
      .map((s) => s.snapshot as SheetSnapshot);
  }

  seenKey(sheet: string, cell: string): string {
    return `${sheet.toLocaleLowerCase('vi')}!${cell.toUpperCase()}`;
  }

  /** Remembers what each fixable (or suggested) finding's cell held, so a later write can tell if it changed. */
  remember(snapshot: SheetSnapshot, findings: Finding[]): void {
    const reader = new SnapshotReader(snapshot);
    const prefix = `${snapshot.name.toLocaleLowerCase('vi')}!`;
    for (const key of [...this.seen.keys()]) if (key.startsWith(prefix)) this.seen.delete(key);
    for (const f of findings) {
      if (!f.fix && !f.suggestion) continue;
      const { row, col } = parseCell(f.cell);
      this.seen.set(this.seenKey(f.sheet, f.cell), {
        value: reader.value(row, col),
        formula: reader.formula(row, col),
      });
    }
  }
}

export function progressOf(onProgress: ProgressListener | undefined, total: number) {
  let done = 0;
  return (label: Bilingual) => onProgress?.({ done: Math.min(++done, total), total, label });
}
