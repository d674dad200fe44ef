import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database, Db, DbKind } from '../db/client.ts';
import { openTestDatabase, testEngines } from './engines.ts';

export const TEST_ORIGIN = 'http://accord.test';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ dataDir: '/nonexistent/accord-test' }, { ACCORD_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: TEST_ORIGIN, DEMO_LEADS: '300', ...env });
}

export type Harness = {
  kind: DbKind;
  db: Db;
  app: FastifyInstance;
  config: Config;
  /** The time the app sees; null means the real clock. */
  now: Date | null;
  /** Sends a request as the web page would (same origin), with a session cookie or an API token. */
  request: (options: RequestOptions) => Promise<LightMyRequestResponse>;
};

export type RequestOptions = {
  method: InjectOptions['method'];
  url: string;
  cookie?: string | undefined;
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
};

/**
 * Runs the body once per engine (PGlite, and PostgreSQL when configured), each with a fresh
 * database cloned from the migrated template and a real app on it.
 */
export function describeOnEngines(name: string, body: (h: Harness) => void, env: Record<string, string> = {}): void {
  describe.each(testEngines())(`${name} [%s]`, (kind) => {
    let database: Database;
    const h = { kind, now: null } as Harness;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
      h.db = database.db;
      h.config = testConfig(env);
      h.app = await buildApp({ db: database.db, config: h.config, clock: () => h.now ?? new Date(), logger: false });
      h.request = (options) =>
        h.app.inject({
          method: options.method,
          url: options.url,
          headers: {
            origin: TEST_ORIGIN,
            ...(options.cookie ? { cookie: options.cookie } : {}),
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...options.headers,
          },
          ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
        });
    });
    afterAll(async () => {
      await h.app?.close();
      await database?.close();
    });
    body(h);
  });
}
