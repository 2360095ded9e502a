import { Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { TEMPLATE_IDS } from '../../catalog';
import type { TemplateId } from '../../catalog/types';
import { templateEntries } from '../model';
import type { WorkbookStatus } from '../../contracts/operations';
import { usePane } from './context';
import { Pill } from './Pill';
import { usePanelStyles } from './styles';

const useStyles = makeStyles({
  legend: {
    // Named for screen readers; the summary above already says it visually.
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  templates: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  template: {
    display: 'flex',
    flexDirection: 'column',
  },
  templateInfo: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    // lines up with the checkbox label text
    paddingLeft: '36px',
    overflowWrap: 'anywhere',
  },
  planLine: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
  },
});

export interface TemplateChecklistProps {
  idPrefix: string;
  status: WorkbookStatus | null;
  selected: ReadonlySet<TemplateId>;
  onToggle(id: TemplateId, on: boolean): void;
  onSetAll(on: boolean): void;
}

/** Every template with its reporting units, what the workbook holds and what inserting would do. */
export default function TemplateChecklist({ idPrefix, status, selected, onToggle, onSetAll }: TemplateChecklistProps) {
  const { t, lang } = usePane();
  const panel = usePanelStyles();
  const styles = useStyles();
  const entries = useMemo(() => templateEntries(t, lang), [t, lang]);
  const planById = new Map((status?.plan ?? []).map((p) => [p.templateId, p]));
  const allState = selected.size === TEMPLATE_IDS.length ? true : selected.size === 0 ? false : 'mixed';
  return (
    <fieldset className={styles.templates}>
      <legend className={styles.legend}>{t.templateListLabel}</legend>
      <Checkbox
        label={t.selectAllTemplates}
        checked={allState}
        onChange={(_, data) => onSetAll(data.checked === true)}
      />
      {entries.map((entry) => {
        const present = status?.present.find((p) => p.templateId === entry.id);
        const plan = planById.get(entry.id);
        const infoId = `${idPrefix}-${entry.id}`;
        return (
          <div key={entry.id} className={styles.template}>
            <Checkbox
              label={entry.name}
              checked={selected.has(entry.id)}
              onChange={(_, data) => onToggle(entry.id, data.checked === true)}
              aria-describedby={infoId}
            />
            <div id={infoId} className={styles.templateInfo}>
              <Caption1 className={panel.muted}>{entry.units}</Caption1>
              {status && <Caption1>{present ? t.presentAs(present.sheet, present.version) : t.notPresent}</Caption1>}
              {plan && (
                <span className={styles.planLine}>
                  <Pill tone={plan.action === 'upgrade' ? 'warning' : plan.action === 'create' ? 'brand' : 'info'}>
                    {t.action[plan.action]}
                  </Pill>
                  <Caption1>{plan.detail[lang]}</Caption1>
                </span>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
