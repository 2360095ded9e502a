/**
 * The task pane Excel opens from the "CCHC" ribbon button. Nothing touches Office before
 * Office.onReady; the UI then gets the Excel operations as a prop and never sees `Excel`.
 * Must not import src/memoryExcel or src/playground (the playground has its own entry).
 */
import { createRoot } from 'react-dom/client';
import { createExcelOperations, officeCreateWorkbook, officeExcelRun, type ExcelOperations } from '../excel';
import { numberSettingsOfExcel } from '../excel/numberSettings';
import { createSettingsStore, detectHost, documentIsReadOnly, documentUrl } from '../excel/officeHelpers';
import { NotInExcel } from './components/NotInExcel';
import { TaskPane } from './components/TaskPane';
import { isLanguage, languageFromDisplay, loadMessages } from './i18n';
import { rememberDecimal, rememberedDecimal, type DecimalSeparator, type NumberSettings } from './numbers';
import { SETTING_LANGUAGE, paneSettingsFrom } from './settings';

/** Namespace of the per-user settings (language, chosen unit) in localStorage. */
const SETTINGS_NAMESPACE = 'cchc-taskpane';

/**
 * The operations with the workbook already being read: the pane reads it as it opens (the
 * templates view calls inspect when first drawn), so the read is started here and runs while the
 * pane is drawn instead of after; that first call gets it, later ones read again.
 */
function readingAlready(operations: ExcelOperations): ExcelOperations {
  let opening: ReturnType<ExcelOperations['inspect']> | null = operations.inspect();
  // Whoever calls first is told of a failure; until then it is not an unhandled rejection.
  opening.catch(() => undefined);
  const early: ExcelOperations = Object.create(operations);
  early.inspect = () => {
    const first = opening;
    opening = null;
    return first ?? operations.inspect();
  };
  return early;
}

async function start(): Promise<void> {
  await Office.onReady();
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const root = createRoot(container);
  const settings = paneSettingsFrom(createSettingsStore(SETTINGS_NAMESPACE));
  const stored = settings.get(SETTING_LANGUAGE);
  const language = isLanguage(stored) ? stored : languageFromDisplay(Office.context?.displayLanguage);
  // English is a separate chunk: have it before the first render rather than flash Vietnamese.
  const messages = await loadMessages(language);
  if (detectHost().host !== 'Excel') {
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
  const url = documentUrl();
  const ask = (separator: DecimalSeparator) => {
    void rememberDecimal(settings, url, separator);
    answer(separator);
  };
  const known: Promise<NumberSettings> = numberSettingsOfExcel(officeExcelRun, Office.context.requirements).then(
    async (separator) => {
      if (separator) return { decimalSeparator: separator, source: 'excel' };
      const remembered = rememberedDecimal(settings, url);
      if (remembered) return remembered;
      root.render(pane(null, ask));
      return { decimalSeparator: await answered, source: 'official' };
    },
  );
  const operations = createExcelOperations({
    run: officeExcelRun,
    requirements: Office.context.requirements,
    // A co-author with view rights: the pane lists results and writes nothing.
    readOnly: () => documentIsReadOnly(),
    numberSettings: known,
    createWorkbook: officeCreateWorkbook,
  });
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
