/**
 * The pane's language as Excel opens it (src/taskpane/index.tsx): with nothing chosen before, it
 * follows Office's display language (Office.context.displayLanguage), Vietnamese for anything but
 * English. Runs the entry itself over the in-memory workbook, not the TaskPane component with a
 * language handed to it.
 */
import { screen } from '@testing-library/react';
import { createSettingsStore } from '../../src/excel/officeHelpers';
import { createMemoryWorkbook } from '../../src/memoryExcel';
import { paneSettingsFrom, SETTING_LANGUAGE } from '../../src/taskpane/settings';

// The entry's start-up reads the workbook and loads the English messages chunk: seconds on a busy machine.
jest.setTimeout(60_000);

/** Office and Excel as the entry finds them in Excel, with Office's display language `displayLanguage`. */
function officeIn(displayLanguage: string): void {
  const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.8' } });
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.Office = {
    context: {
      host: 'Excel',
      platform: 'PC',
      displayLanguage,
      requirements: { isSetSupported: (name: string, version?: string) => wb.isSetSupported(name, version) },
    },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  };
  globals.Excel = { run: wb.run };
}

beforeEach(() => {
  // The entry renders as a page does, outside act(): React is told so instead of warning about it.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  window.localStorage.clear();
  document.body.innerHTML = '<div id="root"></div>';
});

test.each([
  ['en-US', 'Insert templates', 'Chèn biểu mẫu'],
  ['en-GB', 'Insert templates', 'Chèn biểu mẫu'],
  ['vi-VN', 'Chèn biểu mẫu', 'Insert templates'],
  ['fr-FR', 'Chèn biểu mẫu', 'Insert templates'],
])('Office in %s: the pane opens with “%s”, not “%s”', async (displayLanguage, shown, notShown) => {
  officeIn(displayLanguage);
  // The entry starts the pane as it is evaluated; a fresh copy of it for each display language.
  await jest.isolateModulesAsync(async () => {
    await import('../../src/taskpane/index');
  });
  expect(await screen.findByRole('button', { name: shown })).toBeTruthy();
  expect(screen.queryByRole('button', { name: notShown })).toBeNull();
});

test('a language chosen earlier wins over the display language', async () => {
  // As the pane stores a choice (the namespace is the entry's: a stored choice outlives releases).
  paneSettingsFrom(createSettingsStore('cchc-taskpane')).set(SETTING_LANGUAGE, 'en');
  officeIn('vi-VN');
  await jest.isolateModulesAsync(async () => {
    await import('../../src/taskpane/index');
  });
  expect(await screen.findByRole('button', { name: 'Insert templates' })).toBeTruthy();
});
