/** The LibreOffice tests run the soffice that SOFFICE_PATH names, else the one on PATH. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sofficePath } from './soffice';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cchc-soffice-'));
  for (const sub of ['a', 'b']) mkdirSync(path.join(dir, sub));
  const script = (file: string, mode: number) => {
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, mode);
  };
  script(path.join(dir, 'a', 'libreoffice'), 0o755);
  script(path.join(dir, 'b', 'soffice'), 0o755);
  script(path.join(dir, 'custom-soffice'), 0o755);
  script(path.join(dir, 'not-executable'), 0o644);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PATH = () => [path.join(dir, 'a'), path.join(dir, 'b')].join(path.delimiter);

test('SOFFICE_PATH wins over PATH', () => {
  const custom = path.join(dir, 'custom-soffice');
  expect(sofficePath({ SOFFICE_PATH: custom, PATH: PATH() }, 'linux')).toBe(custom);
});

test('a SOFFICE_PATH that is not an executable file is an error, not a silent fallback', () => {
  expect(() => sofficePath({ SOFFICE_PATH: path.join(dir, 'not-executable'), PATH: PATH() }, 'linux')).toThrow(
    /SOFFICE_PATH=".*not-executable" is not an executable file/,
  );
  expect(() => sofficePath({ SOFFICE_PATH: path.join(dir, 'missing'), PATH: PATH() }, 'linux')).toThrow(
    /is not an executable file/,
  );
});

test('without SOFFICE_PATH: soffice on PATH before libreoffice, wherever they are', () => {
  expect(sofficePath({ PATH: PATH() }, 'linux')).toBe(path.join(dir, 'b', 'soffice'));
  expect(sofficePath({ PATH: path.join(dir, 'a'), SOFFICE_PATH: ' ' }, 'linux')).toBe(
    path.join(dir, 'a', 'libreoffice'),
  );
  expect(() => sofficePath({ PATH: path.join(dir, 'nowhere') }, 'linux')).toThrow(/set SOFFICE_PATH/);
});
