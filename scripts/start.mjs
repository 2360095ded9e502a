#!/usr/bin/env node
/**
 * `npm start`: builds the add-in in memory and serves it on https://localhost:<config.dev_server_port>
 * (webpack-dev-server, certificate from office-addin-dev-certs), then sideloads it into Excel
 * desktop where Excel is installed (office-addin-debugging). Runs until Ctrl-C.
 *
 * It never fails only because this machine lacks Excel or a certificate store it may write to:
 * it then serves plain HTTP and points at the browser playground, which needs neither.
 *
 * Options: --http       skip the certificate step and serve plain HTTP
 *          --no-sideload serve only, even where Excel is installed (also: env CI=true)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const pkg = require(path.join(ROOT, 'package.json'));
const PORT = Number(pkg.config.dev_server_port);
const HOST = 'localhost';
const args = new Set(process.argv.slice(2));

const say = (line = '') => process.stdout.write(`${line}\n`);
const warn = (line) => process.stderr.write(`${line}\n`);

/** Resolves when the port is free on localhost; rejects with EADDRINUSE (or another listen error). */
function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port, host: HOST, exclusive: true }, () => probe.close(resolve));
  });
}

function portInUseMessage(port) {
  const find = process.platform === 'win32' ? `netstat -ano | findstr :${port}` : `lsof -nP -iTCP:${port} -sTCP:LISTEN`;
  return [
    `Port ${port} is already in use on ${HOST}, so the dev server cannot start.`,
    `Another \`npm start\` may still be running. Find the process with: ${find}`,
    `and stop it. The manifest points Excel at port ${port} (package.json config.dev_server_port),`,
    `so the add-in cannot simply move to another port.`,
  ].join('\n');
}

/** Excel desktop is present: the only case where sideloading can work. */
function excelInstalled() {
  try {
    if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
    if (process.platform === 'win32') {
      execFileSync('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe'], {
        stdio: 'ignore',
      });
      return true;
    }
  } catch {
    // `reg query` exits non-zero when the key is missing: Excel is not installed.
  }
  return false;
}

async function main() {
  try {
    await checkPortFree(PORT);
  } catch (err) {
    warn(err.code === 'EADDRINUSE' ? portInUseMessage(PORT) : `Cannot listen on ${HOST}:${PORT}: ${err.message}`);
    process.exit(1);
  }

  const webpackConfig = require(path.join(ROOT, 'webpack.config.js'));
  let server = 'http';
  if (args.has('--http')) {
    say('Serving plain HTTP (--http).');
  } else {
    say('Checking the localhost development certificate (office-addin-dev-certs)…');
    const https = await webpackConfig.devHttpsOptions();
    if (https.options) {
      server = { type: 'https', options: https.options };
    } else {
      warn('');
      warn('HTTPS is not available on this machine, so the dev server falls back to plain HTTP.');
      warn(`  Why: ${https.reason.split('\n')[0]}`);
      warn('  Excel only loads add-ins over https; the browser playground works over HTTP.');
      warn(
        '  To get HTTPS: `npx office-addin-dev-certs install` (needs administrator rights / sudo), then `npm start`.',
      );
      warn('');
    }
  }
  const scheme = server === 'http' ? 'http' : 'https';
  const origin = `${scheme}://${HOST}:${PORT}`;

  const { default: webpack } = await import('webpack');
  const { default: WebpackDevServer } = await import('webpack-dev-server');
  const config = await webpackConfig({}, { mode: 'development' });
  config.stats = 'errors-warnings';
  config.infrastructureLogging = { level: 'warn' };
  const compiler = webpack(config);

  let firstBuild = true;
  const firstBuildDone = new Promise((resolve) => {
    compiler.hooks.done.tap('cchc-start', (stats) => {
      const { errors = [], warnings = [] } = stats.toJson({ all: false, errors: true, warnings: true });
      const seconds = ((stats.endTime - stats.startTime) / 1000).toFixed(1);
      if (errors.length) {
        warn(`Build finished with ${errors.length} error(s) in ${seconds}s; the pages show them until they are fixed.`);
      } else if (!firstBuild) {
        say(`Rebuilt in ${seconds}s${warnings.length ? ` (${warnings.length} warning(s))` : ''}.`);
      }
      if (firstBuild) {
        firstBuild = false;
        resolve(seconds);
      }
    });
  });

  const devServer = new WebpackDevServer(
    { ...config.devServer, host: HOST, port: PORT, server, open: false },
    compiler,
  );
  try {
    await devServer.start();
  } catch (err) {
    warn(err.code === 'EADDRINUSE' ? portInUseMessage(PORT) : `The dev server did not start: ${err.message}`);
    process.exit(1);
  }
  const seconds = await firstBuildDone;

  let sideloaded = false;
  const stop = async (signal) => {
    say(`\n${signal}: stopping the dev server…`);
    if (sideloaded) {
      try {
        const { stopDebugging } = require('office-addin-debugging');
        await stopDebugging(MANIFEST);
      } catch (err) {
        warn(`Could not unregister the sideloaded add-in: ${err.message}. Run \`npm stop\` to do it.`);
      }
    }
    await devServer.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('Ctrl-C'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  say('');
  say(`CCHC add-in dev server is running (development build, ${seconds}s).`);
  say(`  Task pane:  ${origin}/taskpane.html`);
  say(`  Playground: ${origin}/playground.html`);
  say(`  Self-test:  ${origin}/selftest.html (in Excel, via manifest.selftest.xml; in a browser add ?host=memory)`);
  say(`  Manifest:   ${MANIFEST}`);
  say('');

  const noSideload = args.has('--no-sideload') || process.env.CI === 'true';
  if (noSideload) {
    say('Sideloading skipped (--no-sideload or CI). Open the playground URL above in a browser.');
  } else if (scheme !== 'https') {
    say('Not sideloading into Excel: Excel needs HTTPS. Open the playground URL above in a browser.');
  } else if (!excelInstalled()) {
    say('No Excel desktop found on this machine: open the playground URL above in a browser,');
    say('or sideload manifest.xml into Excel on the web (see README, "Sideloading").');
  } else {
    say('Sideloading into Excel desktop (office-addin-debugging)…');
    try {
      const { startDebugging } = require('office-addin-debugging');
      await startDebugging(MANIFEST, {
        appType: 'desktop',
        app: 'excel',
        enableDebugging: false,
        enableSideload: true,
        devServerPort: PORT,
      });
      sideloaded = true;
      say('Excel is opening with the add-in: Home tab → CCHC → Biểu mẫu CCHC.');
    } catch (err) {
      warn(`Sideloading failed: ${err.message}`);
      warn('The dev server keeps running: sideload manifest.xml by hand (see README) or use the playground.');
    }
  }
  say('Press Ctrl-C to stop.');
}

main().catch((err) => {
  warn(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
