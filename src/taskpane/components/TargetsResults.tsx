import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ParRowResult, ParSummary } from '../../engine/types';
import { areaResults, parLabel, rankedLeadGroups, roundedParents, unitName } from '../model';
import type { SubtotalReport } from '../../contracts/operations';
import { AreaChart } from './AreaChart';
import { CarryForward } from './CarryForward';
import { usePane } from './context';
import { usePanelStyles } from './styles';

const useStyles = makeStyles({
  total: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: { display: 'flex', flexDirection: 'column', margin: 0 },
  figureLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  figureValue: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  leadHeading: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface TargetsResultsProps {
  subtotals: SubtotalReport | null;
  summary: ParSummary | null;
  restored: number | null;
  onGoTo(sheet: string, cell: string): void;
  onRestore(): void;
}

/** The PAR total against its targets, the chart per area, rows below target by lead unit, overwritten totals. */
/**
 * “I. Chỉ đạo điều hành”: E7, E9; “II. …”: D5 — at most 12 cells, so the pane says which cells it
 * filled, each sheet named as its tab shows it (never Excel's sheet!cell reference syntax).
 */
function filledCells(cells: SubtotalReport['totalsFilled']): string {
  const bySheet = new Map<string, string[]>();
  for (const c of cells.slice(0, 12)) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c.cell]);
  const list = [...bySheet].map(([sheet, at]) => `“${sheet}”: ${at.join(', ')}`).join('; ');
  return cells.length > 12 ? `${list}; …` : list;
}

export default function TargetsResults({ subtotals, summary, restored, onGoTo, onRestore }: TargetsResultsProps) {
  const { t, busy, num, lang } = usePane();
  const panel = usePanelStyles();
  const styles = useStyles();
  const goTo = onGoTo;
  const restore = onRestore;
  return (
    <>
      {!summary && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.noParSheet}</MessageBarBody>
        </MessageBar>
      )}
      {subtotals && subtotals.totalsFilled.length > 0 && (
        <Caption1>{t.totalsFilled(num(subtotals.totalsFilled.length), filledCells(subtotals.totalsFilled))}</Caption1>
      )}
      {subtotals?.notes?.map((note) => (
        <MessageBar key={note.en} intent="info" layout="multiline">
          <MessageBarBody>{note[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      {summary && (
        <div className={panel.actions}>
          <Button
            size="small"
            appearance="secondary"
            disabledFocusable={busy}
            onClick={() => goTo(summary.sheet, 'A1')}
            data-testid="open-par-sheet"
          >
            {t.lists.goToSheet(summary.sheet)}
          </Button>
        </div>
      )}
      {summary && <TotalCard total={summary.total} years={summary} styles={styles} />}
      {summary && <CarryForward previousYear={summary.previousYear} />}
      {summary && summary.excluded.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="par-excluded">
          <MessageBarBody>
            <Text block size={200}>
              {t.excludedHeading(num(summary.excluded.length))}
            </Text>
            <ul className={panel.list}>
              {summary.excluded.map((x) => (
                <li key={x.cell} data-row={x.id} className={panel.item}>
                  <Text size={200}>
                    {t.excludedItem(
                      parLabel(x.id, summary.year),
                      typeof x.value === 'number' ? num(x.value) : String(x.value),
                      x.reason[lang],
                    )}
                  </Text>
                  <Button
                    size="small"
                    appearance="secondary"
                    disabledFocusable={busy}
                    aria-label={`${t.goToCell} ${x.cell}`}
                    onClick={() => goTo(summary.sheet, x.cell)}
                  >
                    {t.goToCell}
                  </Button>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {summary && (
        <>
          <Subtitle2 as="h3" className={panel.subheading}>
            {t.chartHeading}
          </Subtitle2>
          <AreaChart areas={areaResults(summary)} years={summary} />
          <Subtitle2 as="h3" className={panel.subheading}>
            {t.belowTargetHeading}
          </Subtitle2>
          {summary.byLead.length === 0 && <Text size={200}>{t.noneBelowTarget}</Text>}
          {rankedLeadGroups(summary.byLead).map((group) => (
            <div key={group.lead ?? 'shared'} data-lead={group.lead ?? ''}>
              <h4 className={styles.leadHeading}>
                {group.lead ? unitName(group.lead, lang) : t.sharedLead}
                {` — ${t.pointsOwed(num(group.pointsOwed))}`}
              </h4>
              <ul className={panel.list}>
                {group.rows.map((row) => (
                  <li key={row.id} data-row={row.id} className={panel.item}>
                    <Text size={200}>{`${parLabel(row.id, summary.year)} — ${belowText(row)}`}</Text>
                    <GoToCell cell={row.cell} onClick={() => goTo(summary.sheet, row.cell)} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      {subtotals && (
        <>
          <Subtitle2 as="h3" className={panel.subheading}>
            {t.overwrittenHeading}
          </Subtitle2>
          {subtotals.overwritten.length === 0 ? (
            <Text size={200}>{t.overwrittenNone}</Text>
          ) : (
            <>
              <ul className={panel.list}>
                {subtotals.overwritten.map((o) => (
                  <li key={`${o.sheet}!${o.cell}`} className={panel.item}>
                    <Text size={200}>
                      {t.overwrittenItem(o.cell, o.rowKey, typeof o.found === 'number' ? num(o.found) : o.found)}
                    </Text>
                    <GoToCell cell={o.cell} onClick={() => goTo(o.sheet, o.cell)} />
                  </li>
                ))}
              </ul>
              <div className={panel.actions}>
                <Button disabledFocusable={busy} onClick={restore}>
                  {t.restoreFormulas}
                </Button>
              </div>
            </>
          )}
          {restored !== null && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t.formulasRestored(num(restored))}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {summary && (
        <>
          {/* Facts of the source document, the same for every workbook: said once, here. */}
          <Subtitle2 as="h3" className={panel.subheading}>
            {t.sourceNotesHeading}
          </Subtitle2>
          <ul className={panel.list} data-testid="source-notes">
            {roundedParents(summary.year).map((r) => (
              <li key={r.id}>
                <Caption1>
                  {t.sourceRoundingNote(`${r.id} ${r.label}`, num(r.published), num(r.sum), summary.previousYear)}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );

  function belowText(row: ParRowResult): string {
    const score = row.score ?? row.partialSum;
    return t.rowBelowTarget(num(score), num(row.target), num(row.gap ?? score - row.target));
  }
}

/** "Đi tới ô", named with its cell for screen readers, as in the check's list. */
function GoToCell({ cell, onClick }: { cell: string; onClick(): void }) {
  const { t, busy } = usePane();
  return (
    <Button
      size="small"
      appearance="secondary"
      disabledFocusable={busy}
      aria-label={`${t.goToCell} ${cell}`}
      onClick={onClick}
    >
      {t.goToCell}
    </Button>
  );
}

function TotalCard({
  total,
  years,
  styles,
}: {
  total: ParRowResult;
  /** The years of the sheet's list (ParSummary). */
  years: { year: number; previousYear: number };
  styles: ReturnType<typeof useStyles>;
}) {
  const { t, num } = usePane();
  const complete = total.score !== null;
  const score = total.score ?? total.partialSum;
  const gap = score - total.target;
  const delta = score - total.previousScore;
  return (
    <div className={styles.total} data-testid="par-total">
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>{t.totalScore(years.year)}</dt>
          <dd className={`${styles.figureValue} ${complete ? (gap >= 0 ? styles.good : styles.bad) : ''}`}>
            {num(score)}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>{t.target(years.year)}</dt>
          <dd className={styles.figureValue}>{num(total.target)}</dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>{t.previousScore(years.previousYear)}</dt>
          <dd className={styles.figureValue}>{num(total.previousScore)}</dd>
        </div>
      </dl>
      <Caption1>{t.maxPoints(num(total.max))}</Caption1>
      {complete ? (
        <>
          <Text size={200} className={gap >= 0 ? styles.good : styles.bad}>
            {t.totalVsTarget(num(Math.abs(gap)), gap >= 0)}
          </Text>
          <Text size={200}>{t.totalVsPrevious(num(Math.abs(delta)), delta >= 0, years.previousYear)}</Text>
        </>
      ) : (
        <Text size={200}>{t.totalIncomplete(num(total.missing), num(total.partialSum))}</Text>
      )}
    </div>
  );
}
