import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../server/db/lockfile.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/accord.js');
const run = promisify(execFile);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-'));

async function accord(args: string[], env: Record<string, string> = {}) {
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...baseEnv, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('accord command line', () => {
  it('has help on every command', async () => {
    const help = await accord(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'users', 'backup', 'restore']) expect(help.stdout).toContain(command);
    expect(help.stdout).toContain('--data <dir>');
    expect(help.stdout).toContain('--workspace <slug>');
    const usersHelp = await accord(['users', 'create', '--help']);
    expect(usersHelp.stdout).toContain('--email <email>');
  });

  it('fails with one line and a non-zero code on bad input', async () => {
    const result = await accord(['--data', path.join(scratch, 'bad'), 'users', 'create', '--email', 'not-an-email', '--name', 'X']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('accord: --email must be a valid email address');
  });

  it('creates a person with a sign-in link, backs up and restores the embedded database', async () => {
    const data = path.join(scratch, 'main');
    const created = await accord(['--data', data, 'users', 'create', '--email', 'ann@example.com', '--name', 'Ann']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/http:\/\/localhost:3000\/link\/[\w-]{20,}/);

    const file = path.join(scratch, 'backup.tar.gz');
    expect((await accord(['--data', data, 'backup', file])).code).toBe(0);
    const restored = path.join(scratch, 'restored');
    expect((await accord(['--data', restored, 'restore', file])).code).toBe(0);
    const link = await accord(['--data', restored, 'users', 'reset-link', '--email', 'ann@example.com']);
    expect(link.code).toBe(0);
    expect(link.stdout).toContain('/link/');

    const again = await accord(['--data', restored, 'restore', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
  }, 120_000);

  it('refuses a data folder another process holds', async () => {
    const data = path.join(scratch, 'locked');
    const release = acquireDataDirLock(data);
    try {
      const result = await accord(['--data', data, 'migrate']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`in use by another Accord process (pid ${process.pid})`);
    } finally {
      release();
    }
  });

  it('points to pg_dump for a PostgreSQL backup', async () => {
    const result = await accord(['backup', path.join(scratch, 'x.tar.gz')], { DATABASE_URL: 'postgres://nowhere/accord' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pg_dump');
  });
});
