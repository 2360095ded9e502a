import type { Unit, UnitId, UnitKind } from './types';

/** Every unit either document names, with the short forms the seeds use for it. */
export const UNITS: readonly Unit[] = [
  { id: 'SNV', kind: 'city-department', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', aliases: [] },
  {
    id: 'VPUB',
    kind: 'city-department',
    name: 'Văn phòng UBND Thành phố',
    nameEn: 'Office of the City People’s Committee',
    aliases: ['Văn phòng UBND TP'],
  },
  { id: 'STP', kind: 'city-department', name: 'Sở Tư pháp', nameEn: 'Department of Justice', aliases: [] },
  { id: 'STC', kind: 'city-department', name: 'Sở Tài chính', nameEn: 'Department of Finance', aliases: [] },
  {
    id: 'STTTT',
    kind: 'city-department',
    name: 'Sở Thông tin và Truyền thông',
    nameEn: 'Department of Information and Communications',
    aliases: ['Sở TT&TT'],
  },
  {
    id: 'SKHCN',
    kind: 'city-department',
    name: 'Sở Khoa học và Công nghệ',
    nameEn: 'Department of Science and Technology',
    aliases: ['Sở KH&CN'],
  },
  {
    id: 'SKHDT',
    kind: 'city-department',
    name: 'Sở Kế hoạch và Đầu tư',
    nameEn: 'Department of Planning and Investment',
    aliases: [],
  },
  {
    id: 'VIEN',
    kind: 'city-department',
    name: 'Viện Nghiên cứu phát triển kinh tế - xã hội Hà Nội',
    nameEn: 'Hà Nội Institute for Socio-Economic Development Studies',
    aliases: ['Viện NC PT KT- XH HN', 'Viện NC PT KT-XH HN', 'Viện Nghiên cứu PT KT-XH Hà Nội'],
  },
  {
    id: 'CTHUE',
    kind: 'city-branch',
    managingBody: 'Tổng cục Thuế',
    name: 'Cục Thuế Thành phố',
    nameEn: 'City Tax Department',
    aliases: ['Cục thuế Thành phố', 'Cục Thuế Hà Nội'],
  },
];

const byId = new Map(UNITS.map((u) => [u.id, u]));

export function unitById(id: UnitId): Unit {
  const unit = byId.get(id);
  if (!unit) throw new Error(`Unknown unit id ${id}`);
  return unit;
}

/** Finds the unit a printed name refers to, ignoring case and spacing; undefined if none. */
export function unitByName(text: string): Unit | undefined {
  const wanted = squash(text);
  return UNITS.find((u) => squash(u.name) === wanted || u.aliases.some((a) => squash(a) === wanted));
}

function squash(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/** A reporting unit as typed in a workbook's reporting-unit cell, placed by kind. */
export interface UnitPlace {
  kind: UnitKind;
  /** The unit as typed (trimmed), or the catalog's name when it is one of the catalog's units. */
  name: string;
  unit?: Unit;
  /** For a district or a district office: the district as typed ('huyện Gia Lâm'), its kind word and its name. */
  district?: { level: 'quận' | 'huyện' | 'thị xã'; name: string };
}

const COMMITTEE = /^(?:UBND|[UỦ]Y BAN NHÂN DÂN)\s+(quận|huyện|thị\s+xã)\s+(.+)$/iu;
const IN_DISTRICT = /^(.+?)\s+(?:(?:thuộc\s+)?(?:UBND\s+))?(quận|huyện|thị\s+xã)\s+(.+)$/iu;

function districtOf(level: string, name: string): UnitPlace['district'] {
  const l = level.toLowerCase().replace(/\s+/g, ' ') as 'quận' | 'huyện' | 'thị xã';
  return { level: l, name: name.trim() };
}

/**
 * The kind of a unit named in free text: a catalog unit by its name or a short form; "UBND huyện
 * Gia Lâm" a district; "Phòng Nội vụ quận Ba Đình" an office of that district; anything else a
 * department or agency of the city, the units Plan 28/KH-UBND addresses ("các cơ quan, đơn vị
 * thuộc Thành phố").
 */
export function unitPlace(text: string): UnitPlace {
  const name = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const unit = unitByName(name);
  if (unit) return { kind: unit.kind, name: unit.name, unit };
  const committee = COMMITTEE.exec(name);
  if (committee) return { kind: 'district', name, district: districtOf(committee[1], committee[2]) };
  const office = IN_DISTRICT.exec(name);
  if (office && !/^(?:Sở|UBND|[UỦ]y ban)(?:\s|$)/iu.test(office[1]))
    return { kind: 'district-office', name: office[1], district: districtOf(office[2], office[3]) };
  return { kind: 'city-department', name };
}
