import path from 'node:path';
import { memoryStream } from '../../src/cli/io';
import { createProgress, PROGRESS_MIN_FILES, withProgress } from '../../src/cli/progress';
import { cli, tempDir } from './helpers';

describe('progress bar', () => {
  it('draws on a terminal when there are more than a few files, and clears its line at the end', () => {
    const stream = memoryStream(true);
    const progress = createProgress(stream, 5);
    for (let i = 1; i <= 5; i++) progress.tick(`file${i}.xlsx`);
    progress.done();
    const text = stream.text();
    expect(text).toContain('1/5 file1.xlsx');
    expect(text).toContain('[########################] 5/5 file5.xlsx');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('stays silent when the stream is not a terminal', () => {
    const stream = memoryStream(false);
    const progress = createProgress(stream, 50);
    progress.tick('a.xlsx');
    progress.done();
    expect(stream.text()).toBe('');
  });

  it(`stays silent for ${PROGRESS_MIN_FILES - 1} files or fewer`, () => {
    const stream = memoryStream(true);
    const progress = createProgress(stream, PROGRESS_MIN_FILES - 1);
    progress.tick('a.xlsx');
    progress.done();
    expect(stream.text()).toBe('');
  });

  it('keeps a long file name to the terminal width', () => {
    const stream = { ...memoryStream(true), columns: 60 };
    const chunks: string[] = [];
    stream.write = (s: string) => chunks.push(s);
    const progress = createProgress(stream, 4);
    progress.tick('/a/very/long/path/'.repeat(10) + 'last.xlsx');
    expect(chunks[0].replace('\r\x1b[K', '').length).toBeLessThanOrEqual(59);
    expect(chunks[0]).toContain('last.xlsx');
  });
});

describe('withProgress', () => {
  const files = ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx'];

  it('ticks for each file the work reports and returns what the work returns', async () => {
    const stream = memoryStream(true);
    const result = await withProgress(stream, files, async (onFile) => {
      files.forEach(onFile);
      return 'done';
    });
    expect(result).toBe('done');
    expect(stream.text()).toContain('4/4 d.xlsx');
    expect(stream.text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('clears the bar and passes the error on when the work fails', async () => {
    const stream = memoryStream(true);
    const failure = withProgress(stream, files, async (onFile) => {
      onFile('a.xlsx');
      throw new Error('disk gone');
    });
    await expect(failure).rejects.toThrow('disk gone');
    expect(stream.text()).toContain('1/4 a.xlsx');
    expect(stream.text().endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('check draws the bar on stderr only for a terminal', () => {
  const tmp = tempDir();
  const files = ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx'];
  beforeAll(async () => {
    expect((await cli(['template', path.join(tmp.dir, 'a.xlsx'), '--only', 'II'])).code).toBe(0);
    for (const name of files.slice(1))
      expect((await cli(['template', path.join(tmp.dir, name), '--only', 'II'])).code).toBe(0);
  }, 60_000);
  afterAll(() => tmp.remove());

  it('with a TTY stderr and 4 files', async () => {
    const result = await cli(['check', ...files, '--json'], { cwd: tmp.dir, stderrTTY: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('4/4 d.xlsx');
    expect(JSON.parse(result.stdout).files).toHaveLength(4);
  });

  it('not when stderr is redirected', async () => {
    const result = await cli(['check', ...files], { cwd: tmp.dir, stderrTTY: false });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('not for 3 files even on a terminal', async () => {
    const result = await cli(['check', ...files.slice(0, 3)], { cwd: tmp.dir, stderrTTY: true });
    expect(result.stderr).toBe('');
  });
});
