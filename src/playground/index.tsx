/**
 * The browser playground: the task pane (the same components as in Excel) beside an in-memory
 * workbook drawn as a grid. No office.js and no network: the adapter runs against the
 * in-memory workbook's `run`.
 *
 * Vietnamese first, as in Excel with a Vietnamese display language; `?lang=en` starts in English.
 * `?user=<name>` names the simulated user. `?decimal=.` or `?decimal=,` plays an Excel with that
 * decimal separator (Excel's number settings, which the pane's numbers follow).
 */
import { createRoot } from 'react-dom/client';
import type { AddinOperations } from '../contracts/operations';
import { createExcelOperations } from '../excel';
import { numberSettingsOfExcel } from '../excel/numberSettings';
import { createSettingsStore } from '../excel/officeHelpers';
import { createMemoryWorkbook } from '../memoryExcel';
import { isLanguage, loadMessages } from '../taskpane/i18n';
import { isDecimalSeparator } from '../taskpane/numbers';
import { paneSettingsFrom } from '../taskpane/settings';
import { Playground } from './Playground';

const params = new URLSearchParams(window.location.search);
const forced = params.get('lang');
const language = isLanguage(forced) ? forced : 'vi';

// The Excel being played has one decimal separator (`?decimal=`, default '.'): its
// grid shows and reads numbers with it, and the pane learns it from that Excel as it would from a
// real one (src/excel/numberSettings.ts), so the grid, the prompts and the pane never disagree.
const decimal = params.get('decimal');
const workbook = createMemoryWorkbook({
  user: params.get('user') ?? undefined,
  decimalSeparator: isDecimalSeparator(decimal) ? decimal : '.',
});
const requirements = { isSetSupported: (name: string, version: string) => workbook.isSetSupported(name, version) };
const numbers = numberSettingsOfExcel(workbook.run, requirements).then((separator) =>
  separator ? { decimalSeparator: separator, source: 'excel' as const } : null,
);
// Known to the pane only by its contract, as in Excel.
const operations: AddinOperations = createExcelOperations({
  run: workbook.run,
  requirements,
  host: { host: 'Playground', platform: 'Browser' },
  readOnly: () => workbook.readOnly,
  numberSettings: numbers,
  createWorkbook: (base64) => workbook.createWorkbook(base64),
});

const container = document.getElementById('root');
if (!container) throw new Error('playground.html has no #root element');
// A forced language is a fresh start: a language remembered from an earlier visit would override it.
const settings = paneSettingsFrom(createSettingsStore('cchc-playground'));
if (isLanguage(forced)) settings.set('language', forced);
const stored = settings.get('language');
const startLanguage = isLanguage(stored) ? stored : language;
void Promise.all([loadMessages(startLanguage), numbers]).then(([, numberSettings]) =>
  createRoot(container).render(
    <Playground
      workbook={workbook}
      operations={operations}
      settings={settings}
      initialLanguage={startLanguage}
      numberSettings={numberSettings}
    />,
  ),
);

// For people poking at the playground from the console.
(window as unknown as { cchcWorkbook: unknown }).cchcWorkbook = workbook;
