/**
 * Where LibreOffice is: $SOFFICE_PATH when set (scripts/test.sh exports it; macOS and Windows
 * installs are not on PATH), else `soffice` or `libreoffice` found on PATH. Searched here rather
 * than with `which`, which Windows does not have.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function sofficePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const configured = env.SOFFICE_PATH?.trim();
  if (configured) {
    // A set but wrong SOFFICE_PATH is a mistake to report, not a reason to run another LibreOffice.
    if (!isExecutable(configured)) throw new Error(`SOFFICE_PATH="${configured}" is not an executable file`);
    return configured;
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const suffixes = platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of ['soffice', 'libreoffice'])
    for (const dir of dirs)
      for (const suffix of suffixes) {
        const file = path.join(dir, name + suffix);
        if (isExecutable(file)) return file;
      }
  throw new Error(
    'LibreOffice (soffice) is not installed or not on PATH: apt-get install -y libreoffice-calc-nogui, or set SOFFICE_PATH',
  );
}
