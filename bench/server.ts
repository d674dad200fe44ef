import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDatabaseUrl } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/client.ts';
import { adminQuery, databaseUrlFor } from '../server/db/test-databases.ts';
import { buildUser, buildWorkspace } from '../server/testing/factories.ts';
import { startAndWait, stopProcess } from '../server/testing/processes.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export type BenchDb = 'embedded' | 'postgres';

export type BenchTarget = {
  url: string;
  workspaceId: string;
  cookie: string;
  /** A request to the workspace's API as the signed-in admin (path relative to /api/v1/workspaces/:id/). */
  call: (path: string, init?: { method?: string; body?: string | Blob; contentType?: string }) => Promise<Response>;
  stop: () => Promise<void>;
};

/** Fills the workspace before the server starts (the embedded folder admits one process at a time). */
export type BenchSeed = (db: Db, workspaceId: string) => Promise<void>;

/** A place for one run's data: a temporary folder, or a new PostgreSQL database dropped afterwards. */
export async function benchStorage(db: BenchDb): Promise<{ env: Record<string, string>; settings: { dataDir: string; databaseUrl?: string }; dispose: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  if (db === 'embedded') {
    return { env: { DATA_DIR: dataDir }, settings: { dataDir }, dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const admin = benchDatabaseUrl();
  const name = `accord_bench_${Date.now()}`;
  await adminQuery(admin, `create database ${name}`);
  const databaseUrl = databaseUrlFor(admin, name);
  return {
    env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    settings: { dataDir, databaseUrl },
    dispose: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(admin, `drop database if exists ${name} with (force)`);
    },
  };
}

/** A seeded workspace and a running Accord server process on the chosen engine, signed in. */
export async function startBenchServer(db: BenchDb, port: number, seed?: BenchSeed): Promise<BenchTarget> {
  const storage = await benchStorage(db);
  const database = await openDatabase(storage.settings);
  await database.migrate();
  const { workspace, admin } = await buildWorkspace(database.db);
  for (let i = 0; i < 20; i++) await buildUser(database.db);
  await seed?.(database.db, workspace.id);
  await database.close();

  const url = `http://127.0.0.1:${port}`;
  const { child } = await startAndWait([process.execPath, 'bin/accord.js', 'serve'], {
    cwd: ROOT,
    env: { ...storage.env, PORT: String(port), LOG_LEVEL: 'warn', PUBLIC_URL: url },
    url: `${url}/api/health`,
  });
  const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  if (!signIn.ok || !cookie) throw new Error(`bench sign-in failed: ${signIn.status}`);
  return {
    url,
    workspaceId: workspace.id,
    cookie,
    call: (path, init = {}) =>
      fetch(`${url}/api/v1/workspaces/${workspace.id}/${path}`, {
        method: init.method ?? 'GET',
        headers: { cookie, origin: url, ...(init.body ? { 'content-type': init.contentType ?? 'application/json' } : {}) },
        ...(init.body ? { body: init.body } : {}),
      }),
    stop: async () => {
      await stopProcess(child);
      await storage.dispose();
    },
  };
}
