/* global window, document -- a browser script outside the bundle: eslint.config.mjs gives browser globals to TypeScript only */
/*
 * Shows taskpane.html's notice in the old webviews the pane's bundle cannot run in: IE11 (Trident) and Edge Legacy
 * (EdgeHTML, "Edge/" in its user agent; Chromium Edge says "Edg/"), where the pane would otherwise stay blank.
 * ES5 on purpose, and a file rather than an inline script because the pages' Content-Security-Policy allows no inline
 * script (webpack.config.js). Copied to dist/ as written, not bundled.
 */
if (/Trident\/|Edge\/\d/.test(window.navigator.userAgent)) {
  document.getElementById('unsupported-webview').removeAttribute('hidden');
}
