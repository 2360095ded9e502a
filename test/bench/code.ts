/**
 * `npm run bench` section "code": the size of src/ and its breaches of the layering.
 *   srcLines           lines of every .ts/.tsx module under src/ (src/memoryExcel included)
 *   memoryExcelLines   of which src/memoryExcel, the imitation of Excel
 *   largestModuleLines lines of the longest module under src/ (which one: largestModule)
 *   layerViolations    imports and Office.js globals against docs/architecture.md, counted with
 *                      the architecture test's own rules (test/architecture/layering.ts)
 *   unusedImitationMembers public members of the imitation no adapter, host or test outside the
 *                      imitation's own uses (test/shared/imitationUse.ts, as its test counts them)
 * Lines are newline-separated lines of the file as stored, blank lines and comments included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { layerViolations, sourceFiles } from '../architecture/layering';
import { unusedImitationMembers } from '../shared/imitationUse';

const SRC = path.resolve(__dirname, '../../src');

export interface CodeFigures {
  srcLines: number;
  memoryExcelLines: number;
  largestModuleLines: number;
  largestModule: string;
  layerViolations: number;
}

function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

export function benchCode(src: string = SRC): Promise<CodeFigures> {
  let srcLines = 0;
  let memoryExcelLines = 0;
  let largestModuleLines = 0;
  let largestModule = '';
  for (const file of sourceFiles(src)) {
    const lines = lineCount(fs.readFileSync(file, 'utf8'));
    const underSrc = path.relative(src, file).split(path.sep).join('/');
    srcLines += lines;
    if (underSrc.startsWith('memoryExcel/')) memoryExcelLines += lines;
    if (lines > largestModuleLines) {
      largestModuleLines = lines;
      largestModule = underSrc;
    }
  }
  return Promise.resolve({
    srcLines,
    memoryExcelLines,
    largestModuleLines,
    largestModule,
    layerViolations: layerViolations(src).length,
  });
}

/** The section as `npm run bench` reports it: the figures above, and the imitation's unused members. */
export async function benchCodeSection(): Promise<CodeFigures & { unusedImitationMembers: number }> {
  return { ...(await benchCode()), unusedImitationMembers: unusedImitationMembers().length };
}
