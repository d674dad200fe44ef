import type { Config } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/client.ts';
import type { ServiceContext } from '../server/http/context.ts';
import { workspaces } from '../server/modules/workspaces/workspaces.table.ts';

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

/** The workspace a command acts in: the one named by --workspace, or the only one there is. */
export async function workspaceContext(db: Db, slug: string | undefined): Promise<ServiceContext> {
  const all = await db.select({ id: workspaces.id, slug: workspaces.slug }).from(workspaces).orderBy(workspaces.slug);
  const chosen = slug ? all.find((w) => w.slug === slug) : all.length === 1 ? all[0] : undefined;
  if (!chosen) {
    const known = all.map((w) => w.slug).join(', ') || 'none yet';
    throw new Error(slug ? `--workspace: no workspace "${slug}" (known: ${known})` : `--workspace is required: one of ${known}`);
  }
  return { db, actor: { kind: 'system', name: 'command line' }, workspaceId: chosen.id, now: new Date() };
}
