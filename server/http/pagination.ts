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
