/**
 * The self-test page's DOM: plain elements from selftest.html, filled in as the run goes.
 * Vietnamese first, English second, as everywhere officials and IT staff read.
 */
import type { Bilingual } from '../engine/types';
import type { Scenario, SelfTestResult } from './runner';

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`selftest.html has no #${id}`);
  return el as T;
}

/** "vi / en" with the English part greyed, as text nodes (never HTML from data). */
function bilingual(target: HTMLElement, text: Bilingual): void {
  target.replaceChildren(document.createTextNode(`${text.vi} `));
  const en = document.createElement('span');
  en.className = 'en';
  en.textContent = `/ ${text.en}`;
  target.append(en);
}

export interface SelfTestPage {
  showEnvironment(text: Bilingual): void;
  /** Enables the run button; `start` runs the test and resolves with its result. */
  onRun(start: () => Promise<SelfTestResult>): void;
  progress(index: number, total: number, scenario: Scenario): void;
  showResult(result: SelfTestResult, titles: Map<string, Bilingual>): void;
  showFatal(text: Bilingual): void;
}

export function bindPage(): SelfTestPage {
  const env = element('environment');
  const runButton = element<HTMLButtonElement>('run');
  const copyButton = element<HTMLButtonElement>('copy');
  const copyStatus = element('copy-status');
  const progress = element('progress');
  const refused = element('refused');
  const summary = element('summary');
  const list = element('scenarios');
  const probes = element<HTMLTableSectionElement>('probe-rows');
  const probeTable = element('probes');
  const cannotTell = element('cannot-tell');
  const json = element<HTMLTextAreaElement>('result');

  copyButton.addEventListener('click', () => {
    void copy(json.value).then((how) =>
      bilingual(
        copyStatus,
        how === 'clipboard'
          ? { vi: 'Đã sao chép.', en: 'Copied.' }
          : {
              vi: 'Không sao chép được: hãy chọn toàn bộ ô kết quả bên dưới (Ctrl+A) và sao chép.',
              en: 'Could not copy: select the whole result box below (Ctrl+A) and copy it.',
            },
      ),
    );
  });

  return {
    showEnvironment: (text) => bilingual(env, text),
    onRun(start) {
      runButton.disabled = false;
      runButton.onclick = () => {
        runButton.disabled = true;
        copyButton.disabled = true;
        copyStatus.textContent = '';
        summary.textContent = '';
        summary.className = '';
        refused.hidden = true;
        list.replaceChildren();
        probes.replaceChildren();
        probeTable.hidden = true;
        cannotTell.replaceChildren();
        start()
          .catch((e: unknown) => console.error(e)) // already shown on the page by the caller
          .finally(() => {
            runButton.disabled = false;
          });
      };
    },
    progress(index, total, scenario) {
      bilingual(progress, {
        vi: `Đang chạy ${index + 1}/${total}: ${scenario.title.vi}…`,
        en: `Running ${index + 1}/${total}: ${scenario.title.en}…`,
      });
    },
    showResult(result, titles) {
      progress.textContent = '';
      json.value = JSON.stringify(result, null, 2);
      copyButton.disabled = false;
      for (const line of result.cannotTell) {
        const li = document.createElement('li');
        li.textContent = line;
        cannotTell.append(li);
      }
      if (result.refused) {
        refused.hidden = false;
        bilingual(refused, result.refused);
        return;
      }
      summary.className = result.failed === 0 ? 'passed' : 'failed';
      bilingual(summary, {
        vi: `${result.passed} đạt, ${result.failed} lỗi`,
        en: `${result.passed} passed, ${result.failed} failed`,
      });
      summary.dataset.passed = String(result.passed);
      summary.dataset.failed = String(result.failed);
      for (const s of result.scenarios) {
        const li = document.createElement('li');
        li.dataset.scenario = s.name;
        li.dataset.ok = String(s.ok);
        const title = titles.get(s.name) ?? { vi: s.name, en: s.name };
        const line = document.createElement('span');
        bilingual(line, { vi: `${s.ok ? '✓' : '✗'} ${title.vi}`, en: `${title.en} (${s.ms} ms)` });
        li.append(line);
        if (s.error) {
          const pre = document.createElement('pre');
          pre.textContent = s.error;
          li.append(pre);
        }
        list.append(li);
      }
      showProbes(probes, result);
      probeTable.hidden = result.probes.length === 0;
    },
    showFatal(text) {
      progress.textContent = '';
      refused.hidden = false;
      bilingual(refused, text);
    },
  };
}

/** One row per probe: what the imitation assumes beside what Excel did (text nodes only). */
function showProbes(body: HTMLTableSectionElement, result: SelfTestResult): void {
  for (const p of result.probes) {
    const row = document.createElement('tr');
    row.dataset.probe = p.name;
    row.dataset.agrees = String(p.agrees);
    const verdict = p.agrees === null ? '—' : p.agrees ? '✓' : p.addinDependsOn ? '✗ (lỗi / failure)' : '≠';
    for (const text of [p.name, p.imitationAssumes, p.excelDid, verdict]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    row.title = p.addinDependsOn ? `${p.question}\n${p.addinDependsOn}` : p.question;
    body.append(row);
  }
}

/** Copies text with the Clipboard API, else the older execCommand (Office webviews differ). */
async function copy(text: string): Promise<'clipboard' | 'manual'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'clipboard';
  } catch {
    const area = document.getElementById('result') as HTMLTextAreaElement | null;
    area?.select();
    // execCommand is deprecated but still the only copy some webviews allow; false means it failed.
    return document.execCommand('copy') ? 'clipboard' : 'manual';
  }
}
