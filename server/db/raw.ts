import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * Runs raw SQL and returns its rows; both drivers answer `{ rows }`. Cast counts to int in
 * the SQL: bigint arrives as a number from PGlite and as a string from pg.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** One array parameter for any number of ids (or versions): the same statement on PGlite and PostgreSQL. */
export function arrayParam(values: readonly (string | number)[], type: 'uuid' | 'int'): SQL {
  return sql`${`{${values.join(',')}}`}::${sql.raw(type)}[]`;
}

/** `column = any(ids)`: an index scan per id, whatever the number of ids. */
export function idsIn(column: AnyPgColumn, ids: readonly string[]): SQL {
  return sql`${column} = any(${arrayParam(ids, 'uuid')})`;
}
