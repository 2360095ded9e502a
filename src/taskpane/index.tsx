/**
 * The task pane Excel opens from the "CCHC" ribbon button. Nothing touches Office before
 * Office.onReady; the UI then gets the operations as a prop and never sees `Excel`. This entry is
 * the one module of the pane that imports src/excel, for the host's start (excel/paneStart.ts),
 * and knows it only by its contract (contracts/paneStart.ts): it never reads `Office` itself.
 * Must not import src/memoryExcel or src/playground (the playground has its own entry).
 */
import { createRoot } from 'react-dom/client';
import type { AddinOperations } from '../contracts/operations';
import { officePaneStart } from '../excel/paneStart';
import { NotInExcel } from './components/NotInExcel';
import { TaskPane } from './components/TaskPane';
import { isLanguage, languageFromDisplay, loadMessages } from './i18n';
import type { DecimalSeparator } from '../layout/types';
import { rememberDecimal, rememberedDecimal, type NumberSettings } from './numbers';
import { SETTING_LANGUAGE, paneSettingsFrom } from './settings';

/** Namespace of the per-user settings (language, chosen unit) in localStorage. */
const SETTINGS_NAMESPACE = 'cchc-taskpane';

/**
 * The operations with the workbook already being read: the pane reads it as it opens (the
 * templates view calls inspect when first drawn), so the read is started here and runs while the
 * pane is drawn instead of after; that first call gets it, later ones read again.
 */
function readingAlready(operations: AddinOperations): AddinOperations {
  let opening: ReturnType<AddinOperations['inspect']> | null = operations.inspect();
  // Whoever calls first is told of a failure; until then it is not an unhandled rejection.
  opening.catch(() => undefined);
  const early: AddinOperations = Object.create(operations);
  early.inspect = () => {
    const first = opening;
    opening = null;
    return first ?? operations.inspect();
  };
  return early;
}

async function start(): Promise<void> {
  const host = await officePaneStart();
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const root = createRoot(container);
  const settings = paneSettingsFrom(host.settings(SETTINGS_NAMESPACE));
  const stored = settings.get(SETTING_LANGUAGE);
  const language = isLanguage(stored) ? stored : languageFromDisplay(host.displayLanguage);
  // English is a separate chunk: have it before the first render rather than flash Vietnamese.
  const messages = await loadMessages(language);
  if (!host.inExcel) {
    root.render(<NotInExcel t={messages} />);
    return;
  }
  // Excel is asked for its number settings while the pane is first drawn and the workbook first
  // read, not before: a round trip less before the pane shows and is usable. No number is shown
  // with a wrong separator meanwhile: until then the pane shows only template counts (whole
  // numbers under 1000, written alike with either separator), and every other operation waits
  // for the answer in the adapter's queue (core.ts). An Excel that cannot say (before ExcelApi
  // 1.11) is not guessed from the display language: the official is asked once per workbook.
  let answer: (separator: DecimalSeparator) => void = () => undefined;
  const answered = new Promise<DecimalSeparator>((resolve) => (answer = resolve));
  const url = host.workbookUrl;
  const ask = (separator: DecimalSeparator) => {
    void rememberDecimal(settings, url, separator);
    answer(separator);
  };
  const known: Promise<NumberSettings> = host.decimalSeparator().then(async (separator) => {
    if (separator) return { decimalSeparator: separator, source: 'excel' };
    const remembered = rememberedDecimal(settings, url);
    if (remembered) return remembered;
    root.render(pane(null, ask));
    return { decimalSeparator: await answered, source: 'official' };
  });
  const operations = host.operations(known);
  const reading = readingAlready(operations);
  const pane = (numbers: NumberSettings | null, askDecimal?: (separator: DecimalSeparator) => void) => (
    <TaskPane
      operations={reading}
      settings={settings}
      initialLanguage={language}
      numberSettings={numbers}
      askDecimal={askDecimal}
    />
  );
  root.render(pane(null));
  // Drawn again with the answer (the same pane, its state kept).
  root.render(pane(await known));
}

start().catch((error: unknown) => {
  // Nothing rendered yet, so the page itself must say it (no console-only failure).
  const root = document.getElementById('root');
  if (root) root.textContent = `CCHC: ${error instanceof Error ? error.message : String(error)}`;
});
