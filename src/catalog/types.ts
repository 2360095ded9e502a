/**
 * The two official documents as typed data. Pure: no Office.js, no DOM, no Node APIs.
 *
 * Row ids are published keys: workbooks in the field carry them in column A, so an id
 * never changes once released. Add new rows with new ids; never renumber.
 */

/** Units that report Appendix 1 rows or lead PAR criteria. */
export type UnitId =
  | 'SNV' // Sở Nội vụ
  | 'VPUB' // Văn phòng UBND Thành phố
  | 'STP' // Sở Tư pháp
  | 'STC' // Sở Tài chính
  | 'STTTT' // Sở Thông tin và Truyền thông
  | 'SKHCN' // Sở Khoa học và Công nghệ
  | 'SKHDT' // Sở Kế hoạch và Đầu tư
  | 'VIEN' // Viện Nghiên cứu phát triển kinh tế - xã hội Hà Nội
  | 'CTHUE'; // Cục Thuế Thành phố

/**
 * Where a reporting unit sits, which decides the managing body (cơ quan chủ quản) printed above its
 * name on an official document (Decree 30/2020/NĐ-CP, Appendix I):
 * - city-department: a department or agency of the city (Sở, Văn phòng UBND TP, Viện…), under UBND Thành phố;
 * - city-branch: a central agency's branch in the city (Cục Thuế), under its central agency;
 * - district: the People's Committee of a quận, huyện or thị xã, which has no managing body printed;
 * - district-office: an office of a district (Phòng Nội vụ quận…), under that district's People's Committee.
 */
export type UnitKind = 'city-department' | 'city-branch' | 'district' | 'district-office';

export interface Unit {
  id: UnitId;
  kind: UnitKind;
  /** For a city-branch: its central agency as printed above its name. */
  managingBody?: string;
  /** Full Vietnamese name, as users read it. */
  name: string;
  /** English name for the English interface. */
  nameEn: string;
  /** Short forms the seeds use for the same unit (e.g. "Sở TT&TT"). */
  aliases: string[];
}

/**
 * What an Appendix 1 row holds; decides its validation.
 * - count: whole number ≥ 0
 * - percent: a ratio 0–100 %, stored 0…1 in a %-formatted cell
 * - flag: 1 = có/yes, 0 = không/no
 * - passfail: "Đạt" or "Không đạt"
 * - text: free text
 * - group: a heading whose sub-rows are not parts of a sum; takes no values
 */
export type RowKind = 'count' | 'percent' | 'flag' | 'passfail' | 'text' | 'group';

export type Appendix1TemplateId = 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI' | 'VII' | 'VIII';
/** 'OUTLINE': the report outline of Appendix 2 (Đề cương báo cáo). */
export type TemplateId = Appendix1TemplateId | 'OUTLINE' | 'PAR' | 'STATUS';

/** An input column of an Appendix 1 table. */
export interface TemplateColumn {
  /** Stable id: '2015'…'2020' for years, 'assessment' for VIII, e.g. 'gddt.tp' for IV.3. */
  id: string;
  /** Header text as printed in the seed. */
  label: string;
  /** Upper header spanning several columns (IV.3 "Sự nghiệp GD-ĐT"), merged in the sheet. */
  group?: string;
  /** For year columns: the year (2020 means "tính đến 31/3"). */
  year?: number;
}

export interface Appendix1Row {
  /** Stable key: 'I.1', 'I.1.a', 'II.1.f', 'IV.1', 'IV.1.2010', 'VIII.16'. */
  id: string;
  /** STT as printed ('1', '1.', '-'); '' where the seed prints none. */
  stt: string;
  /** Label exactly as in the seed (diacritics kept). */
  label: string;
  kind: RowKind;
  /** The unit that reports this row (Đơn vị thống kê báo cáo). */
  unit: UnitId;
  /** The row's own unit text as printed, for tables with a unit column (I, VII, VIII). */
  unitText?: string;
  /** For '-' sub-rows and period rows: the id of the heading row above them. */
  parent?: string;
  /** A label merged across sub-rows in the seed (II.1: "Chia theo tên loại VBQPPL"). */
  groupLabel?: string;
  /** Why this kind was chosen where the seed does not say. */
  kindReason?: string;
  /** For percent rows: the count row that weighs it when consolidating units (same column). */
  weightBy?: string;
}

export interface Appendix1Table {
  /** 'I' for one-table sections; 'IV.1', 'IV.2', 'IV.3' in section IV. */
  id: string;
  /** Caption above the table where the seed has one (section IV). */
  caption?: string;
  /** Header of the label column: 'Chỉ tiêu', 'Nhiệm vụ/tiêu chí', 'Các mục tiêu cải cách', 'Giai đoạn'. */
  labelHeader: string;
  /** Header of the per-row unit column, where the table has one. */
  unitHeader?: string;
  columns: TemplateColumn[];
  rows: Appendix1Row[];
}

export type RelationSeverity = 'warning' | 'info';

/** total = sum of parts, in every column. A broken sum is a warning: a unit may know a total without its split. */
export interface SumRelation {
  kind: 'sum';
  id: string;
  total: string;
  parts: string[];
  severity: RelationSeverity;
}

/** lesser ≤ greater, in every column (có mặt ≤ được giao, resolved ≤ received…). */
export interface AtMostRelation {
  kind: 'atMost';
  id: string;
  lesser: string;
  greater: string;
  severity: RelationSeverity;
  /** Why the bound holds, in Vietnamese and English, for the finding's message. */
  reason: { vi: string; en: string };
}

export type Relation = SumRelation | AtMostRelation;

export interface Appendix1Template {
  id: Appendix1TemplateId;
  /** Section title as in the seed, without the numeral: 'Lĩnh vực chỉ đạo, điều hành'. */
  title: string;
  /** English title for the English interface. */
  titleEn: string;
  /** Sheet name, ≤ 31 characters, Vietnamese. */
  sheet: string;
  /** Reporting units named in the section heading. */
  units: UnitId[];
  tables: Appendix1Table[];
  relations: Relation[];
}

export interface ParRow {
  /** The STT itself ('1', '1.6', '2.4.1', '7.1.10'), 'total' for TỔNG ĐIỂM, '7.2.other' for the synthetic row. */
  id: string;
  /** STT as printed ('' for total). */
  stt: string;
  label: string;
  /** 0 = total, 1 = area (lĩnh vực), 2 = criterion (tiêu chí), 3 = sub-criterion (tiêu chí thành phần). */
  level: 0 | 1 | 2 | 3;
  parent: string | null;
  /** Direct children, in order. Empty for leaves (the rows officials score). */
  children: string[];
  max: number;
  previousScore: number;
  target: number;
  /** Lead unit (Chủ trì tham mưu); null where several units share the row (areas, total). */
  lead: UnitId | null;
  /** The lead unit as printed in the seed, or as it reaches this row from a merged cell above. */
  leadText: string | null;
  /** Tasks (Nhiệm vụ), one string per "- " item. */
  tasks: string[];
  /** Deadlines (Thời gian hoàn thành), one per item. */
  deadline: string[];
  /** True for rows the seed does not list (7.2.other). */
  synthetic?: boolean;
  /** How this row was read from the extract, where that took judgement. */
  note?: string;
}

export interface Catalog {
  /** Template version: stored in every injected workbook; bump when a layout changes. */
  version: string;
  units: Unit[];
  appendix1: Appendix1Template[];
  par: ParRow[];
}
