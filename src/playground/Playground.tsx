import { FluentProvider, makeStaticStyles, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MemoryWorkbook } from '../memoryExcel';
import { TaskPane } from '../taskpane/components/TaskPane';
import type { NumberSettings } from '../taskpane/numbers';
import type { Language } from '../taskpane/i18n';
import type { AddinOperations } from '../contracts/operations';
import type { PaneSettings } from '../taskpane/settings';
import { SheetGrid } from './SheetGrid';
import { PLAYGROUND_STRINGS } from './strings';

/** The width Excel gives a task pane by default; the pane must work at it. */
export const PANE_WIDTH_PX = 320;

const useGlobalStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0, height: '100%' },
});

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
  },
  banner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#217346',
    color: '#ffffff',
  },
  bannerTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  bannerText: { fontSize: tokens.fontSizeBase200 },
  bannerLink: { fontSize: tokens.fontSizeBase200, color: '#ffffff' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  workbook: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  pane: {
    flexShrink: 0,
    width: `${PANE_WIDTH_PX}px`,
    overflowY: 'auto',
    borderLeft: '1px solid #d4d4d4',
    boxShadow: '-2px 0 4px rgba(0,0,0,0.06)',
  },
});

export interface PlaygroundProps {
  workbook: MemoryWorkbook;
  operations: AddinOperations;
  settings: PaneSettings;
  initialLanguage: Language;
  /** The Excel being played: its decimal separator (`?decimal=`). */
  numberSettings?: NumberSettings | null;
}

export function Playground({ workbook, operations, settings, initialLanguage, numberSettings }: PlaygroundProps) {
  useGlobalStyles();
  const styles = useStyles();
  const [lang, setLang] = useState<Language>(initialLanguage);
  const strings = PLAYGROUND_STRINGS[lang];
  // Workbooks the add-in opened (a consolidation's own, Excel.createWorkbook): each a download, as Excel would open it.
  const [created, setCreated] = useState<readonly string[]>([]);
  useEffect(
    () =>
      workbook.subscribe(() =>
        setCreated((list) =>
          list.length === workbook.createdWorkbooks.length ? list : [...workbook.createdWorkbooks],
        ),
      ),
    [workbook],
  );
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.page}>
        <header className={styles.banner}>
          <p className={styles.bannerTitle}>{strings.title}</p>
          <span className={styles.bannerText}>{strings.subtitle}</span>
          {created.map((base64, i) => (
            <a
              key={i}
              className={styles.bannerLink}
              data-testid="created-workbook"
              download={`so-lam-viec-moi-${i + 1}.xlsx`}
              href={`data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${base64}`}
            >
              {strings.createdWorkbook(String(i + 1))}
            </a>
          ))}
        </header>
        <div className={styles.body}>
          <main className={styles.workbook}>
            <SheetGrid workbook={workbook} strings={strings} />
          </main>
          <aside className={styles.pane} aria-label={strings.paneLabel} data-testid="task-pane">
            <TaskPane
              operations={operations}
              settings={settings}
              initialLanguage={initialLanguage}
              onLanguageChange={setLang}
              numberSettings={numberSettings}
            />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
