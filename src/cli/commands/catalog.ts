/**
 * `cchc catalog [--json] [--lang en]`: the templates and the PAR list as data, for other tools
 * (--json), or as a readable summary. `cchc catalog import|export`: a year's PAR list as the city's
 * table (catalogTable.ts).
 */
import { APPENDIX1, PAR_LISTS, PAR_ROWS, TEMPLATE_VERSION, UNITS, relatedOf } from '../../catalog';
import { CORRECTIONS } from '../../catalog/corrections';
import { OUTLINE_FULL } from '../../catalog/outlineGuidance';
import { SECTION8_GOALS } from '../../catalog/section8';
import type { RowKind } from '../../catalog/types';
import { buildWorkbookPlan, parSheetName } from '../../layout';
import { parseArgs, parseLang, type Lang } from '../args';
import { UsageError } from '../errors';
import { formatNumber, unitName } from '../i18n';
import type { CliIo } from '../io';
import { runCatalogExport, runCatalogImport } from './catalogTable';

export const CATALOG_OPTIONS = { booleans: ['json', 'corrections'], strings: ['lang'] } as const;

/** Sheet names the layout gives each template (PAR and STATUS are not in the catalog). */
function sheetNames(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of buildWorkbookPlan().sheets) out[sheet.templateId] = sheet.name;
  return out;
}

export function catalogJson(): unknown {
  const sheets = sheetNames();
  return {
    version: TEMPLATE_VERSION,
    sheets,
    units: UNITS.map((u) => ({ id: u.id, name: u.name, nameEn: u.nameEn, aliases: u.aliases })),
    templates: APPENDIX1.map((template) => ({
      id: template.id,
      title: template.title,
      titleEn: template.titleEn,
      sheet: sheets[template.id] ?? template.sheet,
      units: template.units,
      tables: template.tables.map((table) => ({
        id: table.id,
        caption: table.caption ?? null,
        labelHeader: table.labelHeader,
        unitHeader: table.unitHeader ?? null,
        columns: table.columns,
      })),
      rows: template.tables.flatMap((table) =>
        table.rows.map((row) => ({
          id: row.id,
          table: table.id,
          stt: row.stt,
          label: row.label,
          kind: row.kind,
          unit: row.unit,
          unitText: row.unitText ?? null,
          parent: row.parent ?? null,
          groupLabel: row.groupLabel ?? null,
          weightBy: row.weightBy ?? null,
          kindReason: row.kindReason ?? null,
          columns: table.columns.map((c) => c.id),
        })),
      ),
      relations: template.relations,
    })),
    par: {
      sheet: sheets.PAR ?? null,
      total: { max: PAR_ROWS[0]?.max, previousScore: PAR_ROWS[0]?.previousScore, target: PAR_ROWS[0]?.target },
      rows: PAR_ROWS.map((row) => ({
        id: row.id,
        stt: row.stt,
        label: row.label,
        level: row.level,
        parent: row.parent,
        children: row.children,
        max: row.max,
        previousScore: row.previousScore,
        target: row.target,
        lead: row.lead,
        leadText: row.leadText,
        tasks: row.tasks,
        deadline: row.deadline,
        ...(row.synthetic ? { synthetic: true } : {}),
        ...(row.note ? { note: row.note } : {}),
      })),
    },
    // Appendix 2: the report outline, and the Appendix 1 rows to cite under each heading.
    outline: {
      sheet: sheets.OUTLINE ?? null,
      rows: OUTLINE_FULL.map((row) => ({
        id: row.id,
        part: row.part,
        number: row.number,
        label: row.label,
        level: row.level,
        parent: row.parent,
        guidance: row.guidance,
        related: relatedOf(row.id),
        ...(row.note ? { note: row.note } : {}),
      })),
    },
    section8: SECTION8_GOALS,
  };
}

const KIND_NAMES: Record<RowKind, { vi: string; en: string }> = {
  count: { vi: 'số lượng', en: 'counts' },
  percent: { vi: 'tỷ lệ', en: 'percentages' },
  flag: { vi: 'có/không', en: 'yes/no' },
  passfail: { vi: 'Đạt/Không đạt', en: 'pass/fail' },
  text: { vi: 'văn bản', en: 'text' },
  group: { vi: 'tiêu đề', en: 'headings' },
};

export function catalogText(lang: Lang): string {
  const vi = lang === 'vi';
  const sheets = sheetNames();
  const lines: string[] = [];
  lines.push(
    vi
      ? `Danh mục biểu mẫu CCHC — phiên bản ${TEMPLATE_VERSION}`
      : `CCHC template catalog — version ${TEMPLATE_VERSION}`,
  );
  lines.push('');
  lines.push(
    vi
      ? 'Phụ lục 1, Kế hoạch 28/KH-UBND: thống kê các chỉ tiêu, nhiệm vụ CCHC qua các năm'
      : 'Appendix 1 of Plan 28/KH-UBND: administrative-reform statistics by year',
  );
  for (const template of APPENDIX1) {
    const rows = template.tables.flatMap((t) => t.rows);
    const byKind = new Map<RowKind, number>();
    for (const row of rows) if (row.kind !== 'group') byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + 1);
    const kinds = [...byKind].map(([kind, n]) => `${n} ${KIND_NAMES[kind][lang]}`).join(', ');
    const units = template.units.map((u) => unitName(u, lang)).join(', ');
    const indicators = rows.filter((r) => r.kind !== 'group').length;
    lines.push(`  ${template.id}. ${vi ? template.title : template.titleEn}`);
    lines.push(
      vi
        ? `     trang "${sheets[template.id] ?? template.sheet}" · ${indicators} chỉ tiêu (${kinds}) · ${units}`
        : `     sheet "${sheets[template.id] ?? template.sheet}" · ${indicators} indicators (${kinds}) · ${units}`,
    );
  }
  lines.push('');
  // Every PAR list this build carries, newest first, each with its own year, document and sheet.
  for (const list of PAR_LISTS) {
    const total = list.rows.find((r) => r.id === 'total');
    const areas = list.rows.filter((r) => r.level === 1);
    const leaves = list.rows.filter((r) => r.level > 0 && r.children.length === 0).length;
    const { year, previousYear } = list;
    const sheet = parSheetName(year);
    lines.push(
      vi
        ? `Chỉ số CCHC (PAR INDEX) năm ${year}, Văn bản ${list.source.number} — trang "${sheet}"`
        : `${year} PAR index list, Document ${list.source.number} — sheet "${sheet}"`,
    );
    if (total)
      lines.push(
        vi
          ? `  ${areas.length} lĩnh vực, ${leaves} tiêu chí chấm điểm; tối đa ${formatNumber(total.max, lang)} · năm ${previousYear}: ${formatNumber(total.previousScore, lang)} · mục tiêu ${year}: ${formatNumber(total.target, lang)}`
          : `  ${areas.length} areas, ${leaves} scored criteria; max ${formatNumber(total.max, lang)} · ${previousYear}: ${formatNumber(total.previousScore, lang)} · ${year} target: ${formatNumber(total.target, lang)}`,
      );
    for (const area of areas)
      lines.push(
        `  ${area.stt}. ${area.label} — ${vi ? 'tối đa' : 'max'} ${formatNumber(area.max, lang)}, ${previousYear}: ${formatNumber(area.previousScore, lang)}, ${vi ? 'mục tiêu' : 'target'} ${year}: ${formatNumber(area.target, lang)}`,
      );
    lines.push('');
  }
  if (sheets.STATUS) lines.push(vi ? `Trang tình trạng: "${sheets.STATUS}"` : `Status sheet: "${sheets.STATUS}"`);
  lines.push(
    vi
      ? 'Chi tiết đầy đủ (mã dòng, loại, đơn vị, nhiệm vụ, thời hạn): cchc catalog --json'
      : 'Full details (row keys, kinds, units, tasks, deadlines): cchc catalog --json',
  );
  return lines.join('\n') + '\n';
}

/**
 * `cchc catalog --corrections`: the source's typos the catalog corrects, each with the source
 * text beside it (src/catalog/corrections.ts); --json gives the record as data.
 */
export function correctionsOutput(lang: Lang, json: boolean): string {
  if (json) return JSON.stringify(CORRECTIONS, null, 2) + '\n';
  const vi = lang === 'vi';
  const lines = [
    vi
      ? `Các lỗi chính tả của Kế hoạch 28/KH-UBND đã sửa trong biểu mẫu (${CORRECTIONS.length}):`
      : `Typos of Plan 28/KH-UBND corrected in the templates (${CORRECTIONS.length}):`,
  ];
  for (const c of CORRECTIONS)
    lines.push(
      '',
      `  ${vi ? 'Dòng' : 'Row'} ${c.where}`,
      `    ${vi ? 'Văn bản gốc' : 'Source'}: "${c.source}"`,
      `    ${vi ? 'Đã sửa thành' : 'Corrected'}: "${c.corrected}"`,
      `    ${vi ? 'Lý do' : 'Why'}: ${c.why[lang]}`,
    );
  return lines.join('\n') + '\n';
}

export async function runCatalog(argv: string[], io: CliIo): Promise<number> {
  // A year's PAR-index list as the city's table: `catalog import` / `catalog export` (catalogTable.ts).
  if (argv[0] === 'import') return runCatalogImport(argv.slice(1), io);
  if (argv[0] === 'export') return runCatalogExport(argv.slice(1), io);
  const args = parseArgs(argv, CATALOG_OPTIONS);
  const lang = parseLang(args.strings.get('lang'));
  if (args.positional.length > 0)
    throw new UsageError({
      vi: `"catalog" không nhận tham số "${args.positional[0]}".`,
      en: `"catalog" takes no argument "${args.positional[0]}".`,
    });
  if (args.booleans.has('corrections')) io.stdout.write(correctionsOutput(lang, args.booleans.has('json')));
  else if (args.booleans.has('json')) io.stdout.write(JSON.stringify(catalogJson(), null, 2) + '\n');
  else io.stdout.write(catalogText(lang));
  return 0;
}
