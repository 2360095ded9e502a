/**
 * The self-test page (dist/selftest.html). In Excel, sideloaded with manifest.selftest.xml: waits
 * for Office.onReady and runs the scenarios with Excel.run against the open workbook. In a plain
 * browser with `?host=memory`: runs the same scenarios against the in-memory workbook, at
 * ExcelApi 1.8 (the add-in's declared minimum) unless `?api=1.x` says otherwise; office.js is not
 * needed then and never touched. `?break=<scenario>` (tests only) runs that scenario against a
 * deliberately broken adapter, to prove a failure is reported.
 *
 * The result is shown on the page and left on `window.cchcSelfTest` as plain JSON data.
 */
import { TEMPLATE_VERSION } from '../catalog';
import type { Bilingual } from '../engine/types';
import type { AddinOperations } from '../contracts/operations';
import { createExcelOperations, type ExcelRun } from '../excel';
import { detectHost, documentIsReadOnly } from '../excel/officeHelpers';
import { bindPage } from './page';
import { PROBES } from './probes';
import { highestVersion, runSelfTest, type SelfTestResult } from './runner';
import { SCENARIOS } from './scenarios';

interface Target {
  run: ExcelRun;
  requirements: { isSetSupported(name: string, version?: string): boolean };
  host: string;
  platform: string;
  environment: Record<string, string>;
  /** Office.context.document.mode as 'ReadOnly' / 'ReadWrite'; null when the host does not say. */
  documentMode: string | null;
  makeOperations(): AddinOperations;
  describe: Bilingual;
}

declare global {
  interface Window {
    cchcSelfTest?: Partial<SelfTestResult> & { fatal?: Bilingual };
  }
}

const params = new URLSearchParams(window.location.search);

/**
 * Content-Security-Policy violations seen on this page, sent back in the result: Microsoft does not
 * publish every host office.js needs, so a real Excel may show what the policy lacks (docs/deploy.md).
 * Listened to from here on: violations before this bundle runs (while office.js loads) are not seen.
 */
const cspViolations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'})`),
);

async function memoryTarget(): Promise<Target> {
  const api = params.get('api') ?? '1.8';
  if (!/^1\.\d{1,2}$/.test(api)) throw new Error(`?api=${api} is not an ExcelApi version such as 1.8 or 1.17`);
  // Loaded only here, so the page Excel opens does not carry the in-memory workbook.
  const { createMemoryWorkbook } = await import(/* webpackChunkName: "memoryExcel" */ '../memoryExcel');
  const workbook = createMemoryWorkbook({ requirementSets: { ExcelApi: api } });
  const requirements = { isSetSupported: (name: string, version?: string) => workbook.isSetSupported(name, version) };
  const host = { host: 'Memory', platform: detectHost().platform };
  return {
    run: workbook.run,
    requirements,
    ...host,
    environment: { workbook: 'memoryExcel', requestedApi: api, userAgent: navigator.userAgent },
    documentMode: null,
    makeOperations: () => createExcelOperations({ run: workbook.run, requirements, host }),
    describe: {
      vi: `Sổ làm việc trong bộ nhớ (không phải Excel), ExcelApi ${api}`,
      en: `In-memory workbook (not Excel), ExcelApi ${api}`,
    },
  };
}

async function excelTarget(): Promise<Target | Bilingual> {
  if (typeof Office === 'undefined')
    return {
      vi: 'Không tải được office.js từ máy chủ của Microsoft: hãy mở trang này trong Excel (nạp manifest.selftest.xml) khi có mạng. Để thử trong trình duyệt, thêm ?host=memory vào cuối địa chỉ.',
      en: "office.js could not be loaded from Microsoft's servers: open this page inside Excel (sideload manifest.selftest.xml) with a network connection. To try it in a browser, add ?host=memory to the address.",
    };
  await Office.onReady();
  const detected = detectHost();
  if (detected.host !== 'Excel')
    return {
      vi: `Trang này phải chạy trong Excel (đang ở: ${detected.host}, ${detected.platform}). Để thử trong trình duyệt, thêm ?host=memory vào cuối địa chỉ.`,
      en: `This page must run inside Excel (running in: ${detected.host}, ${detected.platform}). To try it in a browser, add ?host=memory to the address.`,
    };
  // Excel.run itself, unwrapped: the adapter also calls its (context, batch) form to remove event handlers.
  const run: ExcelRun = Excel.run;
  const requirements = Office.context.requirements;
  const host = { host: detected.host, platform: detected.platform };
  const diagnostics = Office.context.diagnostics;
  const api = highestVersion(requirements) ?? '?';
  const mode: unknown = Office.context.document?.mode;
  return {
    run,
    requirements,
    ...host,
    environment: {
      officeVersion: diagnostics?.version ?? 'unknown',
      officePlatform: String(diagnostics?.platform ?? 'unknown'),
      displayLanguage: Office.context.displayLanguage ?? 'unknown',
      userAgent: navigator.userAgent,
    },
    documentMode: mode === undefined || mode === null ? null : documentIsReadOnly() ? 'ReadOnly' : 'ReadWrite',
    makeOperations: () => createExcelOperations({ run, requirements, host }),
    describe: {
      vi: `Excel (${detected.platform}, phiên bản ${diagnostics?.version ?? '?'}), ExcelApi ${api}`,
      en: `Excel (${detected.platform}, version ${diagnostics?.version ?? '?'}), ExcelApi ${api}`,
    },
  };
}

async function start(): Promise<void> {
  const page = bindPage();
  const fatal = (text: Bilingual) => {
    page.showFatal(text);
    // Done, and nothing passed: an automated reader must not wait forever nor read success.
    window.cchcSelfTest = { done: true, passed: 0, failed: 0, scenarios: [], probes: [], fatal: text };
  };
  try {
    const broken = params.get('break');
    if (broken !== null && !SCENARIOS.some((s) => s.name === broken))
      return fatal({ vi: `Không có kịch bản "${broken}".`, en: `There is no scenario "${broken}".` });
    const target = params.get('host') === 'memory' ? await memoryTarget() : await excelTarget();
    if (!('run' in target)) return fatal(target);
    page.showEnvironment({ vi: `Môi trường: ${target.describe.vi}`, en: `Environment: ${target.describe.en}` });
    const titles = new Map(SCENARIOS.map((s) => [s.name, s.title]));
    page.onRun(async () => {
      window.cchcSelfTest = { done: false };
      let result: SelfTestResult;
      try {
        result = await runSelfTest({
          ...target,
          environment: { ...target.environment, templateVersion: TEMPLATE_VERSION },
          scenarios: [...SCENARIOS],
          probes: PROBES,
          broken,
          onProgress: ({ index, total, scenario, result: r }) => {
            if (!r) page.progress(index, total, scenario);
          },
        });
      } catch (e) {
        // Only the refusal check and clean-up of the runner itself can throw here: say so on the page.
        const message = e instanceof Error ? e.message : String(e);
        fatal({ vi: `Tự kiểm tra dừng vì lỗi: ${message}`, en: `The self-test stopped on an error: ${message}` });
        throw e;
      }
      result.cspViolations = [...cspViolations];
      window.cchcSelfTest = result;
      page.showResult(result, titles);
      return result;
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    fatal({ vi: `Không khởi động được: ${message}`, en: `Could not start: ${message}` });
  }
}

void start();
