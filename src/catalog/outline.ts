/**
 * Appendix 2 ("Phụ lục 2 – ĐỀ CƯƠNG BÁO CÁO") of Plan 28/KH-UBND (11/02/2020): the outline every unit's
 * narrative report follows, heading by heading, with the Appendix 1 rows a writer should cite there
 * (`related`). The guidance bullets the seed prints under the headings and the notes on how lost letters
 * were read are in outlineGuidance.ts (`OUTLINE_FULL` joins them), out of the task pane's start-up code.
 *
 * Keys are published like Appendix 1 row keys (the outline sheet carries them in column A): never renumber.
 * 'P1.II.2.dd' stands for the letter "đ)" (keys stay ASCII).
 *
 * How the PDF extract was read where it lost letters or order (each judgement is also in the heading's `note`,
 * outlineGuidance.ts):
 * - Phần thứ nhất, II.3 prints nine bullets, then two bullets, then "d)" and "e)": items a)–c) lost their
 *   letters. The bullets fall into three topics: organisation and staffing (a), decentralisation (b) and
 *   inspection of organisation (c, whose own text "Về kiểm tra, đánh giá…" heads the two last bullets).
 * - Phần thứ nhất, II.6 prints three bullets, then "c)" and "d)": a) is the bullet on IT infrastructure,
 *   b) the bullet on IT use, and the third bullet (online public services) continues b), the use of IT
 *   towards citizens.
 * - The labels of those inferred items are the seed's own first words, so an official recognises them.
 */

export type OutlinePart = 1 | 2;

export interface OutlineRow {
  /** Stable key: 'P1', 'P1.I', 'P1.I.1', 'P1.II.2.a', 'P2.II.3'. */
  id: string;
  part: OutlinePart;
  /** Numbering as printed ('I.', '1.', 'a)', 'đ)'); '' for a Part. */
  number: string;
  /** Heading text as in the seed (diacritics kept). */
  label: string;
  /** 0 Part, 1 Roman section, 2 numbered item, 3 lettered item. */
  level: 0 | 1 | 2 | 3;
  parent: string | null;
  /** Guidance bullets the seed prints under the heading, in order. */
  guidance: string[];
  /** Appendix 1 row ids whose figures belong under this heading (own ones; see `relatedOf`). */
  related: string[];
  /** True when the unit writes text here (a heading with no sub-headings, Parts and sections excluded). */
  leaf: boolean;
  /** How this heading was read from the extract, where that took judgement. */
  note?: string;
}

type Spec = [number: string, label: string, extra?: { guidance?: string[]; related?: string[]; note?: string }];

const P1_I: Spec[] = [
  [
    '1.',
    'Công tác chỉ đạo, điều hành',
    {
      related: ['I.1', 'I.4', 'I.5.a', 'I.5.b', 'I.6.a', 'I.6.c'],
    },
  ],
  [
    '2.',
    'Kiểm tra việc thực hiện',
    {
      related: ['I.2'],
    },
  ],
  [
    '3.',
    'Thông tin, tuyên truyền',
    {
      related: ['I.3.a', 'I.3.b', 'I.3.c', 'I.3.d'],
    },
  ],
  ['4.', 'Đánh giá chung về công tác triển khai'],
  ['a)', 'Mặt tích cực đạt được'],
  ['b)', 'Tồn tại, hạn chế'],
];

const P1_II: Spec[] = [
  [
    '1.',
    'Cải cách thể chế',
    {
      related: ['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6'],
    },
  ],
  [
    '2.',
    'Cải cách thủ tục hành chính (đối với các cơ quan, đơn vị có thẩm quyền giải quyết thủ tục hành chính (TTHC))',
  ],
  [
    'a)',
    'Cải cách TTHC; đơn giản hóa TTHC; xây dựng quy trình giải quyết TTHC theo ngành, lĩnh vực từ cấp Thành phố đến cấp xã (trách nhiệm các sở)',
    { related: ['III.1', 'III.2'] },
  ],
  [
    'b)',
    'Về kiểm soát TTHC',
    {
      related: ['III.5.a', 'III.5.b', 'III.5.c', 'III.6.a', 'III.6.b', 'III.6.c'],
    },
  ],
  ['c)', 'Việc cập nhật, công khai TTHC theo quy định.', { related: ['III.3'] }],
  [
    'd)',
    'Việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC.',
    { related: ['III.4.a', 'III.4.b', 'III.4.c', 'III.4.d', 'III.4.e', 'III.4.f', 'VII.12', 'VII.13'] },
  ],
  ['đ)', 'Về tình hình, kết quả cung cấp dịch vụ công trực tuyến mức độ 3, 4.', { related: ['VII.10', 'VII.11'] }],
  ['e)', 'Về triển khai tiếp nhận hồ sơ và trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích.'],
  ['g)', 'Sáng kiến, giải pháp cải cách TTHC.'],
  ['3.', 'Cải cách tổ chức bộ máy'],
  [
    'a)',
    'Sắp xếp, kiện toàn tổ chức bộ máy; quản lý biên chế',
    {
      related: ['V.1.a', 'V.1.b', 'V.2.a', 'V.2.b', 'V.5'],
    },
  ],
  ['b)', 'Phân cấp', {}],
  ['c)', 'Về kiểm tra, đánh giá tình hình tổ chức và hoạt động của cơ quan, đơn vị.', {}],
  [
    'd)',
    'Cải cách và triển khai cơ chế tự chủ, tự chịu trách nhiệm về tổ chức bộ máy đối với các đơn vị sự nghiệp công lập trực thuộc Thành phố.',
    { related: ['VI.2', 'VI.3', 'VI.4'] },
  ],
  ['e)', 'Việc thực hiện sắp xếp các đơn vị hành chính cấp huyện, cấp xã.'],
  ['4.', 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức'],
  [
    'a)',
    'Kết quả thực hiện các nội dung về cải cách chế độ công vụ, công chức',
    {
      related: ['V.3', 'V.4', 'V.6', 'V.7', 'V.8'],
    },
  ],
  ['b)', 'Về công chức cấp xã (cơ cấu, số lượng, chất lượng, đào tạo, bồi dưỡng)'],
  [
    '5.',
    'Cải cách tài chính công',
    {
      related: ['VI.1', 'VI.2', 'VI.3', 'VI.4', 'VI.5'],
    },
  ],
  ['6.', 'Hiện đại hóa hành chính'],
  [
    'a)',
    'Về hạ tầng công nghệ thông tin, hệ thống phần mềm quản lý, dữ liệu chuyên ngành, phát triển nguồn nhân lực công nghệ thông tin của các cơ quan, đơn vị',
    {
      related: ['VII.5', 'VII.8', 'VII.9'],
    },
  ],
  [
    'b)',
    'Về ứng dụng công nghệ thông tin trong hoạt động của các cơ quan, đơn vị',
    {
      related: ['VII.1', 'VII.2', 'VII.3', 'VII.4', 'VII.6', 'VII.7', 'VII.10', 'VII.11'],
    },
  ],
  [
    'c)',
    'Tình hình triển khai hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2008, ISO 9001: 2015 tại các cơ quan, đơn vị.',
    { related: ['VII.14'] },
  ],
  ['d)', 'Kết quả thực hiện việc đầu tư nâng cấp, sửa chữa, xây mới trụ sở làm việc của chính quyền cấp huyện, cấp xã'],
];

const P1_III: Spec[] = [
  ['1.', 'Đánh giá khái quát kết quả đã đạt được', { related: ['I.6.c', 'VII.1', 'VII.11', 'VII.13'] }],
  ['2.', 'Tồn tại, hạn chế, nguyên nhân'],
  ['3.', 'Bài học kinh nghiệm'],
];

const P2_I: Spec[] = [
  ['1.', 'Về thể chế'],
  ['2.', 'Về thủ tục hành chính'],
  ['3.', 'Về tổ chức bộ máy hành chính nhà nước'],
  ['4.', 'Về xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức'],
  ['5.', 'Về tài chính công'],
  ['6.', 'Về hiện đại hóa hành chính'],
];

const P2_II: Spec[] = [
  [
    '1.',
    'Kiến nghị với Chính phủ, các bộ, ngành Trung ương về nội dung cần sửa đổi, bổ sung hoặc ban hành mới các quy định, chế độ, chính sách, pháp luật cho phù hợp với thực tế để đẩy mạnh CCHC nhà nước trong thời gian tới.',
  ],
  [
    '2.',
    'Kiến nghị với Thành phố các biện pháp nhằm tăng cường sự lãnh đạo, chỉ đạo và kiểm tra, giám sát đối với các cơ quan, đơn vị để thực hiện tốt hơn các mục tiêu, nhiệm vụ CCHC nhà nước của Thành phố trong giai đoạn tới.',
  ],
  ['3.', 'Những kiến nghị khác./.'],
];

/** 'đ' → 'dd' so that keys stay ASCII. */
function letterKey(number: string): string {
  const bare = number.replace(/[.)]/g, '');
  return bare === 'đ' ? 'dd' : bare;
}

function section(
  part: OutlinePart,
  roman: string,
  label: string,
  specs: Spec[],
  guidance: string[] = [],
): OutlineRow[] {
  const sectionId = `P${part}.${roman}`;
  const rows: OutlineRow[] = [
    {
      id: sectionId,
      part,
      number: `${roman}.`,
      label,
      level: 1,
      parent: `P${part}`,
      guidance,
      related: [],
      leaf: false,
    },
  ];
  let numbered: OutlineRow | undefined;
  for (const [number, text, extra = {}] of specs) {
    const lettered = number.endsWith(')');
    const parent = lettered ? (numbered as OutlineRow) : undefined;
    const row: OutlineRow = {
      id: lettered ? `${parent?.id}.${letterKey(number)}` : `${sectionId}.${letterKey(number)}`,
      part,
      number,
      label: text,
      level: lettered ? 3 : 2,
      parent: lettered ? (parent?.id ?? sectionId) : sectionId,
      guidance: extra.guidance ?? [],
      related: extra.related ?? [],
      leaf: true,
      ...(extra.note ? { note: extra.note } : {}),
    };
    if (parent) parent.leaf = false;
    else numbered = row;
    rows.push(row);
  }
  return rows;
}

const PARTS: OutlineRow[] = [
  {
    id: 'P1',
    part: 1,
    number: '',
    label: 'Phần thứ nhất: TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ',
    level: 0,
    parent: null,
    guidance: [],
    related: [],
    leaf: false,
  },
  ...section(1, 'I', 'TÌNH HÌNH TRIỂN KHAI', P1_I),
  ...section(1, 'II', 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN', P1_II),
  ...section(1, 'III', 'ĐÁNH GIÁ CHUNG', P1_III),
  {
    id: 'P2',
    part: 2,
    number: '',
    label: 'Phần thứ hai: KIẾN NGHỊ, ĐỀ XUẤT',
    level: 0,
    parent: null,
    guidance: [],
    related: [],
    leaf: false,
  },
  ...section(2, 'I', 'Đề xuất', P2_I),
  ...section(2, 'II', 'Kiến nghị', P2_II),
];

/** Every heading of Appendix 2, in the seed's order. */
export const OUTLINE: readonly OutlineRow[] = PARTS;

const byId = new Map(OUTLINE.map((r) => [r.id, r]));

export function outlineRow(id: string): OutlineRow | undefined {
  return byId.get(id);
}

/** The Appendix 1 rows cited under a heading and every heading below it, in order, without repeats. */
export function relatedOf(id: string): string[] {
  const out: string[] = [];
  const visit = (rowId: string): void => {
    const row = byId.get(rowId);
    if (!row) return;
    for (const r of row.related) if (!out.includes(r)) out.push(r);
    for (const child of OUTLINE) if (child.parent === rowId) visit(child.id);
  };
  visit(id);
  return out;
}

/** The plan and date of the document the outline belongs to, for the report's title block. */
export const OUTLINE_SOURCE = {
  plan: '28/KH-UBND',
  date: '11/02/2020',
  issuer: 'UBND thành phố Hà Nội',
  deadline: '15/4/2020',
  title:
    'Báo cáo đánh giá kết quả và mức độ hoàn thành Kế hoạch cải cách hành chính giai đoạn 2016 - 2020 (Kế hoạch số 158/KH-UBND)',
} as const;
