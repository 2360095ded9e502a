/**
 * One person's undo stack (Ctrl+Z), as far as an add-in's writes touch it.
 *
 * Sources:
 * - "Undo support with the Excel JavaScript API" (docs/excel/excel-add-ins-undo-capabilities.md,
 *   office-js-docs-pr #5175): undo of add-in actions is available, and on, from ExcelApi 1.19;
 *   the stack is "for an individual user" (each co-author has their own).
 * - Below 1.19: office-js #3788 ("most of the set operation of Excel API will disable
 *   /undo/redo operation, it's a by-design behavior") and #6170 (Range.formulas and
 *   worksheets.add clear the stack, "Resolution: by design"): an add-in's write clears it.
 * - Excel.RunOptions.mergeUndoGroup ([Api set: ExcelApi 1.20]): "When false, each
 *   `context.sync()` call creates an undo record. When true, all `context.sync()` calls in a single
 *   `Excel.run` are merged into one `undo` group."
 *
 * Guesses: a round trip that only reads adds nothing; a co-author's edit leaves this person's
 * stack alone; mergeUndoGroup on a host below 1.20 is ignored (one record per writing sync).
 */
import { compareVersions } from './requirementSets';

export interface UndoRecord {
  /** 'user': something the person typed or pasted; 'add-in': a round trip of an add-in's writes. */
  by: 'user' | 'add-in';
  /** 'Sheet!A1' for the user's edits; the run's number for the add-in's. */
  what: string;
}

export class UndoStack {
  private records: UndoRecord[] = [];
  private lastRun: number | null = null;

  constructor(private readonly apiVersion: () => string | undefined) {}

  /** Top last. */
  get entries(): readonly UndoRecord[] {
    return this.records;
  }

  userEdit(what: string): void {
    this.records.push({ by: 'user', what });
    this.lastRun = null;
  }

  /** After a round trip of `run` that carried at least one write. */
  addinWrite(run: number, merge: boolean): void {
    const v = this.apiVersion() ?? '1.1';
    if (compareVersions(v, '1.19') < 0) {
      this.records = [];
      this.lastRun = null;
      return;
    }
    if (merge && compareVersions(v, '1.20') >= 0 && this.lastRun === run) return;
    this.records.push({ by: 'add-in', what: `run ${run}` });
    this.lastRun = run;
  }
}
