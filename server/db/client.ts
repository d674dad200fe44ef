import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, types, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataDirLock } from './lockfile.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'embedded' | 'postgres';

export type Database = {
  db: Db;
  kind: DbKind;
  /** Runs the forward-only migrations that have not run yet. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

const MIGRATION_LOCK_KEY = 7_420_001;

/** Opens PostgreSQL at the URL; migrations take an advisory lock so several instances can start at once. */
export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The types drizzle reads as PGlite gives them (text): timestamps, dates, intervals and their arrays, numeric[]. */
const READ_AS_GIVEN = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];

/** Queries that leave the instance's own parsers in charge (see `wrapPglite`). */
function withInstanceParsers(client: Pick<Transaction, 'query'>) {
  return <T>(query: string, params?: unknown[], options?: QueryOptions) => client.query<T>(query, params, options && { ...options, parsers: undefined });
}

/**
 * Wraps an open PGlite instance (a data folder, or a clone in tests). Drizzle hands every query
 * its own parsers for a few types, and PGlite then copies its whole table of some 300 parsers
 * for that query: measured, 0.09 ms each time, a third of a small query. So the instance itself
 * reads those types as drizzle wants, and drizzle's queries reach it without parsers of their own.
 */
export function wrapPglite(client: PGlite, onClose: () => void = () => undefined): Database {
  for (const type of READ_AS_GIVEN) client.parsers[type] = (value: string) => value;
  const drizzleClient = {
    query: withInstanceParsers(client),
    transaction: <T>(work: (tx: Pick<Transaction, 'query'>) => Promise<T>) => client.transaction((tx) => work({ query: withInstanceParsers(tx) })),
  } as unknown as PGlite;
  const db = drizzlePglite({ client: drizzleClient, schema });
  return {
    db: db as unknown as Db,
    kind: 'embedded',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await client.close();
      onClose();
    },
  };
}

/** Opens the embedded database in its folder, holding the folder's lock until close. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const release = acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(path.join(dataDir, 'pg'));
    return wrapPglite(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

export function openDatabase(settings: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return settings.databaseUrl ? Promise.resolve(openPostgres(settings.databaseUrl)) : openEmbedded(settings.dataDir);
}
