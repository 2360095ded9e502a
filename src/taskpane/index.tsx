/**
 * The task pane Excel opens from the "CCHC" ribbon button. Nothing touches Office before
 * Office.onReady; the UI then gets the Excel operations as a prop and never sees `Excel`.
 * Must not import src/memoryExcel or src/playground (the playground has its own entry).
 */
import { createRoot } from 'react-dom/client';
import { createExcelOperations, officeExcelRun } from '../excel';
import { createSettingsStore, detectHost, documentIsReadOnly } from '../excel/officeHelpers';
import { NotInExcel } from './components/NotInExcel';
import { TaskPane } from './components/TaskPane';
import { isLanguage, languageFromDisplay, loadMessages } from './i18n';
import { SETTING_LANGUAGE, paneSettingsFrom } from './settings';

/** Namespace of the per-user settings (language, chosen unit) in localStorage. */
const SETTINGS_NAMESPACE = 'cchc-taskpane';

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
  const operations = createExcelOperations({
    run: officeExcelRun,
    requirements: Office.context.requirements,
    // A co-author with view rights: the pane lists results and writes nothing.
    readOnly: () => documentIsReadOnly(),
  });
  root.render(<TaskPane operations={operations} settings={settings} initialLanguage={language} />);
}

start().catch((error: unknown) => {
  // Nothing rendered yet, so the page itself must say it (no console-only failure).
  const root = document.getElementById('root');
  if (root) root.textContent = `CCHC: ${error instanceof Error ? error.message : String(error)}`;
});
