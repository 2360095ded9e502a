/**
 * Builds the pages of the add-in into dist/, each with the Content-Security-Policy below:
 *   taskpane.html   – the task pane Excel opens (loads office.js from Microsoft's CDN, as Office requires);
 *   commands.html   – the ribbon's function file;
 *   playground.html – the task pane beside the in-memory workbook, for any browser and any static server;
 *   selftest.html   – the adapter's scenarios run against the Excel it is loaded into (manifest.selftest.xml),
 *                     or against the in-memory workbook with ?host=memory;
 *   support.html    – the support page the manifests' SupportUrl names (no script).
 * plus assets/, manifest.xml and manifest.selftest.xml (URLs rewritten to the production host in
 * production builds).
 *
 * `npm run build` is the production build; `npm start` (scripts/start.mjs) uses this config
 * through webpack-dev-server's API, and `npx webpack serve` works too.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const pkg = require('./package.json');

const DEV_ORIGIN = `https://localhost:${pkg.config.dev_server_port}`;

/**
 * The production host the built manifest points at: env ADDIN_PRODUCTION_HOST, else
 * package.json config.production_host. Office loads add-ins over https only, so anything
 * else is refused here rather than producing a manifest Office will reject.
 */
function productionHost() {
  const raw = (process.env.ADDIN_PRODUCTION_HOST || pkg.config.production_host || '').trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Production host "${raw}" is not a URL (set ADDIN_PRODUCTION_HOST or config.production_host).`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`Production host "${raw}" must be https: Office refuses add-ins served over http.`);
  }
  return raw.replace(/\/+$/, '');
}

/** The manifests Office is given: the add-in itself, and the self-test IT staff sideload. */
const MANIFESTS = ['manifest.xml', 'manifest.selftest.xml'];

/**
 * The dev manifest (`source` names it) with every dev-server URL moved to `host`. The AppDomain
 * gets the origin only, because Office matches AppDomains by origin.
 */
function productionManifest(xml, host, source = 'manifest.xml') {
  const origin = new URL(host).origin;
  const rewritten = xml
    // The dev manifest's comments speak of the dev server; the built one is not to be edited.
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(
      /^(<\?xml[^>]*\?>\s*)/,
      `$1<!-- Built by \`npm run build\` for ${host} from ${source}: edit that file, not this one. -->\n`,
    )
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(host);
  if (rewritten.includes('localhost')) {
    throw new Error(`${source} still names localhost after rewriting to the production host`);
  }
  return rewritten;
}

/**
 * HTTPS options for the dev server from office-addin-dev-certs (creates and trusts a localhost
 * certificate on first use). Never throws: a machine without a certificate store it can write
 * to (no sudo, a container, CI) gets `{ options: null, reason }` and the caller serves plain HTTP.
 */
async function devHttpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const { ca, cert, key } = await devCerts.getHttpsServerOptions();
    return { options: { ca, cert, key }, reason: null };
  } catch (err) {
    return { options: null, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** Office's script host: office.js must be loaded from Microsoft's CDN (it then loads its host-specific parts from there). */
const OFFICE_SCRIPT_HOST = 'https://appsforoffice.microsoft.com';

/**
 * The Content-Security-Policy of every page, as a <meta http-equiv> in each page (the templates'
 * first element after the charset) and as the header a server should send (docs/deploy.md; the
 * dev server sends it). Scripts come only from the add-in's own origin and Office's script host:
 * no inline script, no eval. Directives:
 * - style-src 'unsafe-inline': Fluent UI v9 styles through Griffel, which inserts <style> elements
 *   and rules at run time (no nonce support in the pane's build), and office.js's Excel part sets
 *   inline styles itself (office-js #1687); without it the pane is unstyled. Styles cannot run code.
 * - img-src 'self': the pane's images are the add-in's own files (Fluent's icons are inline SVG elements).
 * - connect-src 'self': the add-in sends no request anywhere but its own origin (lazy chunks).
 * - object-src 'none', base-uri 'none', form-action 'none': no plugins, no <base> hijack, no forms posted.
 * frame-ancestors cannot be set by a <meta>; a server must not restrict it beyond Office's hosts
 * (Excel on the web frames the pane), see docs/deploy.md.
 * `dev`: webpack-dev-server's live client talks over a websocket to the dev origin.
 */
function contentSecurityPolicy({ dev = false } = {}) {
  const wsOrigin = DEV_ORIGIN.replace(/^https:/, 'wss:');
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_SCRIPT_HOST}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    dev ? `connect-src 'self' ${wsOrigin} ${wsOrigin.replace(/^wss:/, 'ws:')}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Who to contact, shown on the support page: env ADDIN_SUPPORT_EMAIL, else package.json
 * config.support_email, else none (the page then names the unit's IT staff and Sở Nội vụ only).
 */
function supportEmail() {
  const raw = (process.env.ADDIN_SUPPORT_EMAIL || pkg.config.support_email || '').trim();
  if (raw && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(raw)) {
    throw new Error(`Support e-mail "${raw}" is not an e-mail address (ADDIN_SUPPORT_EMAIL or config.support_email).`);
  }
  return raw;
}

/** The pages: each with its entry's chunks (none for the support page) and the policy in its <meta>. */
const page = (name, template, { chunks = [name], csp, ...parameters }) =>
  new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: path.resolve(__dirname, template),
    chunks,
    scriptLoading: 'defer',
    templateParameters: { csp, version: pkg.version, ...parameters },
  });

async function config(env = {}, argv = {}) {
  const mode = argv.mode || (env.production ? 'production' : 'development');
  const production = mode === 'production';
  const host = production ? productionHost() : DEV_ORIGIN;

  let server = 'http';
  if (env.WEBPACK_SERVE) {
    // `npx webpack serve`; scripts/start.mjs sets its own server and says why it fell back.
    const https = await devHttpsOptions();
    server = https.options ? { type: 'https', options: https.options } : 'http';
  }

  const csp = contentSecurityPolicy({ dev: !production });
  return {
    mode,
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      playground: './src/playground/index.tsx',
      selftest: './src/selftest/index.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type errors are the job of `tsc --noEmit` (npm test runs it); transpiling file by
              // file keeps the build fast on small machines, and isolatedModules makes it safe.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    // Modern webviews only (Edge WebView2, Safari/WKWebView, current browsers): no IE11, no polyfills.
    target: ['web', 'es2020'],
    // No eval-based source maps in development: the pages' policy allows no eval (contentSecurityPolicy).
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    optimization: {
      // Shared libraries (React, Fluent UI) go to their own chunks; each page gets only the chunks
      // its entry needs, so the task pane never downloads playground code. The self-test page is
      // left out: sharing its modules would cut the task pane's start-up code into more chunks,
      // which cost 2.8 KB more gzip (measured) against the pane's 165 KiB budget.
      splitChunks: { chunks: (chunk) => chunk.name !== 'selftest' },
    },
    performance: {
      hints: production ? 'warning' : false,
      // Fluent UI + React make a large vendor chunk; the pane loads it once and Office caches it.
      maxEntrypointSize: 1_500_000,
      maxAssetSize: 1_000_000,
    },
    plugins: [
      page('taskpane', 'src/taskpane/taskpane.html', { csp }),
      page('commands', 'src/commands/commands.html', { csp }),
      page('playground', 'src/playground/playground.html', { csp }),
      page('selftest', 'src/selftest/selftest.html', { csp }),
      page('support', 'src/support/support.html', { chunks: [], csp, supportEmail: supportEmail() }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/*.svg', to: 'assets/[name][ext]' },
          // Plain ES5, copied as written: it must run in the old webviews the bundle cannot (taskpane.html).
          { from: 'src/taskpane/unsupported-webview.js', to: 'unsupported-webview.js' },
          ...MANIFESTS.map((file) =>
            production
              ? {
                  from: file,
                  to: file,
                  transform: (content) => productionManifest(content.toString('utf8'), host, file),
                }
              : { from: file, to: file },
          ),
        ],
      }),
    ],
    devServer: {
      // Only this machine: Excel and the browser reach the add-in on localhost; nothing else should.
      host: 'localhost',
      port: pkg.config.dev_server_port,
      server,
      // Office loads the pane from https://localhost; webviews differ in how they send Origin.
      // The policy as a header too, as a production server sends it (docs/deploy.md).
      headers: { 'Access-Control-Allow-Origin': '*', 'Content-Security-Policy': csp },
      static: false,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
}

module.exports = config;
module.exports.productionManifest = productionManifest;
module.exports.productionHost = productionHost;
module.exports.devHttpsOptions = devHttpsOptions;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.MANIFESTS = MANIFESTS;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.OFFICE_SCRIPT_HOST = OFFICE_SCRIPT_HOST;
