import { APPENDIX1, PAR_ROWS, TEMPLATE_VERSION } from '../../src/catalog';
import { buildWorkbookPlan } from '../../src/layout';
import { cli } from './helpers';

interface CatalogJson {
  version: string;
  templates: {
    id: string;
    title: string;
    sheet: string;
    rows: { id: string; label: string; kind: string; unit: string; weightBy: string | null }[];
  }[];
  par: {
    rows: {
      id: string;
      label: string;
      parent: string | null;
      max: number;
      previousScore: number;
      target: number;
      lead: string | null;
      tasks: string[];
      deadline: string[];
    }[];
  };
}

describe('cchc catalog', () => {
  it('--json gives every Appendix 1 template with its rows, and the PAR list', async () => {
    const result = await cli(['catalog', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as CatalogJson;
    expect(json.version).toBe(TEMPLATE_VERSION);
    const sheetNames = new Map(buildWorkbookPlan().sheets.map((s) => [s.templateId, s.name]));
    expect(json.templates.map((t) => t.id)).toEqual(APPENDIX1.map((t) => t.id));
    for (const template of json.templates) {
      const source = APPENDIX1.find((t) => t.id === template.id);
      expect(template.title).toBe(source?.title);
      expect(template.sheet).toBe(sheetNames.get(template.id as never));
      const rows = source?.tables.flatMap((t) => t.rows) ?? [];
      expect(template.rows.map((r) => [r.id, r.label, r.kind, r.unit])).toEqual(
        rows.map((r) => [r.id, r.label, r.kind, r.unit]),
      );
    }
    expect(json.templates[0].rows.find((r) => r.id === 'I.6.c')?.weightBy).toBe('I.6.b');
    expect(json.par.rows).toHaveLength(PAR_ROWS.length);
    for (const row of json.par.rows) {
      const source = PAR_ROWS.find((r) => r.id === row.id);
      expect(row).toMatchObject({
        label: source?.label,
        parent: source?.parent,
        max: source?.max,
        previousScore: source?.previousScore,
        target: source?.target,
        lead: source?.lead,
        tasks: source?.tasks,
        deadline: source?.deadline,
      });
    }
    expect(json.par.rows[0]).toMatchObject({ id: 'total', max: 100, previousScore: 86.07, target: 92.418 });
  });

  it('without --json prints a Vietnamese summary, or an English one with --lang en', async () => {
    const vi = await cli(['catalog']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Phụ lục 1, Kế hoạch 28/KH-UBND');
    expect(vi.stdout).toContain('I. Lĩnh vực chỉ đạo, điều hành');
    expect(vi.stdout).toContain('mục tiêu 2021: 92,418');
    const en = await cli(['catalog', '--lang', 'en']);
    expect(en.stdout).toContain('I. Direction and management');
    expect(en.stdout).toContain('2021 target: 92.418');
  });
});
