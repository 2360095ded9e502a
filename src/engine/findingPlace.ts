/**
 * Where a finding is, in the words an official reads on the sheet: the cell, the row as the
 * document prints it ("1.5 Sáng kiến…", "III.1 Tổng số TTHC…, năm 2019", "Mục I.1 …") and, where
 * the row has more than one input, the column's header. Row keys with a column id
 * ("P1.I.1.text") and column ids ("evidence") are the code's names and never reach the text.
 * The pane, the consolidation's lists and `cchc check` all say a place this way.
 */
import { appendix1Row, outlineRow, parRow } from '../catalog';
import { REPORTER_KEY } from '../layout/keyColumn';
import type { Bilingual, Finding, Severity } from './types';

type Lang = keyof Bilingual;

/** The one name of each severity, everywhere an official reads it (pane, CLI, report, consolidation). */
export const SEVERITY_NAMES: Readonly<Record<Severity, Bilingual>> = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Lưu ý', en: 'Note' },
};

/** Longest row title shown with a finding: the criterion is recognisable well before that. */
const TITLE_MAX = 90;

/** Headers of the PAR sheet's columns a finding can be about (the sheet prints the year beside them). */
const PAR_COLUMN_NAMES: Readonly<Record<string, Bilingual>> = {
  score: { vi: 'Điểm tự chấm', en: 'Self-assessed score' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  previousScore: { vi: 'Điểm năm trước', en: 'Previous year’s score' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  max: { vi: 'Điểm tối đa', en: 'Maximum' },
  gap: { vi: 'Chênh lệch', en: 'Gap' },
};

const REPORTER: Bilingual = { vi: 'Cơ quan, đơn vị báo cáo', en: 'Reporting unit' };

function shortened(label: string): string {
  return label.length > TITLE_MAX ? `${label.slice(0, TITLE_MAX - 1).trimEnd()}…` : label;
}

/**
 * The row a finding is about, in the words of the sheet: the criterion ("1.5 Sáng kiến…"), on
 * Appendix 1 sheets the indicator and the year ("III.1 Tổng số TTHC…, năm 2019") or the column's
 * header, on the outline sheet the heading ("Mục I.1 …"). Null for a key no document row has.
 */
export function findingRowTitle(f: Pick<Finding, 'rowKey' | 'column'>, lang: Lang): string | null {
  const par = parRow(f.rowKey);
  if (par) {
    const column = f.column ? PAR_COLUMN_NAMES[f.column]?.[lang] : undefined;
    // The score is what a PAR row is about: naming its column would only repeat it.
    const suffix = column && f.column !== 'score' ? `, ${column.toLocaleLowerCase(lang)}` : '';
    return `${par.id} ${shortened(par.label)}${suffix}`;
  }
  const a = appendix1Row(f.rowKey);
  if (a) {
    const column = f.column ? a.table.columns.find((c) => c.id === f.column) : undefined;
    const suffix = !f.column
      ? ''
      : /^\d{4}$/.test(f.column)
        ? lang === 'en'
          ? `, ${f.column}`
          : `, năm ${f.column}`
        : column
          ? `, ${column.group ? `${column.group} – ` : ''}${column.label}`
          : '';
    return `${a.row.id} ${shortened(a.row.label)}${suffix}`;
  }
  // Outline rows hold their text under "<heading>.text".
  const heading = outlineRow(f.rowKey.replace(/\.text$/, ''));
  if (heading) {
    const part = heading.number ? `${lang === 'en' ? 'Item' : 'Mục'} ${heading.number} ` : '';
    return `${part}${shortened(heading.label)}`;
  }
  if (f.rowKey === REPORTER_KEY) return REPORTER[lang];
  return null;
}

/** "F9 — III.1 Tổng số TTHC…, năm 2019": the cell and, when known, its row in the document's words. */
export function findingPlace(f: Pick<Finding, 'cell' | 'rowKey' | 'column'>, lang: Lang): string {
  const title = findingRowTitle(f, lang);
  return title ? `${f.cell} — ${title}` : f.cell;
}
