/**
 * The adapter's contract, as scenarios that run in any Excel: each inserts the templates it
 * needs (scratch sheets the runner deletes afterwards), types values through the Excel API,
 * calls one adapter operation and checks what Excel then holds. The same expectations as the
 * adapter's unit tests (test/excel/*.test.ts), limited to what the Excel API can read back
 * (no painted colours: Excel does not report a conditional format's effect).
 */
import { parLeaves, TEMPLATE_IDS, TEMPLATE_VERSION } from '../catalog';
import type { ValidationReport } from '../contracts/operations';
import { UNPLACED_SHEET, type ExcelErrorInfo } from '../excel';
import { EMPTY_FLAGS, FLAGS_NAME } from '../layout/flagsName';
import { MARKER_NAME, parseMarkerFormula } from '../layout';
import { FLAG_COLUMN } from '../layout/flagColumn';
import { check, checkEqual, checkIncludes, checkNear, sameFormula, show, sleep } from './check';
import type { Scenario } from './runner';
import { cellOf, codesAt, flags, formulaOf, insert, marksOf, plainMark, planOf, rowOf } from './templateCells';
import {
  cfFormulas,
  deleteCfs,
  insertRow,
  nameFormula,
  readCell,
  readCells,
  readValues,
  reverseRows,
  selection,
  usedValues,
  validationType,
  writeCells,
} from './workbook';

const PAR_AREA = 'A1:Z400';

// ---------------------------------------------------------------------------------------------

const inject: Scenario = {
  name: 'inject',
  title: { vi: 'Chèn biểu mẫu vào sổ mới', en: 'Inject into a fresh workbook' },
  subject: ['inspect', 'inject'],
  async run(ctx) {
    const before = await ctx.ops.inspect();
    checkEqual(before.present, [], 'templates present before injecting');
    checkEqual(
      before.plan.map((p) => `${p.templateId}:${p.action}`),
      TEMPLATE_IDS.map((id) => `${id}:create`),
      'what inject would do',
    );
    const report = await ctx.ops.inject([...TEMPLATE_IDS]);
    checkEqual(report.created.length, TEMPLATE_IDS.length, 'sheets created');
    checkEqual(report.refreshed, [], 'sheets refreshed');
    checkEqual(report.unplaced, [], 'values left unplaced');
    for (const [i, id] of TEMPLATE_IDS.entries()) {
      const a1 = await readCell(ctx.run, report.created[i], 'A1');
      checkEqual(
        a1.value,
        planOf(id).cells.find((c) => c.address === 'A1')?.value,
        `marker in A1 of ${report.created[i]}`,
      );
    }
    const par = report.created[TEMPLATE_IDS.indexOf('PAR')];
    checkEqual(await flags(ctx, par), EMPTY_FLAGS, `${FLAGS_NAME} of ${par}`);
    const parent = cellOf('PAR', '1', 'score');
    const read = await readCell(ctx.run, par, parent);
    check(sameFormula(read.formula, formulaOf('PAR', parent)), `subtotal formula in ${parent}: got ${show(read)}`);
    const leaf = cellOf('PAR', '1.1', 'score');
    const dv = await validationType(ctx.run, par, leaf);
    check(dv !== 'None', `data validation on ${leaf}: got ${dv}`);
    const cfs = await cfFormulas(ctx.run, par, PAR_AREA);
    for (const cf of planOf('PAR').conditionalFormats)
      check(
        cfs.some((f) => sameFormula(f, cf.formula)),
        `conditional format ${cf.formula} on ${par}`,
      );
    const after = await ctx.ops.inspect();
    checkEqual(after.workbookVersion, TEMPLATE_VERSION, 'template version recorded in the workbook');
    checkEqual(
      after.present.map((p) => p.templateId),
      [...TEMPLATE_IDS],
      'templates present after injecting',
    );
  },
};

const validate: Scenario = {
  name: 'validate',
  title: { vi: 'Nhập giá trị đúng và sai rồi kiểm tra', en: 'Type good and bad values, then validate' },
  subject: ['validate'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['I', 'PAR']);
    const notWhole = cellOf('I', 'I.1.a', '2019');
    const notNumber = cellOf('I', 'I.1.a', '2020');
    const goodCount = cellOf('I', 'I.2', '2019');
    const overMax = cellOf('PAR', '1.2', 'score');
    const goodScore = cellOf('PAR', '1.1', 'score');
    await writeCells(ctx.run, s.I, { [notWhole]: 1.234, [notNumber]: 'abc', [goodCount]: 14 });
    await writeCells(ctx.run, s.PAR, {
      [overMax]: 9,
      [goodScore]: 0.5,
      [cellOf('PAR', '1.1', 'evidence')]: 'QĐ 12/QĐ-UBND',
    });
    const report = await ctx.ops.validate();
    checkIncludes(codesAt(report, s.I, notWhole), 'not-whole', `findings at ${s.I}!${notWhole} (1.234)`);
    checkIncludes(codesAt(report, s.I, notNumber), 'not-a-number', `findings at ${s.I}!${notNumber} ("abc")`);
    checkIncludes(codesAt(report, s.PAR, overMax), 'par-over-max', `findings at ${s.PAR}!${overMax} (9)`);
    for (const [sheet, cell] of [
      [s.I, goodCount],
      [s.PAR, goodScore],
    ]) {
      const errors = report.findings.filter((f) => f.sheet === sheet && f.cell === cell && f.severity === 'error');
      checkEqual(errors, [], `errors at the good value in ${sheet}!${cell}`);
    }
    const { error, warning, info } = report.counts;
    checkEqual(error + warning + info, report.findings.length, 'counts add up to the findings');
    check(report.cellsFilled >= 6, `cells filled: expected at least 6, got ${report.cellsFilled}`);
    const marksI = (await marksOf(ctx, s.I)).map(plainMark);
    check(marksI.includes(notWhole) && marksI.includes(notNumber), `marks on ${s.I}: ${marksI.join(', ')}`);
    const marksPar = (await marksOf(ctx, s.PAR)).map(plainMark);
    check(marksPar.includes(overMax), `marks on ${s.PAR}: ${marksPar.join(', ')}`);
  },
};

const fix: Scenario = {
  name: 'fix',
  title: {
    vi: 'Sửa cách ghi tự động; đề xuất chỉ áp dụng từng cái một',
    en: 'Rewrite fixes applied; suggestions only one at a time',
  },
  subject: ['applyFixes', 'applySuggestion'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['VII', 'VIII', 'PAR']);
    const spelled = cellOf('VIII', 'VIII.1', 'assessment');
    const coAuthored = cellOf('VIII', 'VIII.2', 'assessment');
    const percent = cellOf('VII', 'VII.1', '2020');
    const parent = cellOf('PAR', '1', 'score');
    // Text cells ('@'): "đạt" stays text in every locale.
    await writeCells(ctx.run, s.VIII, { [spelled]: 'đạt', [coAuthored]: 'khong dat' });
    await writeCells(ctx.run, s.VII, { [percent]: 85 });
    await writeCells(ctx.run, s.PAR, { [parent]: 8.3 });
    const report = await ctx.ops.validate();
    const find = (sheet: string, cell: string, code: string, kind: 'fix' | 'suggestion') => {
      const f = report.findings.find((x) => x.sheet === sheet && x.cell === cell && x.code === code);
      check(
        f?.[kind],
        `a ${code} finding with a ${kind} at ${sheet}!${cell}; there: ${show(codesAt(report, sheet, cell))}`,
      );
      return f!;
    };
    const rewrites = [
      find(s.VIII, spelled, 'passfail-variant', 'fix'),
      find(s.VIII, coAuthored, 'passfail-variant', 'fix'),
    ];
    const rescaled = find(s.VII, percent, 'percent-over-one', 'suggestion');
    const formula = find(s.PAR, parent, 'formula-overwritten', 'suggestion');
    check(!rescaled.fix && !formula.fix, 'a judgement (85 → 85 %, a formula over a typed number) is not a fix');
    // A co-author corrects one cell between validation and the fix: that fix must be skipped.
    await writeCells(ctx.run, s.VIII, { [coAuthored]: 'Không đạt' });
    const result = await ctx.ops.applyFixes([...rewrites, rescaled, formula]);
    checkEqual(result.applied, 1, 'fixes applied');
    checkEqual(
      result.skipped.map((x) => x.finding.cell).sort(),
      [coAuthored, percent, parent].sort(),
      'skipped: the cell changed after validation, and the two suggestions',
    );
    checkEqual((await readCell(ctx.run, s.VIII, spelled)).value, 'Đạt', `${spelled} after its fix`);
    checkEqual((await readCell(ctx.run, s.VIII, coAuthored)).value, 'Không đạt', `${coAuthored}, the co-author's`);
    checkEqual((await readCell(ctx.run, s.VII, percent)).value, 85, `${percent}: a suggestion is not applied in bulk`);
    // Applied one at a time, by the person who read it.
    checkEqual((await ctx.ops.applySuggestion(rescaled)).applied, 1, 'the suggestion applied');
    checkNear((await readCell(ctx.run, s.VII, percent)).value, 0.85, `${percent} after its suggestion (85 → 85%)`);
    checkEqual((await ctx.ops.applySuggestion(formula)).applied, 1, 'the formula restored');
    const restored = await readCell(ctx.run, s.PAR, parent);
    check(sameFormula(restored.formula, formulaOf('PAR', parent)), `${parent} after its suggestion: ${show(restored)}`);
    const marks = (await marksOf(ctx, s.VIII)).map(plainMark);
    check(!marks.includes(spelled), `the fixed cell ${spelled} is still marked: ${marks.join(', ')}`);
    check(marks.includes(coAuthored), `the skipped cell ${coAuthored} lost its mark: ${marks.join(', ')}`);
    const again = await ctx.ops.validate();
    checkEqual(codesAt(again, s.VIII, spelled), [], `findings at ${spelled} after the fix`);
    checkEqual(codesAt(again, s.VII, percent), [], `findings at ${percent} after the suggestion`);
    checkEqual(codesAt(again, s.PAR, parent), [], `findings at ${parent} after the suggestion`);
  },
};

const subtotals: Scenario = {
  name: 'subtotals',
  title: { vi: 'Tổng phụ và dòng tổng', en: 'Subtotals and totals' },
  subject: ['subtotals'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['I', 'PAR']);
    const parent = cellOf('PAR', '1', 'score');
    const total2019 = cellOf('I', 'I.1', '2019');
    const total2018 = cellOf('I', 'I.1', '2018');
    const typedTotal = cellOf('I', 'I.1', '2017');
    await writeCells(ctx.run, s.PAR, { [parent]: 8.3 });
    await writeCells(ctx.run, s.I, {
      [cellOf('I', 'I.1.a', '2019')]: 3,
      [cellOf('I', 'I.1.b', '2019')]: 4,
      // I.1.b 2018 left blank: that total must stay blank.
      [cellOf('I', 'I.1.a', '2018')]: 5,
      // Someone's own total, typed over parts that add up to 2: it must be kept.
      [cellOf('I', 'I.1.a', '2017')]: 1,
      [cellOf('I', 'I.1.b', '2017')]: 1,
      [typedTotal]: 10,
    });
    const first = await ctx.ops.subtotals(false);
    checkEqual(first.overwritten, [{ sheet: s.PAR, cell: parent, rowKey: '1', found: 8.3 }], 'overwritten subtotals');
    checkEqual(first.restored, 0, 'restored without being asked');
    // Whether a total is written as a number or as a live formula is the adapter's choice; what
    // the sheet shows, and that the report names the cell, is the contract.
    const filled = first.totalsFilled.filter((t) => t.sheet === s.I && t.rowKey === 'I.1').map((t) => t.cell);
    checkIncludes(filled, total2019, 'Appendix 1 totals filled on row I.1');
    check(!filled.includes(typedTotal), `the typed total ${typedTotal} is reported filled: ${show(filled)}`);
    checkEqual(first.par?.sheet, s.PAR, 'sheet of the PAR summary');
    const cells = await readCells(ctx.run, s.I, [total2019, total2018, typedTotal]);
    checkEqual(cells.get(total2019)?.value, 7, `${total2019} (3 + 4)`);
    checkEqual(cells.get(total2018)?.value, '', `${total2018} (a part is blank)`);
    checkEqual(cells.get(typedTotal), { value: 10, formula: 10 }, `${typedTotal}, a total typed by someone`);
    checkEqual((await readCell(ctx.run, s.PAR, parent)).value, 8.3, `${parent} before restoring`);

    const second = await ctx.ops.subtotals(true);
    checkEqual(second.restored, 1, 'subtotals restored');
    const read = await readCell(ctx.run, s.PAR, parent);
    check(sameFormula(read.formula, formulaOf('PAR', parent)), `${parent} after restoring: got ${show(read)}`);
    checkEqual((await ctx.ops.subtotals(false)).overwritten, [], 'overwritten subtotals after restoring');
  },
};

const belowTarget: Scenario = {
  name: 'below-target',
  title: { vi: 'Tô màu chỉ tiêu chưa đạt', en: 'Highlight rows below target' },
  subject: ['highlightBelowTarget'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['PAR']);
    const rule = planOf('PAR').conditionalFormats.find((c) => c.purpose === 'belowTarget');
    check(rule, 'the PAR layout has a below-target rule');
    // Someone deleted the rule: the operation must put it back.
    const removed = await deleteCfs(ctx.run, s.PAR, rule.range, (f) => sameFormula(f, rule.formula));
    checkEqual(removed, 1, 'below-target rules deleted to start with');
    const scores: Record<string, number> = {};
    for (const leaf of parLeaves('1')) scores[cellOf('PAR', leaf.id, 'score')] = leaf.id === '1.1' ? 0 : leaf.target;
    await writeCells(ctx.run, s.PAR, scores);

    const summary = await ctx.ops.highlightBelowTarget();
    check(summary, 'a PAR summary');
    const below = summary.belowTarget.map((r) => r.id);
    checkIncludes(below, '1.1', 'rows below target');
    checkIncludes(below, '1', 'rows below target');
    check(!below.includes('1.2'), `1.2 meets its target but is listed: ${show(below)}`);
    const count = async () =>
      (await cfFormulas(ctx.run, s.PAR, rule.range)).filter((f) => sameFormula(f, rule.formula)).length;
    checkEqual(await count(), 1, 'below-target rules after highlighting');
    await ctx.ops.highlightBelowTarget();
    checkEqual(await count(), 1, 'below-target rules after highlighting twice');
  },
};

const reinject: Scenario = {
  name: 'reinject-moved-rows',
  title: { vi: 'Chèn lại sau khi dòng bị di chuyển', en: 'Re-inject after rows were moved' },
  subject: ['inject'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['I', 'PAR']);
    const keys = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'];
    const typed: Record<string, string | number> = {};
    keys.forEach((key, i) => {
      typed[cellOf('PAR', key, 'score')] = [0.5, 0.25, 0.5, 0.25, 0.5, 0.25][i];
      typed[cellOf('PAR', key, 'evidence')] = `VB số ${i + 1}`;
    });
    await writeCells(ctx.run, s.PAR, typed);
    const top = rowOf('PAR', '1.1');
    const bottom = rowOf('PAR', '1.6');
    const right = planOf('PAR').columns.reduce((m, c) => (c.letter.length === 1 && c.letter > m ? c.letter : m), 'A');
    await reverseRows(ctx.run, s.PAR, `A${top}:${right}${bottom}`);
    checkEqual((await readCell(ctx.run, s.PAR, `A${bottom}`)).value, '1.1', `key in A${bottom} after the sort`);
    // A row inserted above I.2 with a note typed in it: the note has no place in the template.
    const at = rowOf('I', 'I.2');
    await writeCells(ctx.run, s.I, { [cellOf('I', 'I.2', '2019')]: 14 });
    await insertRow(ctx.run, s.I, at);
    const note = 'Ghi chú: số liệu tạm tính';
    await writeCells(ctx.run, s.I, { [`C${at}`]: note });

    const report = await ctx.ops.inject(['I', 'PAR']);
    checkEqual([...report.refreshed].sort(), [s.I, s.PAR].sort(), 'sheets refreshed');
    checkEqual(report.created, [], 'sheets created');
    const keysNow = (await readValues(ctx.run, s.PAR, `A${top}:A${bottom}`)).map((r) => String(r[0]));
    checkEqual(keysNow, keys, 'PAR keys back in their planned rows');
    const back = await readCells(ctx.run, s.PAR, Object.keys(typed));
    for (const [address, value] of Object.entries(typed))
      checkEqual(back.get(address)?.value, value, `${s.PAR}!${address} after re-injecting`);
    checkEqual((await readCell(ctx.run, s.I, cellOf('I', 'I.2', '2019'))).value, 14, 'I.2 2019 after re-injecting');
    checkEqual((await readCell(ctx.run, s.I, `A${at}`)).value, 'I.2', `key in A${at} of ${s.I}`);
    checkEqual(
      report.unplaced,
      [{ sheet: s.I, rowKey: '', column: `C${at}`, value: note }],
      'values that had no place in the template',
    );
    checkEqual(report.unplacedSheet, UNPLACED_SHEET, 'sheet keeping the unplaced values');
    const aside = (await usedValues(ctx.run, UNPLACED_SHEET)).map((r) => r.slice(0, 4));
    checkIncludes(aside, [s.I, '', `C${at}`, note], `rows of ${UNPLACED_SHEET}`);
  },
};

const markerTypedOver: Scenario = {
  name: 'marker-typed-over',
  title: { vi: 'Ô A1 (dấu nhận biết) bị ghi đè', en: 'The A1 marker typed over' },
  subject: ['inspect', 'inject'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['PAR']);
    // What Excel returns for the constant name the insert wrote (a text formula).
    const name = await nameFormula(ctx.run, s.PAR, MARKER_NAME);
    check(parseMarkerFormula(name)?.templateId === 'PAR', `${MARKER_NAME} of ${s.PAR}: got ${String(name)}`);
    const typed = 'UBND quận Ba Đình';
    await writeCells(ctx.run, s.PAR, { A1: typed });
    const status = await ctx.ops.inspect();
    checkEqual(
      status.present.map((p) => p.sheet),
      [s.PAR],
      'sheets still recognised as templates after A1 was typed over',
    );
    const report = await ctx.ops.inject(['PAR']);
    checkEqual(report.created, [], 'sheets created');
    checkEqual(report.refreshed, [s.PAR], 'sheets refreshed');
    checkEqual(
      (await readCell(ctx.run, s.PAR, 'A1')).value,
      planOf('PAR').cells.find((c) => c.address === 'A1')?.value,
      'marker in A1',
    );
    checkEqual(report.unplaced, [{ sheet: s.PAR, rowKey: '', column: 'A1', value: typed }], 'the value typed in A1');
  },
};

const removeMarks: Scenario = {
  name: 'remove-marks',
  title: { vi: 'Xoá đánh dấu', en: 'Remove marks' },
  subject: ['removeMarks'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['I']);
    const bad = cellOf('I', 'I.1.a', '2019');
    await writeCells(ctx.run, s.I, { [bad]: 1.234 });
    await ctx.ops.validate();
    const marked = await marksOf(ctx, s.I);
    check(marked.includes(bad), `${bad} marked after validating: ${marked.join(', ')}`);
    await ctx.ops.removeMarks();
    checkEqual(await marksOf(ctx, s.I), [], `column ${FLAG_COLUMN} after removing marks`);
    checkEqual((await readCell(ctx.run, s.I, bad)).value, 1.234, `${bad}: values stay`);
  },
};

const live: Scenario = {
  name: 'live-validation',
  title: { vi: 'Kiểm tra tức thời: bật rồi tắt', en: 'Live validation on, then off' },
  subject: ['startLiveValidation'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['I', 'PAR']);
    const reports: ValidationReport[] = [];
    const errors: ExcelErrorInfo[] = [];
    let waiting: (() => void) | null = null;
    const nextReport = (what: string) =>
      new Promise<ValidationReport>((resolve, reject) => {
        const seen = reports.length;
        const timer = setTimeout(
          () => reject(new Error(`no live report within ${ctx.liveTimeoutMs} ms ${what}`)),
          ctx.liveTimeoutMs,
        );
        waiting = () => {
          if (reports.length <= seen) return;
          clearTimeout(timer);
          waiting = null;
          resolve(reports[reports.length - 1]);
        };
      });
    const stop = await ctx.ops.startLiveValidation(
      (r) => {
        reports.push(r);
        waiting?.();
      },
      (e) => errors.push(e),
    );
    let stopped = false;
    try {
      checkEqual(reports.length, 1, 'reports as live validation starts (the first check)');
      const score = cellOf('PAR', '1.1', 'score');
      const evidence = cellOf('PAR', '1.1', 'evidence');
      const next = nextReport(`after typing into ${s.PAR}!${score}`);
      // Scored without evidence: the evidence cell must be reported and marked.
      await writeCells(ctx.run, s.PAR, { [score]: 1.5 });
      const report = await next;
      checkIncludes(codesAt(report, s.PAR, evidence), 'evidence-missing', `findings at ${s.PAR}!${evidence}`);
      // Live validation marks only the user's own edits. These values were written by the add-in
      // itself: from ExcelApi 1.14 Excel says so (triggerSource "ThisLocalAddin") and they are
      // listed, not marked; before 1.14 Excel cannot tell, and they are marked as typed.
      const marks = await flags(ctx, s.PAR);
      check(
        marks === EMPTY_FLAGS || marks.includes(`"${evidence}"`),
        `${FLAGS_NAME} of ${s.PAR} after live validation: ${marks}`,
      );

      stopped = true;
      await stop();
      const count = reports.length;
      await writeCells(ctx.run, s.I, { [cellOf('I', 'I.2', '2018')]: 'x' });
      await sleep(ctx.quietMs);
      checkEqual(reports.length, count, 'reports after live validation was stopped');
      checkEqual(await flags(ctx, s.I), EMPTY_FLAGS, `${FLAGS_NAME} of ${s.I} after live validation was stopped`);
      checkEqual(errors, [], 'errors reported by live validation');
    } finally {
      // A failed check must not leave Excel's event handlers behind.
      if (!stopped) await stop();
    }
  },
};

const goToCell: Scenario = {
  name: 'go-to-cell',
  title: { vi: 'Đi tới ô', en: 'Go to a cell' },
  subject: ['goToCell'],
  async run(ctx) {
    const s = await insert(ctx.prepare, ['I', 'PAR']);
    const target = cellOf('PAR', '1.3', 'score');
    await ctx.ops.goToCell(s.PAR, target);
    checkEqual(await selection(ctx.run), { sheet: s.PAR, address: target }, 'active sheet and selection');
    let failure: unknown = null;
    await ctx.ops.goToCell('Không có trang này', 'A1').catch((e: unknown) => (failure = e));
    checkEqual((failure as { code?: string } | null)?.code, 'ItemNotFound', 'error code for a missing sheet');
  },
};

/** Every scenario, in the order they run. */
export const SCENARIOS: readonly Scenario[] = [
  inject,
  validate,
  fix,
  subtotals,
  belowTarget,
  reinject,
  markerTypedOver,
  removeMarks,
  live,
  goToCell,
];
