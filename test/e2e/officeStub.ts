/**
 * Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js where that CDN is
 * unreachable (this machine): the globals the task pane touches (Office.onReady, Office.context,
 * Excel.run) backed by the in-memory workbook, so dist/taskpane.html runs its real entry and
 * its real Excel adapter in a plain browser. Bundled by buildOfficeStub() for the browser test
 * of the production page and for the task-pane benchmark; never shipped.
 *
 * URL options of the page: `officeLanguage=en-US` sets Office's display language (default vi-VN).
 */
import { createMemoryWorkbook } from '../../src/memoryExcel';

const workbook = createMemoryWorkbook();
const displayLanguage = new URLSearchParams(window.location.search).get('officeLanguage') ?? 'vi-VN';
const info = { host: 'Excel', platform: 'PC' };

const office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC' },
  context: {
    host: 'Excel',
    platform: 'PC',
    displayLanguage,
    contentLanguage: displayLanguage,
    requirements: { isSetSupported: (name: string, version?: string) => workbook.isSetSupported(name, version) },
  },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    const ready = Promise.resolve(info);
    if (callback) void ready.then(callback);
    return ready;
  },
};

const globals = window as unknown as Record<string, unknown>;
globals.Office = office;
// Excel.run in every form the adapter uses: (batch), (context, batch), (options, batch).
globals.Excel = { run: (...args: unknown[]) => (workbook.run as (...a: unknown[]) => Promise<unknown>)(...args) };
globals.cchcStubWorkbook = workbook;
performance.mark('office-stub-ready');
