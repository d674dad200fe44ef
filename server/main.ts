import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { bootstrapFirstStart } from './bootstrap.ts';
import { rescoreInBackground } from './modules/contract/scoring.service.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { appJobs } from './jobs/jobs.ts';
import { startJobs } from './jobs/scheduler.ts';

export type RunningServer = { app: FastifyInstance; database: Database; url: string; stop: () => Promise<void> };

/** config -> database -> migrations -> first-start bootstrap -> app -> listen -> background jobs. */
export async function startServer(config: Config, print: (line: string) => void = console.log): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const firstStart = await bootstrapFirstStart(database.db, config, new Date());
    const app = await buildApp({ db: database.db, config });
    const address = await app.listen({ port: config.port, host: config.host });
    const jobs = startJobs(appJobs({ db: database.db, config }), app.log);
    const url = config.publicUrl;
    print(`Accord is running at ${url} (${database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}; listening on ${address})`);
    if (firstStart) {
      // The demo's leads are scored by its signed contract once the server is up: the first page need not wait.
      rescoreInBackground({ db: database.db, actor: { kind: 'system', name: 'first start' }, workspaceId: firstStart.demoWorkspaceId, now: new Date() }, app.log);
      print(`First start: created the admin ${config.adminEmail} and the Demo workspace.`);
      print(`Sign in once with this link (valid 24 hours) and choose a password:\n  ${firstStart.signInLink}`);
    }
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await jobs.stop();
      await app.close();
      await database.close();
    };
    return { app, database, url, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}
