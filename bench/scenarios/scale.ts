import { execFileSync } from 'node:child_process';
import { childEnv } from '../../server/config.ts';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { buildWorkspace } from '../../server/testing/factories.ts';
import { load } from '../load.ts';
import { atMost, percentile, type Metric } from '../report.ts';
import { benchStorage, ROOT, startBenchServer, type BenchTarget } from '../server.ts';
import { SCALE_LEADS, seedAtScale } from '../seed.ts';
import type { Scenario, ScenarioOptions } from './platform.ts';

const DEMO_LEADS = 1_000_000;

/** The leads-list queries a person makes: first page, filters, a search, a deeper page. */
async function leadListRequests(target: BenchTarget): Promise<string[]> {
  const base = `/api/v1/workspaces/${target.workspaceId}/leads`;
  const first = (await (await target.call('leads?limit=50')).json()) as { nextCursor: string };
  return [
    `${base}?limit=50`,
    `${base}?limit=50&stage=mql`,
    `${base}?limit=50&source=webinar`,
    `${base}?limit=50&q=ma`,
    `${base}?limit=50&sort=recently_moved&stage=customer`,
    `${base}?limit=50&cursor=${first.nextCursor}`,
  ];
}

async function timedCalls(target: BenchTarget, path: string, times: number): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response = await target.call(path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await response.arrayBuffer();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

/** The leads list and the funnel report over 200,000 demo leads and 2,000,000 touchpoints. */
async function atScale(options: ScenarioOptions): Promise<Record<string, Metric>> {
  let touchpoints = 0;
  const seed = async (db: Db, workspaceId: string) => {
    touchpoints = (await seedAtScale(db, workspaceId, new Date())).touchpoints;
  };
  const target = await startBenchServer(options.db, options.port, seed);
  try {
    const paths = await leadListRequests(target);
    const result = await load({ url: target.url, connections: 10, seconds: 10, headers: { cookie: target.cookie }, requests: paths });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`leads list: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const funnel = await Promise.all(
      ['source', 'channel', 'campaign'].map((by) => timedCalls(target, `funnel?by=${by}&windowDays=180`, 5)),
    ).then((all) => all.flat().sort((a, b) => a - b));
    const funnelLimit = options.db === 'postgres' ? 500 : 2_000;
    return {
      leads_list_p95: atMost(result.p95, 'ms', 100),
      leads_list_p50: { value: result.p50, unit: 'ms' },
      leads_list_throughput: { value: result.rps, unit: 'req/s' },
      funnel_api_p50: { value: percentile(funnel, 50), unit: 'ms' },
      funnel_api_max: atMost(funnel[funnel.length - 1]!, 'ms', funnelLimit),
      leads: { value: SCALE_LEADS, unit: 'leads' },
      touchpoints: { value: touchpoints, unit: 'touchpoints' },
    };
  } finally {
    await target.stop();
  }
}

/** `accord demo --leads 1000000` as a person would run it, timed end to end. */
async function demoMillion(options: ScenarioOptions): Promise<Record<string, Metric>> {
  const storage = await benchStorage(options.db);
  try {
    const database = await openDatabase(storage.settings);
    await database.migrate();
    await buildWorkspace(database.db, { name: 'Demo', slug: 'demo' });
    await database.close();
    const env = childEnv({ ...storage.env, LOG_LEVEL: 'warn' });
    const started = performance.now();
    execFileSync(process.execPath, ['bin/accord.js', '--workspace', 'demo', 'demo', '--leads', String(DEMO_LEADS)], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'ignore'] });
    return { demo_1m_leads: atMost((performance.now() - started) / 1000, 's', 120) };
  } finally {
    await storage.dispose();
  }
}

export const scaleScenarios: Scenario[] = [
  { name: 'scale', description: 'leads list (10 clients) and funnel API over 200,000 demo leads and 2,000,000 touchpoints', engines: ['postgres', 'embedded'], run: atScale },
  { name: 'demo', description: 'accord demo --leads 1000000', engines: ['postgres'], run: demoMillion },
];
