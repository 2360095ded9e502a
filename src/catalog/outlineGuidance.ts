/**
 * The guidance bullets Appendix 2 prints under its headings, and how the headings whose letters the PDF
 * extract lost were read (`note`), kept apart from the headings (outline.ts) so that the task pane's
 * start-up code, which plans the outline sheet, does not carry them: the Word report and
 * `cchc catalog --json` read them from here.
 */
import { OUTLINE, type OutlineRow } from './outline';

export const OUTLINE_GUIDANCE: Readonly<Record<string, { guidance?: string[]; note?: string }>> = {
  'P1.I.1': {
    guidance: [
      'Tình hình phổ biến, quán triệt Kế hoạch số 158/KH-UBND ngày 24/8/2016 về Cải cách hành chính nhà nước của thành phố Hà Nội giai đoạn 2016 - 2020 (sau đây viết tắt là Kế hoạch số 158/KH-UBND) của các Sở, cơ quan tương đương Sở, UBND các quận, huyện, thị xã, các đơn vị sự nghiệp trực thuộc UBND Thành phố (sau đây viết tắt là các cơ quan, đơn vị).',
      'Việc xây dựng, ban hành chương trình, kế hoạch cải cách hành chính (CCHC) hàng năm của cơ quan, đơn vị; các văn bản chỉ đạo, hướng dẫn, đơn đốc triển khai công tác CCHC.',
      'Việc bố trí nguồn lực triển khai (kinh phí và nhân lực).',
      'Công tác theo dõi, đánh giá Chỉ số CCHC cấp xã, phòng của UBND cấp huyện; đánh giá sự hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước của các cơ quan, đơn vị.',
      'Những mô hình, sáng kiến trong CCHC đã được triển khai áp dụng.',
      'Công tác thi đua khen thưởng trong CCHC.',
    ],
  },
  'P1.I.2': {
    guidance: [
      'Việc xây dựng và tổ chức triển khai kế hoạch kiểm tra hàng năm.',
      'Đánh giá tác động của công tác kiểm tra đến sự chuyển biến trong công tác triển khai CCHC của các cơ quan, đơn vị; những vấn đề lớn đã phát hiện và xử lý sau kiểm tra.',
    ],
  },
  'P1.I.3': {
    guidance: [
      'Việc xây dựng kế hoạch và tổ chức thực hiện công tác thông tin, tuyên truyền về CCHC hàng năm.',
      'Kết quả thực hiện thông tin, tuyên truyền về CCHC: nội dung thông tin, tuyên truyền; các hình thức thông tin, tuyên truyền đã triển khai; mức độ hoàn thành kế hoạch; đánh giá hiệu quả của thông tin tuyên truyền về CCHC đối với đội ngũ cán bộ, công chức, viên chức; người dân, doanh nghiệp, đối tượng phục vụ của cơ quan, đơn vị.',
    ],
  },
  'P1.II.1': {
    guidance: [
      'Việc tổ chức triển khai cơ chế, chính sách pháp luật thuộc phạm vi, lĩnh vực quản lý của cơ quan, đơn vị.',
      'Tuyên truyền, phổ biến, giáo dục pháp luật.',
      'Công tác thanh tra, kiểm tra việc thực hiện chính sách pháp luật thuộc phạm vi quản lý của cơ quan, đơn vị.',
    ],
  },
  'P1.II.2.b': {
    guidance: [
      'Việc tổ chức thực hiện kế hoạch rà soát, đánh giá TTHC của Thành phố.',
      'Việc tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với quy định hành chính và tình hình, kết quả giải quyết TTHC thuộc thẩm quyền giải quyết của cơ quan, đơn vị.',
    ],
  },
  'P1.II.3.a': {
    guidance: [
      'Tình hình triển khai sắp xếp, kiện toàn tổ chức bộ máy; trong đó nêu rõ mức độ tuân thủ quy định về tổ chức bộ máy của cơ quan, đơn vị.',
      'Kết quả sắp xếp tổ chức bộ máy của: Số lượng các phòng, ban, đơn vị thuộc và trực thuộc tăng, giảm qua các đợt sắp xếp tổ chức bộ máy.',
      'Tình hình quản lý biên chế; thực hiện tinh giản biên chế.',
      'Tình hình triển khai thực hiện quy chế làm việc của cơ quan, đơn vị.',
      'Việc xây dựng và thực hiện quy trình nội bộ giải quyết công việc về hành chính trong cơ quan, đơn vị (Phân biệt khác với quy trình nội bộ trong giải quyết TTHC)',
    ],
    note: 'Chữ "a)" bị mất trong bản trích từ PDF: năm gạch đầu dòng đầu của mục 3 cùng nói về sắp xếp bộ máy và biên chế, nên được xếp thành mục a); tên mục lấy từ chính các gạch đầu dòng. Số liệu tổ chức bộ máy ở biểu IV tính theo giai đoạn, không theo năm, nên không trích ở đây.',
  },
  'P1.II.3.b': {
    guidance: [
      'Việc đề xuất đẩy mạnh phân cấp đối với các ngành, lĩnh vực thuộc phạm vi quản lý của Thành phố.',
      'Việc thực hiện các quy định phân cấp tại địa phương.',
      'Các vấn đề về phân cấp được phát hiện.',
    ],
    note: 'Chữ "b)" bị mất trong bản trích từ PDF: ba gạch đầu dòng về phân cấp được xếp thành mục b).',
  },
  'P1.II.3.c': {
    guidance: [
      'Công tác xây dựng và ban hành kế hoạch kiểm tra.',
      'Kết quả thực hiện kế hoạch, trong đó nêu rõ số lượng các cơ quan, đơn vị thuộc, trực thuộc được kiểm tra, kết quả xử lý các vấn đề đặt ra sau kiểm tra.',
    ],
    note: 'Bản trích in dòng này như một gạch đầu dòng, nhưng hai gạch đầu dòng sau nó là nội dung của nó và ngay sau đó là "d)", nên đây là mục c).',
  },
  'P1.II.4.a': {
    guidance: [
      'Về cơ cấu công chức, viên chức theo vị trí việc làm.',
      'Việc thực hiện đổi mới công tác quản lý cán bộ, công chức, viên chức: Việc tổ chức tuyển dụng viên chức; cử thi nâng ngạch công chức, thăng hạng viên chức theo nguyên tắc cạnh tranh; thu hút người tài vào bộ máy hành chính; đổi mới công tác đánh giá, phân loại cán bộ, công chức, viên chức.',
      'Đổi mới nội dung, hình thức đào tạo, bồi dưỡng cán bộ, công chức, viên chức theo thẩm quyền.',
      'Việc thực hiện kỷ luật, kỷ cương hành chính; đạo đức công vụ của cán bộ, công chức, đạo đức nghề nghiệp của viên chức',
      'Việc luân chuyển, bổ nhiệm các chức danh lãnh đạo, quản lý; việc khen thưởng, kỷ luật đối với cán bộ, công chức, viên chức.',
    ],
  },
  'P1.II.5': {
    guidance: [
      'Tình hình triển khai, thực hiện các chính sách thu nhập, tiền lương, tiền công và các chính sách an sinh xã hội.',
      'Việc đầu tư, đồng thời đẩy mạnh xã hội hoá chăm lo phát triển giáo dục và đào tạo, y tế, dân số - kế hoạch hoá gia đình, thể dục, thể thao trên địa bàn.',
      'Việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm về biên chế và kinh phí quản lý hành chính tại các cơ quan hành chính nhà nước.',
      'Việc thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập trực thuộc Thành phố.',
    ],
  },
  'P1.II.6.a': {
    guidance: [
      'Sử dụng mạng WAN, LAN; kết nối vào mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước; việc sử dụng chữ ký số...',
    ],
    note: 'Chữ "a)" bị mất trong bản trích từ PDF (mục 6 in ba gạch đầu dòng rồi "c)", "d)"): gạch đầu dòng đầu về hạ tầng là mục a); phần trong ngoặc của nó là hướng dẫn.',
  },
  'P1.II.6.b': {
    guidance: [
      'Sử dụng phần mềm quản lý văn bản và điều hành; tỷ lệ văn bản được trao đổi hoàn toàn dưới dạng điện tử giữa các cơ quan nhà nước; hiện trạng kết nối giữa các hệ thống quản lý văn bản và điều hành và với Trục liên thông văn bản quốc gia; Tỷ lệ cán bộ, công chức sử dụng hộp thư điện tử công vụ; Công tác xử lý hồ sơ công việc qua môi trường mạng...',
      'Cung cấp thông tin và dịch vụ công trực tuyến (DVCTT) cho người dân và doanh nghiệp, đặc biệt là cung cấp DVCTT mức độ 3, mức độ 4 (nêu rõ số DVCTT cung cấp, tỷ lệ DVCTT có phát sinh hồ sơ, số hồ sơ được giải quyết trực tuyến, hiện trạng tích hợp lên Cổng Dịch vụ công quốc gia (nếu có); hiện trạng công khai mức độ hài lòng của người dân khi sử dụng dịch vụ công;...',
    ],
    note: 'Chữ "b)" bị mất trong bản trích từ PDF: gạch đầu dòng thứ hai (ứng dụng CNTT) là mục b); gạch đầu dòng thứ ba (dịch vụ công trực tuyến) là ứng dụng CNTT phục vụ người dân, doanh nghiệp, nên được đặt làm hướng dẫn thứ hai của mục b) chứ không phải một mục riêng (sau nó là "c)").',
  },
  'P2.I': {
    guidance: [
      'Căn cứ vào kết quả tổng kết Kế hoạch số 158/KH-UBND, các cơ quan, đơn vị đề xuất mục tiêu và những nội dung, nhiệm vụ CCHC trọng tâm cần thiết mà UBND Thành phố cần tập trung triển khai thực hiện trong giai đoạn 2021 - 2030 trên những lĩnh vực sau:',
    ],
  },
};

/** Every heading of Appendix 2 with its guidance and notes. */
export const OUTLINE_FULL: readonly OutlineRow[] = OUTLINE.map((row) => {
  const extra = OUTLINE_GUIDANCE[row.id];
  if (!extra) return row;
  return { ...row, guidance: extra.guidance ?? [], ...(extra.note ? { note: extra.note } : {}) };
});
