import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from './lockfile.ts';

const POSTGRES_POINTER =
  'This runs on PostgreSQL (DATABASE_URL is set): back it up with pg_dump, e.g. pg_dump "$DATABASE_URL" > accord.sql, and restore with psql.';

function pgFolder(dataDir: string): string {
  return path.join(dataDir, 'pg');
}

/** Writes the embedded database to a gzipped tarball; the folder is locked meanwhile, so the server must be stopped. */
export async function backupEmbeddedFolder(settings: { dataDir: string; databaseUrl?: string | undefined }, file: string): Promise<void> {
  if (settings.databaseUrl) throw new Error(POSTGRES_POINTER);
  if (!fs.existsSync(pgFolder(settings.dataDir))) throw new Error(`No Accord database in ${settings.dataDir}.`);
  const release = acquireDataDirLock(settings.dataDir);
  try {
    const client = await PGlite.create(pgFolder(settings.dataDir));
    const dump = await client.dumpDataDir('gzip');
    await client.close();
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    release();
  }
}

/** Replaces the embedded database with a backup; refuses to overwrite one unless forced. */
export async function restoreEmbeddedFolder(
  settings: { dataDir: string; databaseUrl?: string | undefined },
  file: string,
  isForced: boolean,
): Promise<void> {
  if (settings.databaseUrl) throw new Error(POSTGRES_POINTER);
  if (!fs.existsSync(file)) throw new Error(`No backup file ${file}.`);
  const target = pgFolder(settings.dataDir);
  if (fs.existsSync(target) && !isForced) {
    throw new Error(`${settings.dataDir} already holds a database; add --force to replace it.`);
  }
  const release = acquireDataDirLock(settings.dataDir);
  const staging = `${target}.restoring`;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    const client = await PGlite.create(staging, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await client.query('select 1');
    await client.close();
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`${file} is not a backup Accord can restore (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    release();
  }
}
