import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ParRowResult } from '../../engine/types';
import { parLabel } from '../model';
import { usePane } from './context';

/**
 * One group of three horizontal bars per PAR area (2020, 2021 target, 2021 score), each as a
 * share of the area's maximum, drawn with plain CSS so it reflows at any pane width.
 * Screen readers get one sentence per area instead of the bars.
 */
const useStyles = makeStyles({
  chart: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px' },
  areaLabel: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  bars: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  barRow: {
    display: 'grid',
    gridTemplateColumns: '1fr 52px',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
  },
  track: { height: '8px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: '2px', overflow: 'hidden' },
  bar: { height: '100%', borderRadius: '2px' },
  value: { fontSize: tokens.fontSizeBase100, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  c2020: { backgroundColor: tokens.colorNeutralStroke1Pressed },
  cTarget: { backgroundColor: tokens.colorPaletteMarigoldBorderActive },
  cScore: { backgroundColor: tokens.colorBrandBackground },
  cPartial: {
    backgroundImage: `repeating-linear-gradient(45deg, ${tokens.colorBrandBackground} 0 3px, transparent 3px 6px)`,
  },
  below: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function AreaChart({ areas }: { areas: ParRowResult[] }) {
  const { t, num } = usePane();
  const styles = useStyles();
  const bar = (value: number, max: number, className: string) => (
    <div className={styles.track}>
      <div
        className={`${styles.bar} ${className}`}
        style={{ width: `${Math.max(0, Math.min(1, value / max)) * 100}%` }}
      />
    </div>
  );
  return (
    <>
      <div className={styles.legend} aria-hidden="true">
        <span className={styles.legendItem}>
          <span className={`${styles.swatch} ${styles.c2020}`} />
          <Caption1>{t.chartLegend.score2020}</Caption1>
        </span>
        <span className={styles.legendItem}>
          <span className={`${styles.swatch} ${styles.cTarget}`} />
          <Caption1>{t.chartLegend.target2021}</Caption1>
        </span>
        <span className={styles.legendItem}>
          <span className={`${styles.swatch} ${styles.cScore}`} />
          <Caption1>{t.chartLegend.score2021}</Caption1>
        </span>
      </div>
      <ul className={styles.chart} data-testid="area-chart">
        {areas.map((area) => {
          const label = parLabel(area.id);
          const score = area.score2021 ?? area.partialSum;
          const scoreText = area.score2021 === null ? `${num(area.partialSum)} (${t.chartNotScored})` : num(score);
          const below = area.belowTarget === true;
          return (
            <li
              key={area.id}
              role="img"
              aria-label={t.chartAreaLabel(label, num(area.score2020), num(area.target2021), scoreText, num(area.max))}
              data-area={area.id}
            >
              <div className={styles.areaLabel} aria-hidden="true">
                {label}
              </div>
              <div className={styles.bars} aria-hidden="true">
                <div className={styles.barRow}>
                  {bar(area.score2020, area.max, styles.c2020)}
                  <span className={styles.value}>{num(area.score2020)}</span>
                </div>
                <div className={styles.barRow}>
                  {bar(area.target2021, area.max, styles.cTarget)}
                  <span className={styles.value}>{num(area.target2021)}</span>
                </div>
                <div className={styles.barRow}>
                  {bar(score, area.max, area.score2021 === null ? styles.cPartial : styles.cScore)}
                  <span className={below ? `${styles.value} ${styles.below}` : styles.value}>
                    {area.score2021 === null ? `(${num(area.partialSum)})` : num(area.score2021)}
                  </span>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
