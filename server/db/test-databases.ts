import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPostgres, wrapPglite, type Database } from './client.ts';

/** Test and bench support: throwaway databases; migrated templates made once per run, cloned once per test file. */

export function databaseUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, statement: string, params: unknown[] = []) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await admin.query(statement, params);
  } finally {
    await admin.end();
  }
}

export async function writePgliteTemplate(file: string): Promise<void> {
  const client = await PGlite.create();
  await wrapPglite(client).migrate();
  const dump = await client.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}

export async function clonePgliteTemplate(file: string): Promise<Database> {
  return wrapPglite(await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]) }));
}

export async function createPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `accord_tpl_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const template = openPostgres(databaseUrlFor(adminUrl, name), 1);
  await template.migrate();
  await template.close();
  return name;
}

export async function clonePostgresTemplate(adminUrl: string, template: string): Promise<Database> {
  // Named after the run's template, so that a run's clean-up never touches another run's databases.
  const name = `${template.replace('accord_tpl_', 'accord_t_')}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  const database = openPostgres(databaseUrlFor(adminUrl, name), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * Drops a database once the connections just closed have gone. Not WITH (FORCE): terminating a
 * connection that is still saying goodbye makes its client report an error nobody listens to.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `drop database if exists ${name}`);
      return;
    } catch (error) {
      const isInUse = (error as { code?: string }).code === '55006';
      if (!isInUse || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Drops the run's template and any of its test databases a crashed file left behind. */
export async function dropPostgresTestDatabases(adminUrl: string, template: string): Promise<void> {
  const clones = `${template.replace('accord_tpl_', 'accord_t_')}_`.replaceAll('_', '\\_');
  const leftovers = await adminQuery(adminUrl, `select datname from pg_database where datname like $1 || '%' or datname = $2`, [clones, template]);
  for (const { datname } of leftovers.rows as { datname: string }[]) {
    await adminQuery(adminUrl, `drop database if exists ${datname} with (force)`);
  }
}
