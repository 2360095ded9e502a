/**
 * The task pane Excel opens from the "CCHC" ribbon button. Nothing touches Office before
 * Office.onReady; the UI then gets the operations as a prop and never sees `Excel`. This entry is
 * the one module of the pane that imports src/excel, for the host's start (excel/paneStart.ts),
 * and knows it only by its contract (contracts/paneStart.ts): it never reads `Office` itself.
 * Must not import src/memoryExcel or src/playground (the playground has its own entry).
 */
import { createRoot } from 'react-dom/client';
import type { AddinOperations } from '../contracts/operations';
import type { PaneStart } from '../contracts/paneStart';
import { officePaneStart } from '../excel/paneStart';
import { NotInExcel } from './components/NotInExcel';
import { TaskPane } from './components/TaskPane';
import { isLanguage, languageFromDisplay, loadMessages } from './i18n';
import { isDecimalSeparator, settingsFromDisplayLanguage, type NumberSettings } from './numbers';
import { SETTING_LANGUAGE, paneSettingsFrom } from './settings';

/** Namespace of the per-user settings (language, chosen unit) in localStorage. */
const SETTINGS_NAMESPACE = 'cchc-taskpane';

/**
 * Excel's decimal separator (ExcelApi 1.11, src/excel/numberSettings.ts: Excel's own setting when
 * it does not use the system's); before that, a guess from Office's display
 * language. A failure to read it is not worth stopping the pane for: the guess stands (and the
 * promise never fails, which the pane, already drawn, could not say).
 */
async function numberSettings(host: PaneStart): Promise<NumberSettings> {
  const guess = settingsFromDisplayLanguage(host.displayLanguage);
  try {
    const separator = await host.decimalSeparator();
    return isDecimalSeparator(separator) ? { decimalSeparator: separator, source: 'excel' } : guess;
  } catch (e) {
    // Said, not thrown: the pane works with the guess.
    console.warn('CCHC: Excel did not give its number settings; using the display language', e);
    return guess;
  }
}

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
  // for the answer in the adapter's queue (core.ts), after the pane below has been given it.
  const asked = numberSettings(host);
  // Only what Excel itself said: the engine's messages then state "this Excel uses …", which a
  // guess from the display language (Excel before ExcelApi 1.11, e.g. Excel 2019) cannot claim.
  const operations = host.operations(asked.then((numbers) => (numbers.source === 'excel' ? numbers : null)));
  const reading = readingAlready(operations);
  const pane = (numbers: NumberSettings) => (
    <TaskPane operations={reading} settings={settings} initialLanguage={language} numberSettings={numbers} />
  );
  root.render(pane(settingsFromDisplayLanguage(host.displayLanguage)));
  // Drawn again with Excel's answer (the same pane, its state kept); a guess is what it has.
  const numbers = await asked;
  if (numbers.source === 'excel') root.render(pane(numbers));
}

start().catch((error: unknown) => {
  // Nothing rendered yet, so the page itself must say it (no console-only failure).
  const root = document.getElementById('root');
  if (root) root.textContent = `CCHC: ${error instanceof Error ? error.message : String(error)}`;
});
