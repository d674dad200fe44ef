import type { Config } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/client.ts';

/** Opens the configured database, brings it up to date, runs the work, and always closes it. */
export async function withDatabase<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await work(database.db);
  } finally {
    await database.close();
  }
}
