import { Caption1, Text } from '@fluentui/react-components';
import { OUTLINE } from '../../catalog';
import { OUTLINE_SHEET_NAME } from '../../layout/names';
import type { Language } from '../i18n';
import { usePane } from './context';
import { usePanelStyles } from './styles';

/**
 * The reporting units the plan (28/KH-UBND) names beyond the city departments listed by name
 * in the catalog: each writes the report of its own unit following the outline (Appendix 2),
 * while the Appendix 1 figures and the PAR list are entered by the lead departments.
 */
export const UNIT_KINDS = [
  {
    id: 'kind:department',
    name: { vi: 'Sở, cơ quan tương đương sở khác', en: 'Other departments and equivalent agencies' },
  },
  {
    id: 'kind:district',
    name: { vi: 'UBND quận, huyện, thị xã', en: 'District and town People’s Committees' },
  },
  {
    id: 'kind:agency',
    name: {
      vi: 'Đơn vị sự nghiệp trực thuộc UBND Thành phố',
      en: 'Public service units of the City People’s Committee',
    },
  },
] as const;

export type UnitKindId = (typeof UNIT_KINDS)[number]['id'];

export function isUnitKind(value: string | null): value is UnitKindId {
  return UNIT_KINDS.some((k) => k.id === value);
}

export function unitKindName(id: UnitKindId, lang: Language): string {
  return UNIT_KINDS.find((k) => k.id === id)!.name[lang];
}

/** What concerns a kind of unit: the outline sheet and its sections, in the plan's order. */
export function UnitKindGuide() {
  const { t } = usePane();
  const panel = usePanelStyles();
  const sections = OUTLINE.filter((r) => r.level === 1);
  return (
    <div data-testid="unit-kind-guide">
      <Text block size={200}>
        {t.unitKindReport(OUTLINE_SHEET_NAME)}
      </Text>
      <ul className={panel.list}>
        {sections.map((s) => (
          <li key={s.id}>
            <Caption1>{`${s.number} ${s.label}`}</Caption1>
          </li>
        ))}
      </ul>
      <Caption1 className={panel.muted}>{t.unitKindFigures}</Caption1>
    </div>
  );
}
