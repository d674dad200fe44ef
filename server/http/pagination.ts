import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from './errors.ts';

export type Page<T> = { items: T[]; nextCursor: string | null };
export type CursorPosition = { at: Date; id: string };

/** Cursors are opaque to clients: the sort key of the last row seen, base64url-encoded. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string') throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw new AppError('validation_failed', 'cursor is not a cursor this server issued', [
      { field: 'cursor', message: 'is not a cursor this server issued' },
    ]);
  }
}

/** In newest-first order, the rows after the position: older, or as old with a smaller id. */
export function olderThan(at: PgColumn, id: PgColumn, position: CursorPosition): SQL {
  return or(lt(at, position.at), and(eq(at, position.at), lt(id, position.id))) as SQL;
}

/** A page from `limit + 1` fetched rows: the first `limit`, and a cursor at the last of them when there are more. */
export function toPage<R, T>(rows: R[], limit: number, positionOf: (row: R) => CursorPosition, toItem: (row: R) => T): Page<T> {
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items: rows.slice(0, limit).map(toItem), nextCursor: last === undefined ? null : encodeCursor(positionOf(last)) };
}
