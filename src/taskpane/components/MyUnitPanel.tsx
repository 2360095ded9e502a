import { Button, Caption1, Label, ProgressBar, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { UNITS } from '../../catalog';
import type { UnitId } from '../../catalog/types';
import type { UnitProgress } from '../../contracts/operations';
import { blocksOf } from '../rowContext';
import { SETTING_UNIT } from '../settings';
import { usePane } from './context';
import { PanelSection } from './PanelSection';
import { UNIT_KINDS, UnitKindGuide, isUnitKind, type UnitKindId } from './UnitKinds';
import { usePanelStyles } from './styles';

const PAGE = 30;

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  // A native select (Fluent's Select look): the OS list is the most accessible picker there is.
  select: {
    boxSizing: 'border-box',
    width: '100%',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
  },
  row: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
  },
  count: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground3 },
  plain: { paddingLeft: tokens.spacingHorizontalXS, overflowWrap: 'anywhere' },
  sheetHeading: {
    marginTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  groupHeading: {
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
});

function isUnitId(value: string | null): value is UnitId {
  return value !== null && UNITS.some((u) => u.id === value);
}

export function MyUnitPanel() {
  const { ops, settings, t, lang, busy, run, num, showError, workbookEpoch } = usePane();
  const panel = usePanelStyles();
  const styles = useStyles();
  const headingId = useId();
  const selectId = useId();
  const progressId = useId();
  const [unit, setUnit] = useState<UnitId | null>(() => {
    const stored = settings.get(SETTING_UNIT);
    return isUnitId(stored) ? stored : null;
  });
  const [progress, setProgress] = useState<UnitProgress | null>(null);
  /** A kind of unit the plan names (districts…): its guide, no rows to count. */
  const [kind, setKind] = useState<UnitKindId | null>(null);
  const [shown, setShown] = useState(PAGE);

  const load = useCallback(
    async (id: UnitId, keepError: boolean) => {
      const result = await run('unit', () => ops.unitProgress(id), { keepError });
      if (result) setProgress(result.value);
      return result?.value ?? null;
    },
    [ops, run],
  );

  // On open and after templates change; choosing a unit loads it in choose(), so the unit is
  // read through a ref rather than watched.
  const unitRef = useRef(unit);
  unitRef.current = unit;
  useEffect(() => {
    if (unitRef.current) void load(unitRef.current, true);
  }, [load, workbookEpoch]);

  const choose = (value: string) => {
    if (!isUnitId(value)) return;
    setUnit(value);
    setProgress(null);
    setShown(PAGE);
    Promise.resolve(settings.set(SETTING_UNIT, value)).catch(showError);
    void load(value, false);
  };

  /** Re-reads first so cells filled since the last look are skipped. */
  const goToNextEmpty = async () => {
    if (!unit) return;
    const result = await run('goTo', async () => {
      const fresh = await ops.unitProgress(unit);
      if (fresh.nextEmpty) await ops.goToCell(fresh.nextEmpty.sheet, fresh.nextEmpty.cell);
      return fresh;
    });
    if (result) setProgress(result.value);
  };

  const goTo = (sheet: string, cell: string) => void run('goTo', () => ops.goToCell(sheet, cell));

  return (
    <PanelSection headingId={headingId} title={t.myUnitHeading}>
      <div className={styles.field}>
        <Label htmlFor={selectId}>{t.chooseUnit}</Label>
        <select
          id={selectId}
          className={styles.select}
          value={kind ?? unit ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            if (isUnitKind(value)) setKind(value);
            else {
              setKind(null);
              choose(value);
            }
          }}
        >
          <option value="" disabled>
            {t.noUnitChosen}
          </option>
          <optgroup label={t.namedUnitsGroup}>
            {UNITS.map((u) => (
              <option key={u.id} value={u.id}>
                {lang === 'en' ? u.nameEn : u.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t.unitKindsGroup}>
            {UNIT_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name[lang]}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {kind && <UnitKindGuide />}
      {!kind && unit && progress && progress.unit === unit && (
        <>
          {progress.cells > 0 ? (
            <div className={styles.field}>
              <Text id={progressId} size={300}>
                {t.unitFilled(num(progress.filled), num(progress.cells))}
              </Text>
              <ProgressBar aria-labelledby={progressId} value={progress.filled / progress.cells} />
            </div>
          ) : (
            <Text size={200}>{t.unitHasNoRows}</Text>
          )}
          <div className={panel.actions}>
            <Button appearance="primary" disabledFocusable={busy || !progress.nextEmpty} onClick={goToNextEmpty}>
              {t.nextEmpty}
            </Button>
          </div>
          {progress.missingRows.length > 0 && (
            <Text size={200}>{t.unitRowsMissing(num(progress.missingRows.length))}</Text>
          )}
          {progress.cells > 0 && !progress.nextEmpty && progress.missingRows.length === 0 && (
            <Text size={200}>{t.allFilled}</Text>
          )}
          {progress.rows.length > 0 && (
            <>
              <Subtitle2 as="h3" className={panel.subheading}>
                {t.unitRows}
              </Subtitle2>
              {/* Rows under their sheet, table, Phần and parent headings, each heading said once. */}
              {blocksOf(progress.rows.slice(0, shown)).map((block) => (
                <div key={`${block.path.join('›')}:${block.rows[0].rowKey}`} data-block={block.path.join(' › ')}>
                  {block.opens.map((h) => (
                    <div
                      key={`${h.depth}:${h.text}`}
                      role="heading"
                      aria-level={Math.min(4 + h.depth, 6)}
                      className={h.depth === 0 ? styles.sheetHeading : styles.groupHeading}
                      style={{ paddingLeft: `${Math.max(0, h.depth - 1) * 8}px` }}
                    >
                      {h.text}
                    </div>
                  ))}
                  {/* Indented under their deepest heading: a row back at the sheet's level starts at the edge. */}
                  <ul className={panel.list} style={{ paddingLeft: `${(block.path.length - 1) * 8}px` }}>
                    {block.rows.map((row) => (
                      <li key={`${row.sheet}!${row.rowKey}`} className={styles.row} data-row={row.rowKey}>
                        {row.firstEmpty ? (
                          <Button
                            size="small"
                            appearance="subtle"
                            className={panel.linkButton}
                            disabledFocusable={busy}
                            onClick={() => goTo(row.sheet, row.firstEmpty!)}
                          >
                            {row.label}
                          </Button>
                        ) : (
                          <Text size={200} className={styles.plain}>
                            {row.label}
                          </Text>
                        )}
                        <Caption1 className={styles.count}>
                          {row.firstEmpty ? t.rowFilled(num(row.filled), num(row.cells)) : t.rowComplete}
                        </Caption1>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {progress.rows.length > shown && (
                <Button size="small" appearance="transparent" onClick={() => setShown((n) => n + PAGE)}>
                  {t.showMore(num(Math.min(PAGE, progress.rows.length - shown)))}
                </Button>
              )}
            </>
          )}
        </>
      )}
    </PanelSection>
  );
}
