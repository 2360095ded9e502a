/**
 * Appendix 1 ("Phụ lục 1") of Plan 28/KH-UBND (11/02/2020): "Thống kê các chỉ tiêu, nhiệm vụ về cải cách
 * hành chính của thành phố Hà Nội qua các năm", sections I–VIII, every row in the seed's order.
 *
 * How the PDF extract was read:
 * - Header rows repeated at page breaks (I.5, III.4, VI.3, VII, VIII) continue the table above them.
 * - Unit cells were merged down over the "-" sub-rows, so a sub-row reports through its heading's unit
 *   and carries no `unitText` of its own (nothing is printed there).
 * - II.1: "Chia theo tên loại VBQPPL" is one label merged across the six document types; the extract
 *   shifted the types one column right and put the last one ("… cấp xã") in the STT column. The six
 *   rows have no STT in the original.
 * - Labels are written here as the original prints them, typos included ("Công/ Trang", "Số cơ chuyên
 *   môn", "Chuyên giao"); corrections.ts corrects those typos, keeping each source text beside its
 *   correction. The header text of IV.3 stays as printed ("Thuộc UBND cấp tỉnh" beside "Thuộc UBND TP").
 * - Section IV has three tables; each has a heading row (kind 'group') and one row per period, keyed by
 *   the period's cut-off year.
 */
import type {
  Appendix1Row,
  Appendix1Table,
  Appendix1Template,
  AtMostRelation,
  RowKind,
  SumRelation,
  TemplateColumn,
  UnitId,
} from './types';
import { applyCorrections } from './corrections';

const YEAR_COLUMNS: TemplateColumn[] = [
  { id: '2015', label: 'Năm 2015', year: 2015 },
  { id: '2016', label: 'Năm 2016', year: 2016 },
  { id: '2017', label: 'Năm 2017', year: 2017 },
  { id: '2018', label: 'Năm 2018', year: 2018 },
  { id: '2019', label: 'Năm 2019', year: 2019 },
  { id: '2020', label: 'Năm 2020 (Tính đến 31/3)', year: 2020 },
];

const UNIT_HEADER = 'Đơn vị thống kê báo cáo';

/** Reasons for kinds the seed leaves implicit; shown beside the row, so in Vietnamese. */
const WHY = {
  group: 'Dòng tiêu đề: các dòng "-" bên dưới là những chỉ tiêu riêng, không cộng lại thành dòng này.',
  total: 'Tổng số: bằng tổng các dòng "-" bên dưới.',
  percent: 'Tỷ lệ: nhập dưới dạng phần trăm (0–100%).',
  criteriaSet: 'Có/không (1/0): một bộ tiêu chí hoặc đã được xây dựng, áp dụng hoặc chưa; không có số lượng để đếm.',
} as const;

type SubRow = Omit<Appendix1Row, 'id' | 'stt' | 'unit' | 'parent' | 'unitText'> & { stt?: string };

/** A heading and its "-" sub-rows: ids get letters a, b, c… in order, the unit is the heading's. */
function withSubRows(heading: Appendix1Row, subs: SubRow[]): Appendix1Row[] {
  return [
    heading,
    ...subs.map((s, i) => ({
      ...s,
      id: `${heading.id}.${String.fromCharCode(97 + i)}`,
      stt: s.stt ?? '-',
      unit: heading.unit,
      parent: heading.id,
    })),
  ];
}

function sum(total: string, parts: string[]): SumRelation {
  return { kind: 'sum', id: `${total}=sum`, total, parts, severity: 'warning' };
}

function atMost(lesser: string, greater: string, vi: string, en: string): AtMostRelation {
  return { kind: 'atMost', id: `${lesser}<=${greater}`, lesser, greater, severity: 'warning', reason: { vi, en } };
}

function count(id: string, stt: string, label: string, unit: UnitId, extra: Partial<Appendix1Row> = {}): Appendix1Row {
  return { id, stt, label, kind: 'count', unit, ...extra };
}

function of(kind: RowKind, label: string, extra: Partial<SubRow> = {}): SubRow {
  return { label, kind, ...extra };
}

// ---------------------------------------------------------------------------------------------
// I. Lĩnh vực chỉ đạo, điều hành

const SECTION_I: Appendix1Template = {
  id: 'I',
  title: 'Lĩnh vực chỉ đạo, điều hành',
  titleEn: 'Direction and management',
  sheet: 'I. Chỉ đạo điều hành',
  units: ['SNV', 'STTTT', 'VIEN'],
  tables: [
    {
      id: 'I',
      labelHeader: 'Chỉ tiêu',
      unitHeader: UNIT_HEADER,
      columns: YEAR_COLUMNS,
      rows: [
        ...withSubRows(
          count('I.1', '1', 'Số lượng văn bản chỉ đạo, điều hành', 'SNV', {
            unitText: 'Sở Nội vụ',
            kindReason: WHY.total,
          }),
          [of('count', 'Văn bản của Thành ủy'), of('count', 'Văn bản của UBND TP và Chủ tịch UBND TP')],
        ),
        count('I.2', '2', 'Số lượng các cơ quan, đơn vị được kiểm tra CCHC', 'SNV', { unitText: 'Sở Nội vụ' }),
        ...withSubRows(
          {
            id: 'I.3',
            stt: '3',
            label: 'Tuyên truyền CCHC',
            kind: 'group',
            unit: 'STTTT',
            unitText: 'Sở TT&TT',
            kindReason: WHY.group,
          },
          [
            of('flag', 'Tổ chức cuộc thi tìm hiểu CCHC (Có tổ chức = 1; Không tổ chức = 0)'),
            of('count', 'Số lượng bản tin chuyên đề CCHC trên đài PT-TH HN'),
            of('count', 'Số lớp tập huấn chuyên đề về tuyên truyền CCHC'),
            of('flag', 'Xây dựng chuyên mục CCHC trên Cổng TTĐT của tỉnh (Có xây dựng = 1; Không xây dựng = 0)'),
            of('text', 'Hình thức tuyên truyền CCHC khác (nếu có).', {
              kindReason: 'Văn bản: dòng hỏi tên các hình thức tuyên truyền khác, không phải một con số.',
            }),
          ],
        ),
        count('I.4', '4', 'Số lượng mô hình, sáng kiến CCHC được triển khai áp dụng', 'SNV', {
          unitText: 'Sở Nội vụ',
        }),
        ...withSubRows(
          {
            id: 'I.5',
            stt: '5',
            label: 'Xây dựng, áp dụng bộ tiêu chí đánh giá CCHC các cơ quan, đơn vị',
            kind: 'group',
            unit: 'SNV',
            unitText: 'Sở Nội vụ',
            kindReason: WHY.group,
          },
          [
            of('flag', 'Bộ tiêu chí đánh giá sở, ngành', { kindReason: WHY.criteriaSet }),
            of('flag', 'Bộ tiêu chí đánh giá UBND cấp huyện', { kindReason: WHY.criteriaSet }),
            of('flag', 'Bộ tiêu chí đánh giá UBND cấp xã', { kindReason: WHY.criteriaSet }),
            of('flag', 'Bộ tiêu chí đánh giá cơ quan ngành dọc tại địa phương', { kindReason: WHY.criteriaSet }),
          ],
        ),
        ...withSubRows(
          {
            id: 'I.6',
            stt: '6',
            label: 'Đo lường sự hài lòng của người dân, tổ chức',
            kind: 'group',
            unit: 'VIEN',
            unitText: 'Viện NC PT KT- XH HN',
            kindReason: WHY.group,
          },
          [
            of('count', 'Số lượng dịch vụ đã khảo sát'),
            of('count', 'Số lượng mẫu đã khảo sát'),
            of('percent', 'Mức độ hài lòng chung', {
              kindReason: 'Tỷ lệ: mức độ hài lòng chung được công bố là tỷ lệ phần trăm người được khảo sát hài lòng.',
              // The overall rate over pooled surveys is the sample-weighted mean.
              weightBy: 'I.6.b',
            }),
          ],
        ),
      ],
    },
  ],
  relations: [sum('I.1', ['I.1.a', 'I.1.b'])],
};

// ---------------------------------------------------------------------------------------------
// II. Lĩnh vực cải cách thể chế

const VBQPPL_TYPES = 'Chia theo tên loại VBQPPL';

const SECTION_II: Appendix1Template = {
  id: 'II',
  title: 'Lĩnh vực cải cách thể chế',
  titleEn: 'Institutional reform',
  sheet: 'II. Cải cách thể chế',
  units: ['STP'],
  tables: [
    {
      id: 'II',
      labelHeader: 'Nhiệm vụ/tiêu chí',
      columns: YEAR_COLUMNS,
      rows: [
        ...withSubRows(
          count(
            'II.1',
            '1',
            'Tổng số văn bản quy phạm pháp luật (VBQPPL) chủ trì soạn thảo đã được TP ban hành',
            'STP',
            { kindReason: WHY.total },
          ),
          [
            'Nghị quyết của Hội đồng nhân dân TP',
            'Quyết định của Ủy ban nhân dân TP',
            'Nghị quyết của Hội đồng nhân dân cấp huyện',
            'Quyết định của Ủy ban nhân dân cấp huyện',
            'Nghị quyết của Hội đồng nhân dân cấp xã',
            'Quyết định của Ủy ban nhân dân cấp xã',
          ].map((label) => of('count', label, { stt: '', groupLabel: VBQPPL_TYPES })),
        ),
        count(
          'II.2',
          '2',
          'Số VBQPPL được đề nghị sửa đổi, bổ sung, thay thế, bãi bỏ hoặc ban hành mới sau rà soát',
          'STP',
        ),
        count(
          'II.3',
          '3',
          'Số VBQPPL đã được xử lý theo thẩm quyền hoặc kiến nghị cơ quan có thẩm quyền xử lý sau rà soát',
          'STP',
        ),
        count('II.4', '4', 'Số VBQPPL đã kiểm tra theo thẩm quyền', 'STP'),
        count('II.5', '5', 'Số VBQPPL trái pháp luật về nội dung, thẩm quyền', 'STP'),
        count('II.6', '6', 'Số VBQPPL trái pháp luật về nội dung, thẩm quyền đã được xử lý', 'STP'),
        count('II.7', '7', 'Văn bản không phải là VBQPPL nhưng có chứa quy phạm pháp luật', 'STP', {
          kindReason: 'Số lượng: như các dòng kiểm tra văn bản bên trên, dòng này đếm số văn bản như vậy.',
        }),
      ],
    },
  ],
  relations: [
    sum('II.1', ['II.1.a', 'II.1.b', 'II.1.c', 'II.1.d', 'II.1.e', 'II.1.f']),
    atMost(
      'II.3',
      'II.2',
      'Số văn bản đã xử lý sau rà soát thường không vượt quá số văn bản được đề nghị xử lý sau rà soát.',
      'Documents dealt with after review normally do not exceed those proposed for amendment after review.',
    ),
    atMost(
      'II.5',
      'II.4',
      'Số văn bản trái pháp luật được phát hiện không vượt quá số văn bản đã kiểm tra.',
      'Unlawful documents found cannot exceed the documents checked.',
    ),
    atMost(
      'II.6',
      'II.5',
      'Số văn bản trái pháp luật đã được xử lý thường không vượt quá số văn bản trái pháp luật được phát hiện.',
      'Unlawful documents dealt with normally do not exceed the unlawful documents found.',
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// III. Lĩnh vực cải cách thủ tục hành chính

const SECTION_III: Appendix1Template = {
  id: 'III',
  title: 'Lĩnh vực cải cách thủ tục hành chính',
  titleEn: 'Administrative procedure reform',
  sheet: 'III. Cải cách TTHC',
  units: ['VPUB'],
  tables: [
    {
      id: 'III',
      labelHeader: 'Chỉ tiêu',
      columns: YEAR_COLUMNS,
      rows: [
        ...withSubRows(
          count('III.1', '1.', 'Tổng số TTHC của TP', 'VPUB', {
            kindReason:
              'Tổng số: bằng số TTHC cấp TP + cấp huyện + cấp xã; dòng "do TP ban hành" đếm riêng một phần trong đó, không cộng vào.',
          }),
          [
            of('count', 'Số lượng TTHC cấp TP'),
            of('count', 'Số lượng TTHC cấp huyện'),
            of('count', 'Số lượng TTHC cấp xã'),
            of('count', 'Số TTHC do TP ban hành (được giao trong Luật)'),
          ],
        ),
        count(
          'III.2',
          '2.',
          'Số TTHC được đơn giản hóa sau rà soát (theo thẩm quyền của TP, như: giảm thời gian giải quyết...)',
          'VPUB',
        ),
        count(
          'III.3',
          '3.',
          'Số lượng thủ tục hành chính được công khai đầy đủ, đúng quy định trên Công/ Trang Thông tin điện tử',
          'VPUB',
        ),
        ...withSubRows(
          {
            id: 'III.4',
            stt: '4.',
            label: 'Thực hiện cơ chế một cửa, một cửa liên thông',
            kind: 'group',
            unit: 'VPUB',
            kindReason: WHY.group,
          },
          [
            'Số lượng TTHC thực hiện được giải quyết tại Bộ phận Tiếp nhận và trả kết quả cấp sở, ngành',
            'Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp huyện',
            'Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp xã',
            'Số lượng TTHC được giải quyết theo cơ chế một cửa liên thông cùng cấp',
            'Số lượng TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền',
            'Số TTHC đã thực hiện 4 tại chỗ',
          ].map((label) => of('count', label)),
        ),
        ...withSubRows(
          {
            id: 'III.5',
            stt: '5.',
            label: 'Kết quả giải quyết hồ sơ TTHC',
            kind: 'group',
            unit: 'VPUB',
            kindReason: WHY.group,
          },
          [
            'Tỷ lệ hồ sơ TTHC cấp TP giải quyết đúng hạn (đã tiếp nhận/đã trả đúng hạn)',
            'Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hạn (đã tiếp nhận/đã trả đúng hạn)',
            'Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hạn (đã tiếp nhận/đã trả đúng hạn)',
          ].map((label) => of('percent', label, { kindReason: WHY.percent })),
        ),
        ...withSubRows(
          {
            id: 'III.6',
            stt: '6.',
            label: 'Tiếp nhận và xử lý PAKN về TTHC',
            kind: 'group',
            unit: 'VPUB',
            kindReason: WHY.group,
          },
          [
            of('count', 'Số lượng PAKN đã tiếp nhận trong năm'),
            of('count', 'Số lượng PAKN đã giải quyết trong năm'),
            of('count', 'Số lượng PAKN được xử lý và đã công khai kết quả trả lời trên Công TTĐT'),
          ],
        ),
      ],
    },
  ],
  relations: [
    sum('III.1', ['III.1.a', 'III.1.b', 'III.1.c']),
    atMost(
      'III.1.d',
      'III.1',
      'TTHC do Thành phố ban hành là một phần của tổng số TTHC của Thành phố.',
      'Procedures issued by the City are part of the City’s total procedures.',
    ),
    atMost(
      'III.6.b',
      'III.6.a',
      'Số phản ánh, kiến nghị đã giải quyết trong năm thường không vượt quá số đã tiếp nhận trong năm.',
      'Feedback resolved in a year normally does not exceed feedback received that year.',
    ),
    atMost(
      'III.6.c',
      'III.6.a',
      'Số phản ánh, kiến nghị đã công khai kết quả trả lời thường không vượt quá số đã tiếp nhận.',
      'Feedback whose answer was published normally does not exceed feedback received.',
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// IV. Thống kê và so sánh số lượng tổ chức thuộc Thành phố

function periodTable(n: 1 | 2 | 3, caption: string, columns: TemplateColumn[]): Appendix1Table {
  const id = `IV.${n}`;
  return {
    id,
    caption,
    labelHeader: 'Giai đoạn',
    columns,
    rows: [
      {
        id,
        stt: `${n}.`,
        label: caption,
        kind: 'group',
        unit: 'SNV',
        kindReason: 'Tiêu đề bảng: các dòng giai đoạn bên dưới là hai mốc so sánh, không cộng lại.',
      },
      {
        id: `${id}.2010`,
        stt: '',
        label: 'Giai đoạn 2001-2010 (Tính đến 31/12/2010)',
        kind: 'count',
        unit: 'SNV',
        parent: id,
      },
      {
        id: `${id}.2019`,
        stt: '',
        label: 'Giai đoạn 2011-2020 (Tính đến 31/12/2019)',
        kind: 'count',
        unit: 'SNV',
        parent: id,
      },
    ],
  };
}

function publicUnitColumns(idPrefix: string, group: string, cityLabel: string): TemplateColumn[] {
  return [
    { id: `${idPrefix}.tp`, label: cityLabel, group },
    { id: `${idPrefix}.cqcm`, label: 'Thuộc CQ chuyên môn cấp TP', group },
    { id: `${idPrefix}.huyen`, label: 'Thuộc UBND cấp huyện', group },
  ];
}

const SECTION_IV: Appendix1Template = {
  id: 'IV',
  title: 'Thống kê và so sánh số lượng tổ chức thuộc Thành phố',
  titleEn: 'Organisations under the City: numbers compared between periods',
  sheet: 'IV. Tổ chức bộ máy',
  units: ['SNV'],
  tables: [
    periodTable(1, 'Số lượng, cơ cấu tổ chức thuộc Ủy ban nhân dân Thành phố', [
      { id: 'cqcm', label: 'Số cơ quan chuyên môn thuộc UBND TP' },
      { id: 'chicuc', label: 'Số Chi cục thuộc Sở' },
      { id: 'phong', label: 'Số phòng, văn phòng, thanh tra thuộc Sở' },
      { id: 'dvsn', label: 'Số đơn vị sự nghiệp thuộc UBND TP' },
    ]),
    periodTable(2, 'Số lượng, cơ cấu tổ chức thuộc Ủy ban nhân dân cấp huyện', [
      { id: 'huyen', label: 'Số UBND cấp huyện' },
      { id: 'phong', label: 'Số phòng chuyên môn thuộc UBND cấp huyện' },
      { id: 'vp', label: 'Số văn phòng, thanh tra thuộc UBND cấp huyện' },
      { id: 'dvsn', label: 'Số đơn vị sự nghiệp thuộc UBND cấp huyện' },
    ]),
    periodTable(3, 'Số lượng đơn vị sự nghiệp công lập phân theo các lĩnh vực', [
      ...publicUnitColumns('gddt', 'Sự nghiệp GD-ĐT', 'Thuộc UBND TP'),
      ...publicUnitColumns('yte', 'Sự nghiệp y tế', 'Thuộc UBND cấp TP'),
      ...publicUnitColumns('vhtt', 'Sự nghiệp VH,TDĐT', 'Thuộc UBND cấp tỉnh'),
      ...publicUnitColumns('khac', 'Sự nghiệp khác', 'Thuộc UBND cấp tỉnh'),
    ]),
  ],
  relations: [],
};

// ---------------------------------------------------------------------------------------------
// V. Lĩnh vực xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức

const HEADCOUNT_GROUP =
  'Dòng tiêu đề: "được giao" và "có mặt" là hai cách đếm cùng một biên chế, không cộng lại thành dòng này.';

const SECTION_V: Appendix1Template = {
  id: 'V',
  title: 'Lĩnh vực xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức',
  titleEn: 'Building and improving the cadres, civil servants and public employees',
  sheet: 'V. Đội ngũ CBCCVC',
  units: ['SNV'],
  tables: [
    {
      id: 'V',
      labelHeader: 'Chỉ tiêu',
      columns: YEAR_COLUMNS,
      rows: [
        ...withSubRows(
          {
            id: 'V.1',
            stt: '1.',
            label: 'Tổng số biên chế cán bộ, công chức',
            kind: 'group',
            unit: 'SNV',
            kindReason: HEADCOUNT_GROUP,
          },
          [of('count', 'Tổng số được giao'), of('count', 'Tổng số có mặt')],
        ),
        ...withSubRows(
          {
            id: 'V.2',
            stt: '2.',
            label: 'Tổng số biên chế viên chức',
            kind: 'group',
            unit: 'SNV',
            kindReason: HEADCOUNT_GROUP,
          },
          [of('count', 'Tổng số được giao'), of('count', 'Tổng số có mặt')],
        ),
        count('V.3', '3.', 'Số công chức được tuyển dụng theo hình thức thi cạnh tranh', 'SNV'),
        count(
          'V.4',
          '4.',
          'Số công chức được bổ nhiệm vào các chức danh lãnh đạo, quản lý thông qua thi tuyển cạnh tranh',
          'SNV',
        ),
        count('V.5', '5.', 'Số lượng cán bộ, công chức được tinh giản biên chế', 'SNV'),
        count('V.6', '6.', 'Số lượng công chức được bồi dưỡng, tập huấn hàng năm', 'SNV'),
        count('V.7', '7.', 'Số lượng viên chức được bồi dưỡng, tập huấn hàng năm', 'SNV'),
        count('V.8', '8.', 'Số lượng các lớp đào tạo, bồi dưỡng', 'SNV'),
      ],
    },
  ],
  relations: [
    atMost(
      'V.1.b',
      'V.1.a',
      'Số cán bộ, công chức có mặt không vượt quá biên chế được giao.',
      'Cadres and civil servants in post should not exceed the assigned headcount.',
    ),
    atMost(
      'V.2.b',
      'V.2.a',
      'Số viên chức có mặt không vượt quá biên chế được giao.',
      'Public employees in post should not exceed the assigned headcount.',
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// VI. Lĩnh vực cải cách tài chính công

const SELF_FUNDED = {
  full: 'Số lượng đơn vị sự nghiệp công tự bảo đảm chi thường xuyên và chi đầu tư',
  recurrent: 'Số lượng đơn vị sự nghiệp công tự bảo đảm chi thường xuyên',
  partial: 'Số lượng đơn vị sự nghiệp công tự bảo đảm một phần chi thường xuyên',
  stateFunded: 'Số lượng đơn vị sự nghiệp công do Nhà nước bảo đảm chi thường xuyên',
} as const;

const SECTION_VI: Appendix1Template = {
  id: 'VI',
  title: 'Lĩnh vực cải cách tài chính công',
  titleEn: 'Public finance reform',
  sheet: 'VI. Tài chính công',
  units: ['STC'],
  tables: [
    {
      id: 'VI',
      labelHeader: 'Chỉ tiêu',
      columns: YEAR_COLUMNS,
      rows: [
        count('VI.1', '1', 'Số cơ quan hành chính thực hiện cơ chế tự chủ', 'STC'),
        ...withSubRows(
          count('VI.2', '2', 'Số đơn vị sự nghiệp công lập thuộc UBND TP thực hiện cơ chế tự chủ', 'STC', {
            kindReason: WHY.total,
          }),
          [SELF_FUNDED.full, SELF_FUNDED.recurrent, SELF_FUNDED.partial, SELF_FUNDED.stateFunded].map((l) =>
            of('count', l),
          ),
        ),
        ...withSubRows(
          count(
            'VI.3',
            '3',
            'Số đơn vị sự nghiệp công lập thuộc cơ quan chuyên môn của UBND cấp tỉnh thực hiện cơ chế tự chủ',
            'STC',
            { kindReason: WHY.total },
          ),
          [SELF_FUNDED.full, SELF_FUNDED.recurrent, SELF_FUNDED.partial].map((l) => of('count', l)),
        ),
        ...withSubRows(
          count('VI.4', '4', 'Số đơn vị sự nghiệp công lập thuộc UBND cấp huyện thực hiện cơ chế tự chủ', 'STC', {
            kindReason: WHY.total,
          }),
          [SELF_FUNDED.full, SELF_FUNDED.recurrent, SELF_FUNDED.partial].map((l) => of('count', l)),
        ),
        count(
          'VI.5',
          '5',
          'Số tổ chức khoa học và công nghệ công lập thực hiện cơ chế tự chủ, tự chịu trách nhiệm theo Nghị định số 54/2016/NĐ-CP',
          'STC',
        ),
      ],
    },
  ],
  relations: [
    sum('VI.2', ['VI.2.a', 'VI.2.b', 'VI.2.c', 'VI.2.d']),
    sum('VI.3', ['VI.3.a', 'VI.3.b', 'VI.3.c']),
    sum('VI.4', ['VI.4.a', 'VI.4.b', 'VI.4.c']),
  ],
};

// ---------------------------------------------------------------------------------------------
// VII. Lĩnh vực hiện đại hóa hành chính

const VPUB_TEXT = 'Văn phòng UBND TP';

function vii(
  n: number,
  kind: 'count' | 'percent',
  label: string,
  unit: UnitId,
  unitText: string,
  extra: Partial<Appendix1Row> = {},
): Appendix1Row {
  return {
    id: `VII.${n}`,
    stt: `${n}.`,
    label,
    kind,
    unit,
    unitText,
    ...(kind === 'percent' ? { kindReason: WHY.percent } : {}),
    ...extra,
  };
}

const SECTION_VII: Appendix1Template = {
  id: 'VII',
  title: 'Lĩnh vực hiện đại hóa hành chính',
  titleEn: 'Modernisation of administration',
  sheet: 'VII. Hiện đại hóa HC',
  units: ['VPUB', 'STTTT', 'SKHCN'],
  tables: [
    {
      id: 'VII',
      labelHeader: 'Chỉ tiêu',
      unitHeader: UNIT_HEADER,
      columns: YEAR_COLUMNS,
      rows: [
        vii(1, 'percent', 'Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử', 'VPUB', VPUB_TEXT),
        vii(2, 'count', 'Số đơn vị kết nối Trục liên thông VBQG', 'VPUB', VPUB_TEXT),
        vii(3, 'count', 'Số lượng văn bản nhận trên Trục liên thông VBQG', 'VPUB', VPUB_TEXT),
        vii(4, 'count', 'Số lượng văn bản gửi trên Trục liên thông VBQG', 'VPUB', VPUB_TEXT),
        vii(5, 'count', 'Số lượng chữ ký số', 'VPUB', VPUB_TEXT),
        vii(6, 'percent', 'Tỷ lệ công chức có hộp thư điện tử', 'VPUB', VPUB_TEXT),
        vii(
          7,
          'count',
          'Số cơ quan chuyên môn thuộc TP, đơn vị hành chính cấp huyện triển khai ứng dụng phần mềm quản lý văn bản',
          'VPUB',
          VPUB_TEXT,
        ),
        vii(
          8,
          'count',
          'Số cơ chuyên môn cấp TP, đơn vị hành chính cấp huyện sử dụng mạng nội bộ (mạng LAN) để trao đổi công việc',
          'STTTT',
          'Sở TT&TT',
        ),
        vii(
          9,
          'count',
          'Số cơ quan chuyên môn cấp TP, đơn vị hành chính cấp huyện có Cổng/Trang Thông tin điện tử',
          'STTTT',
          'Sở TT&TT',
        ),
        vii(10, 'count', 'Số dịch vụ công trực tuyến mức độ 3, mức độ 4', 'VPUB', VPUB_TEXT),
        vii(11, 'percent', 'Tỷ lệ dịch vụ công trực tuyến mức độ 3, mức độ 4 có phát sinh hồ sơ', 'VPUB', VPUB_TEXT, {
          weightBy: 'VII.10',
        }),
        vii(12, 'count', 'Số đơn vị xây dựng, sử dụng phần mềm một cửa điện tử', 'VPUB', VPUB_TEXT),
        vii(13, 'percent', 'Tỷ lệ hồ sơ giải quyết qua hệ thống một cửa điện tử', 'VPUB', VPUB_TEXT),
        vii(
          14,
          'count',
          'Số cơ quan chuyên môn cấp TP, đơn vị hành chính cấp huyện có bản Công bố ISO',
          'SKHCN',
          'Sở KH&CN',
        ),
      ],
    },
  ],
  relations: [],
};

// ---------------------------------------------------------------------------------------------
// VIII. Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính nhà nước của Thành phố giai đoạn 2011-2020

const GOAL_UNITS = {
  VPUB: { unit: 'VPUB', text: VPUB_TEXT },
  SNV: { unit: 'SNV', text: 'Sở Nội vụ' },
  VIEN: { unit: 'VIEN', text: 'Viện NC PT KT-XH HN' },
  STTTT: { unit: 'STTTT', text: 'Sở TT&TT' },
} as const satisfies Record<string, { unit: UnitId; text: string }>;

const GOALS: Array<[keyof typeof GOAL_UNITS, string]> = [
  [
    'VPUB',
    'Thủ tục hành chính liên quan đến cá nhân, tổ chức được cải cách cơ bản theo hướng gọn nhẹ, đơn giản; mỗi năm đều có tỷ lệ giảm chi phí mà cá nhân, tổ chức phải bỏ ra khi giải quyết thủ tục hành chính tại cơ quan hành chính nhà nước',
  ],
  [
    'VPUB',
    'Thủ tục hành chính được cải cách cơ bản, mức độ hài lòng của nhân dân và doanh nghiệp về thủ tục hành chính đạt mức trên 80% vào năm 2020',
  ],
  [
    'SNV',
    'Sắp xếp, tổ chức lại các cơ quan, đơn vị để không còn sự chồng chéo, bỏ trống hoặc trùng lặp về chức năng, nhiệm vụ, quyền hạn',
  ],
  [
    'SNV',
    'Chuyên giao những công việc mà cơ quan hành chính nhà nước không nên làm hoặc làm hiệu quả thấp cho xã hội, các tổ chức xã hội, tổ chức phi chính phủ đảm nhận',
  ],
  [
    'VIEN',
    'Sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt mức trên 80% vào năm 2020',
  ],
  [
    'VIEN',
    'Sự hài lòng của cá nhân đối với dịch vụ do đơn vị sự nghiệp công cung cấp trong các lĩnh vực giáo dục, y tế đạt mức trên 80% vào năm 2020',
  ],
  [
    'SNV',
    'Đội ngũ công chức, viên chức có số lượng, cơ cấu hợp lý, đủ trình độ và năng lực thi hành công vụ, phục vụ nhân dân và phục vụ sự nghiệp phát triển của đất nước; 100% các cơ quan, đơn vị có cơ cấu công chức theo vị trí việc làm;',
  ],
  [
    'VPUB',
    'Đến năm 2020: 90% các văn bản, tài liệu chính thức trao đổi giữa các cơ quan hành chính nhà nước được thực hiện dưới dạng điện tử; cán bộ, công chức, viên chức thường xuyên sử dụng hệ thống thư điện tử trong công việc; bảo đảm dữ liệu điện tử phục vụ hầu hết các hoạt động trong các cơ quan; hầu hết các giao dịch của các cơ quan hành chính nhà nước được thực hiện trên môi trường điện tử, mọi lúc, mọi nơi, dựa trên các ứng dụng truyền thông đa phương tiện; hầu hết các dịch vụ công được cung cấp trực tuyến trên Mạng thông tin điện tử hành chính ở mức độ 3 và 4, đáp ứng nhu cầu thực tế, phục vụ người dân và doanh nghiệp mọi lúc, mọi nơi; dựa trên nhiều phương tiện khác nhau.',
  ],
  [
    'VPUB',
    'Các trang tin, cổng thông tin điện tử hoàn thành việc kết nối với Cổng Thông tin điện tử Chính phủ, hình thành đầy đủ Mạng thông tin điện tử hành chính trên Internet',
  ],
  [
    'STTTT',
    '20% số lượng người dân và doanh nghiệp tham gia hệ thống thông tin Chính quyền điện tử được xác thực định danh điện tử thông suốt và hợp nhất trên tất cả các hệ thống thông tin của các cơ quan',
  ],
  [
    'VPUB',
    'Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính của từng bộ, ngành đạt từ 20% trở lên; tích hợp 30% các dịch vụ công trực tuyến mức độ 3, 4 của các bộ, ngành, địa phương với Cổng Dịch vụ công quốc gia; 100% hồ sơ giải quyết thủ tục hành chính được thực hiện thông qua Hệ thống thông tin một cửa điện tử',
  ],
  [
    'VPUB',
    'Tối thiểu 30% dịch vụ công trực tuyến thực hiện ở mức độ 4; 50% Cổng Dịch vụ công cấp tỉnh cung cấp giao diện cho các thiết bị di động; 100% dịch vụ công được hỗ trợ giải đáp thắc mắc cho người dân, doanh nghiệp; 50% cơ quan nhà nước công khai mức độ hài lòng của người dân khi sử dụng dịch vụ công trực tuyến; 100% Cổng Thông tin điện tử công khai thông tin đầy đủ theo quy định tại Nghị định số 43/2011/NĐ-CP ngày 13 tháng 6 năm 2011 của Chính phủ; 20% dịch vụ công trực tuyến sử dụng chữ ký số trên nền tảng di động để thực hiện thủ tục hành chính; 50% dịch vụ công trực tuyến xử lý bằng hồ sơ điện tử; 20% thông tin của người dân được tự động nhập vào biểu mẫu trực tuyến; 50% dịch vụ công trực tuyến sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về Đăng ký doanh nghiệp.',
  ],
  [
    'VPUB',
    '100% phần mềm quản lý văn bản và điều hành của các bộ, ngành được kết nối, liên thông qua Trục liên thông văn bản quốc gia phục vụ gửi, nhận văn bản điện tử; 90% văn bản trao đổi giữa các cơ quan nhà nước (trừ văn bản mật theo quy định của pháp luật) dưới dạng điện tử; tối thiểu 80% hồ sơ công việc tại cấp bộ, cấp tỉnh, 60% hồ sơ công việc tại cấp huyện và 30% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (không bao gồm hồ sơ xử lý công việc có nội dung mật).',
  ],
  [
    'VPUB',
    'Tối thiểu 30% báo cáo định kỳ (không bao gồm nội dung mật) được gửi, nhận qua Hệ thống thông tin báo cáo quốc gia.',
  ],
  [
    'VPUB',
    'Rút ngắn từ 30% - 50% thời gian họp, giảm tối đa việc sử dụng tài liệu giấy thông qua Hệ thống thông tin phục vụ họp và xử lý công việc, văn phòng điện tử.',
  ],
  ['VPUB', '100% cơ quan kết nối vào Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước.'],
];

const SECTION_VIII: Appendix1Template = {
  id: 'VIII',
  title: 'Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính nhà nước của Thành phố giai đoạn 2011-2020',
  titleEn: 'Assessment of how far the City met its state administrative reform goals, 2011-2020',
  sheet: 'VIII. Mục tiêu CCHC',
  units: ['VPUB', 'SNV', 'STTTT', 'VIEN'],
  tables: [
    {
      id: 'VIII',
      labelHeader: 'Các mục tiêu cải cách',
      unitHeader: 'Đơn vị tham mưu đánh giá',
      columns: [{ id: 'assessment', label: 'Đánh giá kết quả đạt được (Đạt/Không đạt)' }],
      rows: GOALS.map(([unitKey, label], i) => ({
        id: `VIII.${i + 1}`,
        stt: `${i + 1}.`,
        label,
        kind: 'passfail',
        unit: GOAL_UNITS[unitKey].unit,
        unitText: GOAL_UNITS[unitKey].text,
      })),
    },
  ],
  relations: [],
};

/** Sections I–VIII of Appendix 1, in the seed's order. */
export const APPENDIX1: Appendix1Template[] = applyCorrections([
  SECTION_I,
  SECTION_II,
  SECTION_III,
  SECTION_IV,
  SECTION_V,
  SECTION_VI,
  SECTION_VII,
  SECTION_VIII,
]);
