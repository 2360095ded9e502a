// A worker thread of `cchc check` (checkPool.ts): the checker's TypeScript runs through tsx here as
// in bin.js, so a worker needs no build step either.
require('tsx/cjs');
require('./checkWorker.ts');
