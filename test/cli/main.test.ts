import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEMPLATE_VERSION } from '../../src/catalog';
import { cli, tempDir } from './helpers';

jest.mock('../../src/engine', () => {
  const actual = jest.requireActual('../../src/engine');
  return {
    ...actual,
    validateWorkbook: jest.fn(actual.validateWorkbook),
  };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocked module, to make it throw once
const engine = require('../../src/engine') as { validateWorkbook: jest.Mock };

const run = promisify(execFile);
const BIN = path.join(__dirname, '../../src/cli/bin.js');

describe('cchc main', () => {
  it('prints the usage on stderr and exits 2 without a command', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cách dùng: cchc <lệnh>');
  });

  it('--help prints the usage on stdout (in English with --lang en) and exits 0', async () => {
    expect((await cli(['--help'])).stdout).toContain('cchc consolidate');
    const en = await cli(['check', '--help', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: cchc <command>');
  });

  it('--version prints the template version', async () => {
    expect((await cli(['--version'])).stdout).toBe(`cchc ${TEMPLATE_VERSION}\n`);
  });

  it.each([
    [['frobnicate'], /Không có lệnh "frobnicate"/],
    [['catalog', '--jsn'], /Không có tùy chọn --jsn/],
    [['catalog', '--lang', 'fr'], /Ngôn ngữ "fr"/],
    [['template'], /Cần đúng một tên tệp/],
    [['template', 'a.xlsx', '--only'], /--only cần một giá trị/],
  ])('a user mistake %j: message and usage, exit 2, no stack trace', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Cách dùng');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('speaks English in a usage error when --lang en is given', async () => {
    const result = await cli(['frobnicate', '--lang', 'en']);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });

  describe('an unexpected error', () => {
    it('gives a short message and exit 2; the stack only with CCHC_DEBUG=1', async () => {
      const dir = tempDir();
      try {
        const file = path.join(dir.dir, 't.xlsx');
        expect((await cli(['template', file, '--only', 'II'])).code).toBe(0);
        engine.validateWorkbook.mockImplementationOnce(() => {
          throw new TypeError('boom in the engine');
        });
        const quiet = await cli(['check', file]);
        expect(quiet.code).toBe(2);
        expect(quiet.stderr).toContain('lỗi không mong đợi: boom in the engine');
        expect(quiet.stderr).toContain('CCHC_DEBUG=1');
        expect(quiet.stderr).not.toMatch(/\n\s+at /);

        engine.validateWorkbook.mockImplementationOnce(() => {
          throw new TypeError('boom in the engine');
        });
        const loud = await cli(['check', file], { env: { CCHC_DEBUG: '1' } });
        expect(loud.code).toBe(2);
        expect(loud.stderr).toMatch(/TypeError: boom in the engine\n\s+at /);
      } finally {
        dir.remove();
      }
    });
  });

  it('runs through the published bin (tsx), with exit status and stderr of a real process', async () => {
    const { stdout } = await run(process.execPath, [BIN, '--version']);
    expect(stdout).toBe(`cchc ${TEMPLATE_VERSION}\n`);
    const missing = await run(process.execPath, [BIN, 'check', 'khong-co-tep.xlsx']).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co-tep.xlsx: không tìm thấy tệp.');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
