import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { QueryOptions } from '@electric-sql/pglite';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTransaction, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.ts';

/** Rows for `copy … from stdin (format binary)`: the table, its columns in order, and the rows encoded (see `BinaryRows`). */
export type BinaryCopy = { table: string; columns: readonly string[]; data: Buffer };

/** A PGlite instance or transaction as drizzle holds it; pg's pools and clients take the same (text, params) call. */
type PgliteConnection = { query: (query: string, params?: unknown[], options?: QueryOptions) => Promise<unknown> };
/** What drizzle queries through: a pg pool or client, or PGlite. */
type Driver = pg.Pool | pg.ClientBase | PgliteConnection;

/** The driver under a drizzle database or transaction: drizzle keeps it on its session. */
function driverOf(db: Db): Driver {
  return (db._.session as unknown as { client: Driver }).client;
}

/** The driver's connection under a drizzle transaction. */
function connectionOf(tx: Db): pg.ClientBase | PgliteConnection {
  if (!is(tx, PgTransaction)) throw new Error('copyBinary writes inside a transaction: call it with the transaction, not the database');
  return driverOf(tx) as pg.ClientBase | PgliteConnection;
}

/**
 * Writes the rows with one binary COPY in the transaction: no statement to parse and no text to
 * read back into values, so PostgreSQL spends its time on the rows themselves (measured on the
 * demo's tables: about a sixth less than `insert … select from unnest`). PGlite reads the same
 * bytes as a file.
 */
export async function copyBinary(tx: Db, { table, columns, data }: BinaryCopy): Promise<void> {
  const connection = connectionOf(tx);
  const statement = `copy ${pg.escapeIdentifier(table)} (${columns.map((column) => pg.escapeIdentifier(column)).join(', ')})`;
  if (connection instanceof pg.Client) {
    await pipeline(Readable.from([data]), connection.query(copyFrom(`${statement} from stdin with (format binary)`)));
  } else {
    await (connection as PgliteConnection).query(`${statement} from '/dev/blob' with (format binary)`, [], { blob: new Blob([data as Uint8Array<ArrayBuffer>]) });
  }
}

/** Parameters per statement: PostgreSQL's limit is 65,535. */
const PARAMS_PER_STATEMENT = 30_000;

/**
 * Inserts rows with multi-row VALUES statements written here, straight to the driver: drizzle's
 * builder spent about half of an 8,000-lead import walking its SQL chunks (measured on PGlite:
 * 1.9 s of 4 s). Each value goes through its column's own mapping, as drizzle does; a column a
 * row leaves out takes its default.
 */
export async function insertRows<T extends PgTable>(db: Db, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const byKey = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(byKey).filter((key) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined));
  const names = keys.map((key) => pg.escapeIdentifier(byKey[key]!.name)).join(', ');
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / keys.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const values = keys.map((key) => {
        const value = (row as Record<string, unknown>)[key];
        if (value === undefined) return 'default';
        params.push(value === null ? null : byKey[key]!.mapToDriverValue(value));
        return `$${params.length}`;
      });
      return `(${values.join(', ')})`;
    });
    await (driverOf(db) as PgliteConnection).query(`insert into ${pg.escapeIdentifier(getTableName(table))} (${names}) values ${tuples.join(', ')}`, params);
  }
}
