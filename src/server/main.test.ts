import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const start = (env: Record<string, string>) =>
  run('npx', ['tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );

describe('starting with a setting that cannot work', () => {
  it('a data directory that cannot be written: one line, non-zero exit', async () => {
    // CI runs as root, who may write anywhere: a folder under a regular file can never be created.
    const result = await start({ DATA_DIR: join('/dev/null', 'opstap') });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Cannot write to the data directory .*DATA_DIR/);
  });

  it('an unreachable DATABASE_URL: one line, non-zero exit', async () => {
    const result = await start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Cannot reach the database in DATABASE_URL/);
  });

  it('a malformed setting names the variable', async () => {
    const result = await start({ PORT: 'eighty' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Setting PORT is not valid/);
  });
});
