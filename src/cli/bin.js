#!/usr/bin/env node
// The published command runs the TypeScript sources through tsx, so `npx cchc` works on a
// fresh checkout without a build step.
require('tsx/cjs');
require('./main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
