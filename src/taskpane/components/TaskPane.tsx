import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle1,
  Switch,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { describeError } from '../errors';
import { isLanguage, loadMessages, loadedMessages, type Language, type Messages } from '../i18n';
import { vi } from '../i18n/vi';
import type { AddinOperations, ProgressListener } from '../../contracts/operations';
import { SETTING_LANGUAGE, type PaneSettings } from '../settings';
import { PaneContext, type BusyKey, type PaneContextValue, type RunOptions } from './context';
import { VIEWS, type ViewId } from './views';
import { ViewTabs } from './roving';
import type { DecimalSeparator } from '../../layout/types';
import { paneNumbers, type NumberSettings } from '../numbers';

export interface TaskPaneProps {
  operations: AddinOperations;
  settings: PaneSettings;
  /** From Office's display language; a language the official chose earlier wins. */
  initialLanguage: Language;
  /** Told when the language changes (the playground translates its own chrome). */
  onLanguageChange?(language: Language): void;
  /** Excel's decimal separator (or the official's answer for this workbook): numbers in the pane follow it. */
  numberSettings?: NumberSettings | null;
  /**
   * Given while Excel could not say its decimal separator and the official has not answered for
   * this workbook: the pane asks once, at the top, and hands the answer here.
   */
  askDecimal?(separator: DecimalSeparator): void;
}

interface BusyState {
  key: BusyKey;
  progress: Parameters<ProgressListener>[0] | null;
}

const useStyles = makeStyles({
  provider: {
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  pane: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: '280px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalS },
  // Progress, errors and the tab bar stay in view while a view's list scrolls under them; the
  // bar's height is published as --cchc-sticky-top for what a view keeps in view below it.
  stickyTop: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  status: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  tabs: { flexWrap: 'wrap', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  statusFilled: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
  },
});

export function TaskPane({
  operations,
  settings,
  initialLanguage,
  onLanguageChange,
  numberSettings,
  askDecimal,
}: TaskPaneProps) {
  const styles = useStyles();
  const progressId = useId();
  /** The language asked for; `t` (and so `lang` below) follows once its strings are loaded. */
  const [wanted, setWanted] = useState<Language>(() => {
    const stored = settings.get(SETTING_LANGUAGE);
    return isLanguage(stored) ? stored : initialLanguage;
  });
  // Until a language's strings have arrived (English is loaded on demand) the pane stays in
  // the strings it has; the entry points preload the starting language.
  const [t, setT] = useState<Messages>(() => loadedMessages(wanted) ?? vi);
  const lang = t.language;
  // Busy from the first render: the templates panel reads the workbook on open, and nothing
  // should be pressed before the pane knows what the workbook holds.
  const [busy, setBusy] = useState<BusyState | null>({ key: 'inspect', progress: null });
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const [workbookEpoch, setWorkbookEpoch] = useState(0);
  const [view, setView] = useState<ViewId>('templates');
  // Views whose code loads on demand are first drawn when first shown; then kept, like the others.
  const [shown, setShown] = useState<ReadonlySet<ViewId>>(() => new Set<ViewId>(['templates']));
  const show = useCallback((id: ViewId) => {
    setView(id);
    setShown((prev) => (prev.has(id) ? prev : new Set([...prev, id])));
  }, []);
  const viewsId = useId();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);

  const showError = useCallback((e: unknown) => setError({ error: e }), []);

  const run = useCallback(
    <T,>(key: BusyKey, fn: (onProgress: ProgressListener) => Promise<T>, options?: RunOptions) => {
      pending.current += 1;
      setBusy((b) => b ?? { key, progress: null });
      const exec = async (): Promise<{ value: T } | null> => {
        setBusy({ key, progress: null });
        if (!options?.keepError) setError(null);
        try {
          return { value: await fn((progress) => setBusy({ key, progress })) };
        } catch (e) {
          setError({ error: e });
          return null;
        } finally {
          pending.current -= 1;
          if (pending.current === 0) setBusy(null);
        }
      };
      const next = queue.current.then(exec, exec);
      queue.current = next;
      return next;
    },
    [],
  );

  useEffect(() => {
    let current = true;
    loadMessages(wanted).then(
      (messages) => current && setT(messages),
      (e: unknown) => current && setError({ error: e }),
    );
    return () => {
      current = false;
    };
  }, [wanted]);

  const switchLanguage = useCallback(
    (next: Language) => {
      setWanted(next);
      Promise.resolve(settings.set(SETTING_LANGUAGE, next)).catch(showError);
    },
    [settings, showError],
  );

  useEffect(() => onLanguageChange?.(lang), [lang, onLanguageChange]);

  const context = useMemo<PaneContextValue>(
    () => ({
      ops: operations,
      settings,
      t,
      lang,
      busy: busy !== null,
      run,
      showError,
      workbookEpoch,
      workbookChanged: () => setWorkbookEpoch((n) => n + 1),
      num: paneNumbers(lang, numberSettings),
      // What Excel said, or the official for this workbook: views pass it on to messages that
      // state "this Excel uses …".
      decimalSeparator: numberSettings?.decimalSeparator ?? null,
    }),
    [operations, settings, t, lang, busy, run, showError, workbookEpoch, numberSettings],
  );

  // The sticky bar's height, for the views' own sticky parts (the check's counts) to sit below it.
  const stickyRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const bar = stickyRef.current;
    const main = mainRef.current;
    if (!bar || !main || typeof ResizeObserver === 'undefined') return undefined;
    const publish = () => main.style.setProperty('--cchc-sticky-top', `${bar.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  const described = error ? describeError(error.error, t, lang) : null;
  const progress = busy?.progress;
  const progressLabel = progress ? progress.label[lang] : busy ? t.busy[busy.key] : '';

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={lang}>
      <PaneContext.Provider value={context}>
        <main ref={mainRef} className={styles.pane} aria-busy={busy !== null}>
          <header className={styles.header}>
            <Subtitle1 as="h1" className={styles.title}>
              {t.appTitle}
            </Subtitle1>
            <Switch
              label={<span lang="en">{t.languageSwitch}</span>}
              checked={wanted === 'en'}
              onChange={(_, data) => switchLanguage(data.checked ? 'en' : 'vi')}
            />
          </header>
          <Text size={200} className={styles.subtitle}>
            {t.appSubtitle}
          </Text>
          {askDecimal && !numberSettings && (
            <MessageBar intent="warning" layout="multiline" data-testid="decimal-question">
              <MessageBarBody>
                <MessageBarTitle>{t.decimalQuestionTitle}</MessageBarTitle>
                {t.decimalQuestion}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => askDecimal(',')}>
                  {t.decimalAnswer(',')}
                </Button>
                <Button size="small" onClick={() => askDecimal('.')}>
                  {t.decimalAnswer('.')}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {/* Always present, so screen readers hear each operation start (MessageBars announce results). */}
          <div role="status" className={styles.visuallyHidden}>
            {progressLabel}
          </div>
          <div ref={stickyRef} className={styles.stickyTop} data-testid="pane-sticky-top">
            <div className={busy || described ? `${styles.status} ${styles.statusFilled}` : styles.status}>
              {busy && (
                <>
                  <Text id={progressId} size={200} aria-hidden="true">
                    {progressLabel}
                  </Text>
                  <ProgressBar
                    thickness="large"
                    aria-labelledby={progressId}
                    value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
                  />
                </>
              )}
              {described && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
                    {described.help}
                    {described.detail && (
                      <Text block size={200}>
                        {described.detail}
                      </Text>
                    )}
                    {described.code && (
                      <Text block size={200}>
                        {t.errorCode(described.code)}
                      </Text>
                    )}
                  </MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" onClick={() => setError(null)}>
                      {t.dismiss}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
            </div>
            <ViewTabs<ViewId>
              className={styles.tabs}
              ids={VIEWS.map((v) => v.id as ViewId)}
              selected={view}
              onSelect={show}
              label={t.viewsLabel}
              labelOf={(id) => t.views[id]}
              idPrefix={viewsId}
            />
          </div>
          {/* Hidden, not unmounted: each view keeps its last result (and live checking keeps running). */}
          {VIEWS.map((v) => (
            <div
              key={v.id}
              role="tabpanel"
              id={`${viewsId}-view-${v.id}`}
              aria-labelledby={`${viewsId}-tab-${v.id}`}
              hidden={view !== v.id}
              data-view={v.id}
            >
              {(!('onDemand' in v) || shown.has(v.id)) && <v.Panel />}
            </div>
          ))}
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
