import type { Unit, UnitId } from './types';

/** Every unit either document names, with the short forms the seeds use for it. */
export const UNITS: readonly Unit[] = [
  { id: 'SNV', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', aliases: [] },
  {
    id: 'VPUB',
    name: 'Văn phòng UBND Thành phố',
    nameEn: 'Office of the City People’s Committee',
    aliases: ['Văn phòng UBND TP'],
  },
  { id: 'STP', name: 'Sở Tư pháp', nameEn: 'Department of Justice', aliases: [] },
  { id: 'STC', name: 'Sở Tài chính', nameEn: 'Department of Finance', aliases: [] },
  {
    id: 'STTTT',
    name: 'Sở Thông tin và Truyền thông',
    nameEn: 'Department of Information and Communications',
    aliases: ['Sở TT&TT'],
  },
  {
    id: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    nameEn: 'Department of Science and Technology',
    aliases: ['Sở KH&CN'],
  },
  {
    id: 'SKHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    nameEn: 'Department of Planning and Investment',
    aliases: [],
  },
  {
    id: 'VIEN',
    name: 'Viện Nghiên cứu phát triển kinh tế - xã hội Hà Nội',
    nameEn: 'Hà Nội Institute for Socio-Economic Development Studies',
    aliases: ['Viện NC PT KT- XH HN', 'Viện NC PT KT-XH HN', 'Viện Nghiên cứu PT KT-XH Hà Nội'],
  },
  {
    id: 'CTHUE',
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
