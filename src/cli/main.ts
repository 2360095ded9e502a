/**
 * The `cchc` command line: the add-in's catalog, layouts and engine on .xlsx files, for the
 * Department of Home Affairs, which collects the returns, and for units without the add-in.
 */
import { TEMPLATE_VERSION } from '../catalog';
import type { Lang } from './args';
import { runCatalog } from './commands/catalog';
import { runCheck } from './commands/check';
import { runConsolidate } from './commands/consolidate';
import { runReport } from './commands/report';
import { runTemplate } from './commands/template';
import { InputError } from '../xlsx/errors';
import { UsageError } from './errors';
import { processIo, type CliIo } from './io';

const USAGE: Record<Lang, string> = {
  vi: `Cách dùng: cchc <lệnh> [tùy chọn]

  cchc catalog [--json] [--lang en] [--corrections]
      Danh mục biểu mẫu (Phụ lục 1, KH 28/KH-UBND) và danh mục Chỉ số CCHC của từng năm tiện ích mang theo.
      --corrections: các lỗi chính tả của văn bản gốc đã sửa, kèm nguyên văn.
  cchc catalog export --year NĂM --out BANG.xlsx [--force]
      Ghi danh mục Chỉ số CCHC của một năm thành bảng Excel như Thành phố trình bày, để sửa thành năm sau.
  cchc catalog import BANG.xlsx --year NĂM --out par-NĂM.json [--previous-year NĂM-TRƯỚC]
          [--number SỐ/VB] [--issued dd/mm/yyyy] [--title "TÊN"] [--force]
      Đọc bảng danh mục Chỉ số CCHC của một năm, kiểm tra từng dòng, ghi tệp dữ liệu cho src/catalog/par/.
      Mã thoát: 0 đã ghi, 1 bảng có lỗi (liệt kê theo dòng), 2 không đọc được tệp.
  cchc template OUT.xlsx [--only I,II,PAR,…] [--force] [--decimal , | .] [--year NĂM]
      Ghi tệp biểu mẫu như add-in chèn, để gửi các đơn vị chưa cài add-in.
      --decimal: dấu thập phân của Excel sẽ mở tệp, cho các số trong lời nhắc nhập (mặc định ",").
      --year: năm của danh mục Chỉ số CCHC (mặc định năm mới nhất tiện ích mang theo).
  cchc check TỆP.xlsx … [--json] [--lang en] [--decimal , | .] [--threads N]
      Kiểm tra các tệp đã điền. Mã thoát: 0 không lỗi, 1 có lỗi, 2 có tệp không đọc được.
      --decimal: dấu thập phân của Excel người đọc, cho các số trong báo cáo (mặc định theo ngôn ngữ).
      --threads: số luồng đọc tệp cùng lúc (1 đến 4; mặc định theo số nhân máy, khi có từ 50 tệp).
  cchc consolidate TỆP.xlsx … --out TONGHOP.xlsx [--json] [--lang en] [--decimal , | .] [--choose TIÊU_CHÍ=TỆP]…
      Tổng hợp Phụ lục 1 cấp Thành phố từ các tệp của đơn vị. --decimal: như với check.
      --choose 1.2=snv.xlsx: lấy điểm Chỉ số CCHC của tệp đó cho tiêu chí đang xung đột (lặp lại được).
  cchc report TỆP.xlsx --out BAOCAO.docx [--draft working | clean] [--force]
      Báo cáo Word theo thể thức Nghị định 30/2020/NĐ-CP và Đề cương (Phụ lục 2), kèm Phụ lục 1, điểm tự chấm Chỉ số CCHC.
      --draft working (mặc định): bản làm việc, giữ gợi ý, số liệu cần dẫn và các lỗi còn lại, có đánh dấu;
      --draft clean: bản sạch để gửi, không có gợi ý, mục chưa viết để "[Nội dung]".
      Văn bản tiếng Việt gửi Thành phố: số luôn viết dấu phẩy thập phân (1,5), không theo Excel.

  cchc --help | --version
`,
  en: `Usage: cchc <command> [options]

  cchc catalog [--json] [--lang en] [--corrections]
      The templates (Appendix 1 of Plan 28/KH-UBND) and the PAR index list of each year the tool carries.
      --corrections: the source's typos corrected, each beside the original text.
  cchc catalog export --year YEAR --out TABLE.xlsx [--force]
      Writes a year's PAR-index list as an Excel table laid out as the city lays it out, to edit into next year's.
  cchc catalog import TABLE.xlsx --year YEAR --out par-YEAR.json [--previous-year PREVIOUS]
          [--number NO./DOC] [--issued dd/mm/yyyy] [--title "TITLE"] [--force]
      Reads a year's PAR-index table, checks every row, writes the data file for src/catalog/par/.
      Exit status: 0 written, 1 the table breaks a rule (listed by row), 2 the file cannot be read.
  cchc template OUT.xlsx [--only I,II,PAR,…] [--force] [--decimal , | .] [--year YEAR]
      Writes the templates as the add-in injects them, for units without the add-in.
      --decimal: the decimal separator of the Excel that will open it, for the prompts' numbers (default ",").
      --year: the year of the PAR list (default the newest the tool carries).
  cchc check FILE.xlsx … [--json] [--lang en] [--decimal , | .] [--threads N]
      Checks filled workbooks. Exit status: 0 no errors, 1 errors, 2 some file could not be read.
      --decimal: the decimal separator of the reader's Excel, for the report's numbers (default: the language's).
      --threads: how many files are read at once (1 to 4; default: by the machine's cores, from 50 files on).
  cchc consolidate FILE.xlsx … --out TOTAL.xlsx [--json] [--lang en] [--decimal , | .] [--choose CRITERION=FILE]…
      Consolidates the units' Appendix 1 returns into the city-level table. --decimal: as for check.
      --choose 1.2=snv.xlsx: takes that file's PAR score for a conflicting criterion (repeatable).
  cchc report FILE.xlsx --out REPORT.docx [--draft working | clean] [--force]
      The Word report in the form of Decree 30/2020/NĐ-CP, following the outline (Appendix 2), with Appendix 1 and the PAR self-score.
      --draft working (default): the working draft, with the guidance, the figures to cite and the remaining errors, marked;
      --draft clean: the draft to send, without them; a heading not written yet reads "[Nội dung]".
      A Vietnamese document for the city: numbers always with a decimal comma (1,5), whatever the Excel.

  cchc --help | --version
`,
};

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  catalog: runCatalog,
  template: runTemplate,
  check: runCheck,
  consolidate: runConsolidate,
  report: runReport,
};

/** The language asked for, looked up before parsing so that even a usage error speaks it. */
function requestedLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' && argv[i + 1]?.toLowerCase() === 'en') return 'en';
    if (a.toLowerCase() === '--lang=en') return 'en';
  }
  return 'vi';
}

/** Runs one command line; never throws. Returns the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const lang = requestedLang(argv);
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout).write(USAGE[lang]);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`cchc ${TEMPLATE_VERSION}\n`);
      return 0;
    }
    const handler = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler) throw new UsageError({ vi: `Không có lệnh "${command}".`, en: `Unknown command "${command}".` });
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(USAGE[lang]);
      return 0;
    }
    return await handler(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`cchc: ${e.text[lang]}\n\n${USAGE[lang]}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr.write(`cchc: ${e.file}: ${e.text[lang]}\n`);
      if (e.details)
        io.stderr.write(
          lang === 'vi' ? `  Chi tiết cho bộ phận IT: ${e.details}\n` : `  Details for IT: ${e.details}\n`,
        );
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(
      lang === 'vi'
        ? `cchc: lỗi không mong đợi: ${message}\n(Chạy lại với CCHC_DEBUG=1 để xem chi tiết và gửi cho nhóm phát triển.)\n`
        : `cchc: unexpected error: ${message}\n(Run again with CCHC_DEBUG=1 for details to send to the developers.)\n`,
    );
    if (io.env.CCHC_DEBUG === '1' && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return 2;
  }
}

export async function main(argv: string[]): Promise<number> {
  // `cchc catalog --json | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`cchc: cannot write the output: ${e.message}\n`);
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
  return run(argv, processIo());
}
