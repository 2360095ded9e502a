/**
 * The pages' Content-Security-Policy as the build writes it (webpack.config.js), the page templates that carry it,
 * and docs/deploy.md, which gives IT staff the same policy as a header. The browser side (no violation in Chromium,
 * every request to the page's own origin) is test/e2e/hosting.e2e.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface WebpackConfigModule {
  contentSecurityPolicy(options?: { dev?: boolean }): string;
  OFFICE_SCRIPT_HOST: string;
}
const webpackConfig = jest.requireActual<WebpackConfigModule>('../../webpack.config.js');

const TEMPLATES = [
  'src/taskpane/taskpane.html',
  'src/commands/commands.html',
  'src/playground/playground.html',
  'src/selftest/selftest.html',
  'src/support/support.html',
];

/** The policy as directive → sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('the policy of every page', () => {
  const policy = directives(webpackConfig.contentSecurityPolicy());

  test('scripts only from the add-in and Office’s script host: no inline script, no eval', () => {
    expect(policy['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(webpackConfig.OFFICE_SCRIPT_HOST).toBe('https://appsforoffice.microsoft.com');
    expect(policy['default-src']).toEqual(["'self'"]);
  });

  test('no plugins, no <base>, no form posts, requests only to the add-in’s origin', () => {
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
  });

  test('inline styles are the one relaxation (Fluent UI’s Griffel inserts <style> at run time)', () => {
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    const relaxed = Object.entries(policy).filter(([, sources]) => sources.some((s) => s.startsWith("'unsafe")));
    expect(relaxed.map(([name]) => name)).toEqual(['style-src']);
  });

  test('the dev server’s policy differs only by its live-reload websocket', () => {
    const dev = directives(webpackConfig.contentSecurityPolicy({ dev: true }));
    expect({ ...dev, 'connect-src': policy['connect-src'] }).toEqual(policy);
    expect(dev['connect-src']).toEqual(["'self'", 'wss://localhost:3000', 'ws://localhost:3000']);
  });
});

describe.each(TEMPLATES)('%s', (file) => {
  const html = read(file);

  test('carries the policy as its first element after the charset, before any script', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    const tags = [...head.matchAll(/<(meta|script|link|style|title)\b(?:[^>"]|"[^"]*")*>/g)].map((m) => m[0]);
    expect(tags[0]).toBe('<meta charset="UTF-8" />');
    expect(tags[1]).toBe('<meta http-equiv="Content-Security-Policy" content="<%= csp %>" />');
  });

  test('has no inline script and no inline event handler', () => {
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    expect(html.match(/\son[a-z]+=/gi)).toBeNull();
  });
});

test('docs/deploy.md gives the policy the build writes, as the header and in each server example', () => {
  const doc = read('docs/deploy.md');
  const policy = webpackConfig.contentSecurityPolicy();
  expect(doc).toContain(`Content-Security-Policy: ${policy}\n`);
  expect(doc.split(policy).length - 1).toBe(3);
});
