import type { Db } from './client.ts';

/**
 * A statement prepared once per database handle (on PostgreSQL then once per connection, by its
 * name): built and planned once, run many times with its placeholders. For the statements that
 * every request, or every launch gate, makes.
 */
export function preparedOnce<T>(prepare: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (db) => {
    let statement = prepared.get(db);
    if (!statement) prepared.set(db, (statement = prepare(db)));
    return statement;
  };
}
