/**
 * What each colour in a template sheet means: the rules the sheet draws itself (any co-author
 * sees them, with or without the add-in) and the two marks a check leaves. Swatches take the
 * plan's own formats, so the legend and the sheet cannot drift apart.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CF_FORMATS } from '../../layout/rules';
import type { ConditionalPurpose } from '../../layout/types';
import { usePane } from './context';

/** In the order a reader meets them: the sheet's own rules first, then the check's marks. */
export const LEGEND_ORDER: readonly ConditionalPurpose[] = [
  'invalid',
  'formulaOverwritten',
  'sumMismatch',
  'evidenceMissing',
  'belowTarget',
  'flagged',
  'flaggedWarning',
];

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'grid', rowGap: tokens.spacingVerticalXXS },
  item: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  swatch: {
    flexShrink: 0,
    minWidth: '2.5em',
    textAlign: 'center',
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function MarksLegend(): JSX.Element {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <details data-testid="marks-legend">
      <summary>
        <Caption1>{t.marksLegendHeading}</Caption1>
      </summary>
      <ul className={styles.list}>
        {LEGEND_ORDER.map((purpose) => {
          const f = CF_FORMATS[purpose];
          return (
            <li key={purpose} className={styles.item} data-purpose={purpose}>
              <span
                className={styles.swatch}
                aria-hidden
                style={{ backgroundColor: f.fill, color: f.fontColor, fontWeight: f.bold ? 700 : 400 }}
              >
                123
              </span>
              <Caption1>{t.marksLegend[purpose]}</Caption1>
            </li>
          );
        })}
      </ul>
      <Caption1>{t.marksLegendNote}</Caption1>
    </details>
  );
}
