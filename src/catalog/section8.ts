/**
 * Which Section VIII goals (Appendix 1, "Đánh giá mức độ thực hiện các mục tiêu…") state a threshold that
 * an Appendix 1 row measures, in the seed's own words, so the engine can suggest "Đạt/Không đạt".
 *
 * How the goals were read (all 16 are listed; `reason` says why a goal gets no suggestion):
 * - A goal measured in full (every numeric threshold it sets has a row) gets "Đạt" or "Không đạt".
 * - A goal measured in part (other thresholds or qualitative aims have no row) can only fail on data:
 *   it gets "Không đạt" when a measured threshold is missed, and no suggestion otherwise.
 * - Goal 8's qualitative aims ("thường xuyên", "hầu hết") are not thresholds: the 90 % share of electronic
 *   documents (VII.1) is the one number it sets, so it is treated as measured in full.
 * - "trên 80%" is strictly above 80 %; "90%", "100%" mean at least that share.
 */
export interface GoalThreshold {
  /** Appendix 1 row measuring the goal (a percent row, stored 0…1). */
  row: string;
  /** 'gt' for "trên", 'gte' for "đạt", "từ … trở lên" or a bare share. */
  op: 'gt' | 'gte';
  /** Threshold as a fraction (0.8 = 80 %). */
  value: number;
  /** The seed's words the threshold comes from. */
  words: string;
}

export interface Section8Goal {
  /** Appendix 1 row id of the goal ('VIII.8'). */
  id: string;
  /** 'full': the thresholds decide the goal; 'partial': they can only show it missed; 'none': no data. */
  measured: 'full' | 'partial' | 'none';
  thresholds: GoalThreshold[];
  /** Why the goal is only partly or not at all measurable, in Vietnamese and English. */
  reason?: { vi: string; en: string };
}

const NO_ROW = (what: string, whatEn: string): { vi: string; en: string } => ({
  vi: `Phụ lục 1 không có chỉ tiêu đo ${what}; đơn vị tự đánh giá.`,
  en: `Appendix 1 has no row measuring ${whatEn}; the unit assesses it.`,
});

export const SECTION8_GOALS: readonly Section8Goal[] = [
  {
    id: 'VIII.1',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW('tỷ lệ giảm chi phí giải quyết TTHC', 'the yearly fall in the cost of procedures'),
  },
  {
    id: 'VIII.2',
    measured: 'full',
    thresholds: [
      {
        row: 'I.6.c',
        op: 'gt',
        value: 0.8,
        words: 'mức độ hài lòng của nhân dân và doanh nghiệp về thủ tục hành chính đạt mức trên 80% vào năm 2020',
      },
    ],
  },
  {
    id: 'VIII.3',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW('sự chồng chéo chức năng, nhiệm vụ', 'overlapping functions'),
  },
  {
    id: 'VIII.4',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW('việc chuyển giao công việc cho xã hội', 'work handed over to society'),
  },
  {
    id: 'VIII.5',
    measured: 'full',
    thresholds: [
      {
        row: 'I.6.c',
        op: 'gt',
        value: 0.8,
        words:
          'Sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt mức trên 80% vào năm 2020',
      },
    ],
  },
  {
    id: 'VIII.6',
    measured: 'none',
    thresholds: [],
    reason: {
      vi: 'Phụ lục 1 chỉ có mức độ hài lòng chung (I.6), không tách riêng dịch vụ giáo dục, y tế; đơn vị tự đánh giá.',
      en: 'Appendix 1 has only overall satisfaction (I.6), not education and health services; the unit assesses it.',
    },
  },
  {
    id: 'VIII.7',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW('cơ cấu công chức theo vị trí việc làm', 'staffing by job position'),
  },
  {
    id: 'VIII.8',
    measured: 'full',
    thresholds: [
      {
        row: 'VII.1',
        op: 'gte',
        value: 0.9,
        words:
          '90% các văn bản, tài liệu chính thức trao đổi giữa các cơ quan hành chính nhà nước được thực hiện dưới dạng điện tử',
      },
    ],
  },
  {
    id: 'VIII.9',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW('việc kết nối với Cổng Thông tin điện tử Chính phủ', 'links to the Government portal'),
  },
  {
    id: 'VIII.10',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW('tỷ lệ người dân, doanh nghiệp được xác thực định danh điện tử', 'electronic identification'),
  },
  {
    id: 'VIII.11',
    measured: 'partial',
    thresholds: [
      {
        row: 'VII.13',
        op: 'gte',
        value: 1,
        words: '100% hồ sơ giải quyết thủ tục hành chính được thực hiện thông qua Hệ thống thông tin một cửa điện tử',
      },
    ],
    reason: {
      vi: 'Chỉ đo được "100% hồ sơ … qua Hệ thống thông tin một cửa điện tử" (VII.13); tỷ lệ hồ sơ giải quyết trực tuyến và tỷ lệ tích hợp Cổng Dịch vụ công quốc gia không có trong Phụ lục 1.',
      en: 'Only "100% of files through the one-stop-shop system" is measured (VII.13); online processing and integration with the national portal are not in Appendix 1.',
    },
  },
  {
    id: 'VIII.12',
    measured: 'none',
    thresholds: [],
    reason: {
      vi: 'Phụ lục 1 đếm chung dịch vụ công trực tuyến mức độ 3 và 4 (VII.10), không tách mức độ 4; các chỉ tiêu khác của mục tiêu không có số liệu.',
      en: 'Appendix 1 counts level 3 and 4 online services together (VII.10), not level 4 alone; the goal’s other targets have no data.',
    },
  },
  {
    id: 'VIII.13',
    measured: 'partial',
    thresholds: [
      {
        row: 'VII.1',
        op: 'gte',
        value: 0.9,
        words:
          '90% văn bản trao đổi giữa các cơ quan nhà nước (trừ văn bản mật theo quy định của pháp luật) dưới dạng điện tử',
      },
    ],
    reason: {
      vi: 'Chỉ đo được "90% văn bản … dưới dạng điện tử" (VII.1); tỷ lệ phần mềm kết nối Trục liên thông và hồ sơ công việc xử lý trên môi trường mạng không có trong Phụ lục 1.',
      en: 'Only "90% of documents electronic" is measured (VII.1); connected software and files processed online are not in Appendix 1.',
    },
  },
  {
    id: 'VIII.14',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW(
      'báo cáo gửi qua Hệ thống thông tin báo cáo quốc gia',
      'reports sent through the national reporting system',
    ),
  },
  {
    id: 'VIII.15',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW('thời gian họp', 'meeting time'),
  },
  {
    id: 'VIII.16',
    measured: 'none',
    thresholds: [],
    reason: NO_ROW('việc kết nối Mạng truyền số liệu chuyên dùng', 'links to the dedicated data network'),
  },
];

const byId = new Map(SECTION8_GOALS.map((g) => [g.id, g]));

export function section8Goal(id: string): Section8Goal | undefined {
  return byId.get(id);
}
