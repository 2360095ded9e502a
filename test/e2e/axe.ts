/**
 * axe-core in the page under test: node_modules/axe-core/axe.min.js is evaluated in the page
 * and run on one root, so the playground's own grid (not the add-in) can stay out. Evaluated
 * through the browser's devtools protocol, not added as a <script>: the pages' Content-Security-
 * Policy refuses inline scripts (webpack.config.js), and the test must not relax it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const AXE = join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

interface AxeResults {
  violations: {
    id: string;
    impact: string | null;
    nodes: { target: unknown[]; html: string; failureSummary?: string }[];
  }[];
}

/** Serious and critical violations inside `root` (a CSS selector), as "rule (impact): target" lines. */
export async function axeViolations(page: Page, root: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  // Colours are judged as painted: a message bar still fading in reads as low contrast.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResults> } }).axe;
    // Tabster's focus sentinels (<i data-tabster-dummy tabindex="0" aria-hidden>, from Fluent's
    // TabList and arrow-key groups) hand focus on at once; axe reads them as focusable hidden content.
    const result = await axe.run(
      { include: [[include]], exclude: [['[data-tabster-dummy]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.map(
          (n) =>
            `${v.id} (${v.impact}): ${n.html.slice(0, 160)} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`,
        ),
      );
  }, root);
}
