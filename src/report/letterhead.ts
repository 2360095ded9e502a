/**
 * The parts of an official report's form that depend on who sends it (Decree 30/2020/NĐ-CP,
 * Appendix I): the managing body and the issuing body in the top-left of page 1, the symbol after
 * "Số: …/BC-", the place before the date, the signer's title and the recipients. Pure; built from the
 * workbook's reporting-unit cell and the unit's kind (catalog/units.ts).
 *
 * - A city department or agency is under "UBND THÀNH PHỐ HÀ NỘI"; its place is Hà Nội.
 * - A district People's Committee prints no managing body (its name is "ỦY BAN NHÂN DÂN" over
 *   "HUYỆN GIA LÂM") and signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; its place is the district's name,
 *   as the decree sets for documents of district-level bodies ("Gia Lâm, ngày …").
 * - An office of a district is under "UBND QUẬN/HUYỆN/THỊ XÃ …".
 * - A central agency's branch (Cục Thuế) is under its central agency.
 * Where the cell is empty the document carries bracketed placeholders the official replaces.
 */
import { unitPlace, type UnitPlace } from '../catalog';

export interface Letterhead {
  /** Upper-case, or null where the decree prints none (a People's Committee). */
  managingBody: string | null;
  /** Upper-case lines of the issuing body's name. */
  issuingBody: string[];
  /** What follows "BC-" in "Số: …/BC-…". */
  symbol: string;
  /** The place before "ngày … tháng … năm …". */
  place: string;
  /** Lines above the signature space, upper-case ('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'). */
  signer: string[];
  /** "Nơi nhận" lines, each ending in ';' and the last in '.', as the decree writes them. */
  recipients: string[];
}

export const UNIT_PLACEHOLDER = '[TÊN CƠ QUAN, ĐƠN VỊ]';
const CITY = 'UBND THÀNH PHỐ HÀ NỘI';

/** Upper case as Vietnamese writes it ("Ủy" → "ỦY"), whatever the runtime's locale. */
export function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi-VN');
}

/** "Sở Kế hoạch và Đầu tư" → "SKHĐT"; words in capitals ("UBND") kept whole; "và" and punctuation left out. */
export function initials(name: string): string {
  return name
    .normalize('NFC')
    .split(/[\s,.;:()&/-]+/u)
    .filter((w) => w !== '' && w.toLowerCase() !== 'và')
    .map((w) => (w.length > 1 && w === upper(w) ? w : upper(w.charAt(0))))
    .join('');
}

/** The head's title by the first word of the unit's name; a placeholder where the name says nothing. */
function headTitle(name: string): string {
  const first = name.split(' ')[0]?.toLowerCase() ?? '';
  const two = name.split(' ').slice(0, 2).join(' ').toLowerCase();
  if (two === 'văn phòng') return 'CHÁNH VĂN PHÒNG';
  if (two === 'thanh tra') return 'CHÁNH THANH TRA';
  const byFirst: Record<string, string> = {
    sở: 'GIÁM ĐỐC',
    'trung tâm': 'GIÁM ĐỐC',
    viện: 'VIỆN TRƯỞNG',
    cục: 'CỤC TRƯỞNG',
    ban: 'TRƯỞNG BAN',
    phòng: 'TRƯỞNG PHÒNG',
    trường: 'HIỆU TRƯỞNG',
  };
  return byFirst[first] ?? byFirst[two] ?? '[CHỨC VỤ NGƯỜI KÝ]';
}

function recipients(place: UnitPlace | null): string[] {
  // Plan 28/KH-UBND: units report "về UBND Thành phố (qua Sở Nội vụ)".
  const toCity = place?.unit?.id === 'SNV' ? '- UBND Thành phố;' : '- UBND Thành phố (qua Sở Nội vụ);';
  return [toCity, `- Lưu: VT${place ? `, ${symbolOf(place)}` : ''}.`];
}

function symbolOf(place: UnitPlace): string {
  if (place.kind === 'district') return 'UBND';
  return initials(place.name);
}

export function letterheadOf(unit: string | null): Letterhead {
  if (!unit)
    return {
      managingBody: CITY,
      issuingBody: [UNIT_PLACEHOLDER],
      symbol: '…',
      place: 'Hà Nội',
      signer: ['[CHỨC VỤ NGƯỜI KÝ]'],
      recipients: recipients(null),
    };
  const place = unitPlace(unit);
  const district = place.district;
  switch (place.kind) {
    case 'district':
      return {
        managingBody: null,
        issuingBody: ['ỦY BAN NHÂN DÂN', upper(`${district!.level} ${district!.name}`)],
        symbol: symbolOf(place),
        place: district!.name,
        signer: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
        recipients: recipients(place),
      };
    case 'district-office':
      return {
        managingBody: upper(`UBND ${district!.level} ${district!.name}`),
        issuingBody: [upper(place.name)],
        symbol: symbolOf(place),
        place: district!.name,
        signer: [headTitle(place.name)],
        recipients: recipients(place),
      };
    case 'city-branch':
      return {
        managingBody: upper(place.unit?.managingBody ?? '[CƠ QUAN CHỦ QUẢN]'),
        issuingBody: [upper(place.name)],
        symbol: symbolOf(place),
        place: 'Hà Nội',
        signer: [headTitle(place.name)],
        recipients: recipients(place),
      };
    default:
      return {
        managingBody: CITY,
        issuingBody: [upper(place.name)],
        symbol: symbolOf(place),
        place: 'Hà Nội',
        signer: [headTitle(place.name)],
        recipients: recipients(place),
      };
  }
}
