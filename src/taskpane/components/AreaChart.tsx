import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { parLeaves } from '../../catalog';
import type { ParRowResult } from '../../engine/types';
import { areaShortName } from '../model';
import { usePane } from './context';

/**
 * Three horizontal bars per PAR area (2020, 2021 target, 2021 score) on one scale for every
 * area: each area's track is as long as its maximum points, so a long bar means many points
 * wherever it is. Plain CSS, so it reflows at any pane width. Each area is one image with a
 * sentence for screen readers (inside its list item, so the list stays a list).
 */
const useStyles = makeStyles({
  chart: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  // Stays in view while the areas scroll past (the pane is narrow and the chart tall).
  legend: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXS,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '12px', height: '12px', borderRadius: '2px' },
  areaLabel: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  bars: { display: 'flex', flexDirection: 'column', rowGap: '3px' },
  barRow: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  track: { height: '10px', backgroundColor: tokens.colorNeutralBackground4, borderRadius: '2px', overflow: 'hidden' },
  bar: { height: '100%', borderRadius: '2px' },
  value: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  c2020: { backgroundColor: tokens.colorNeutralForeground3 },
  cTarget: { backgroundColor: tokens.colorPaletteMarigoldBorderActive },
  cScore: { backgroundColor: tokens.colorBrandBackground },
  cPartial: {
    backgroundImage: `repeating-linear-gradient(45deg, ${tokens.colorBrandBackground} 0 3px, transparent 3px 6px)`,
  },
  below: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function AreaChart({
  areas,
  years,
}: {
  areas: ParRowResult[];
  /** The years of the sheet's list (ParSummary). */
  years: { year: number; previousYear: number };
}) {
  const { t, num, lang } = usePane();
  const legend = t.chartLegend(years.year, years.previousYear);
  const styles = useStyles();
  const scale = Math.max(1, ...areas.map((a) => a.max));
  const bar = (value: number, max: number, className: string) => (
    <div className={styles.track} style={{ width: `${(max / scale) * 100}%` }}>
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
          <Caption1>{legend.previousScore}</Caption1>
        </span>
        <span className={styles.legendItem}>
          <span className={`${styles.swatch} ${styles.cTarget}`} />
          <Caption1>{legend.target}</Caption1>
        </span>
        <span className={styles.legendItem}>
          <span className={`${styles.swatch} ${styles.cScore}`} />
          <Caption1>{legend.score}</Caption1>
        </span>
      </div>
      <ul className={styles.chart} data-testid="area-chart">
        {areas.map((area) => {
          const label = `${area.id}. ${areaShortName(area.id, lang)}`;
          const leaves = parLeaves(area.id).length;
          const partial = area.score === null;
          const score = partial ? area.partialSum : (area.score as number);
          // A partial sum is not a score: say how many criteria it covers.
          const scoreText = partial
            ? t.chartPartial(num(area.partialSum), num(leaves - area.missing), num(leaves))
            : num(score);
          const of = (value: number) => t.chartOutOf(num(value), num(area.max));
          const below = area.belowTarget === true;
          return (
            <li key={area.id} data-area={area.id}>
              <div
                role="img"
                aria-label={t.chartAreaLabel(
                  label,
                  num(area.previousScore),
                  num(area.target),
                  scoreText,
                  num(area.max),
                  years.year,
                  years.previousYear,
                )}
              >
                <div className={styles.areaLabel} aria-hidden="true">
                  {label}
                </div>
                <div className={styles.bars} aria-hidden="true">
                  <div className={styles.barRow}>
                    {bar(area.previousScore, area.max, styles.c2020)}
                    <span className={styles.value}>{of(area.previousScore)}</span>
                  </div>
                  <div className={styles.barRow}>
                    {bar(area.target, area.max, styles.cTarget)}
                    <span className={styles.value}>{of(area.target)}</span>
                  </div>
                  <div className={styles.barRow}>
                    {bar(score, area.max, partial ? styles.cPartial : styles.cScore)}
                    <span className={below ? `${styles.value} ${styles.below}` : styles.value}>
                      {partial ? scoreText : of(score)}
                    </span>
                  </div>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
