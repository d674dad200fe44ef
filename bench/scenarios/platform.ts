import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from '../load.ts';
import { atMost, type Metric } from '../report.ts';
import { startAndWait, stopProcess } from '../../server/testing/processes.ts';
import { ROOT, startBenchServer, type BenchDb } from '../server.ts';

export type ScenarioOptions = { db: BenchDb; port: number };
export type Scenario = { name: string; description: string; engines: BenchDb[]; run: (options: ScenarioOptions) => Promise<Record<string, Metric>> };

async function authenticatedGet(options: ScenarioOptions, seconds: number, connections: number): Promise<Record<string, Metric>> {
  const target = await startBenchServer(options.db, options.port);
  try {
    const result = await load({
      url: `${target.url}/api/v1/workspaces/${target.workspaceId}`,
      headers: { cookie: target.cookie },
      connections,
      seconds,
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`load saw ${result.non2xx} non-2xx and ${result.errors} errors`);
    return {
      p95: options.db === 'postgres' ? atMost(result.p95, 'ms', 20) : { value: result.p95, unit: 'ms' },
      p50: { value: result.p50, unit: 'ms' },
      p99: { value: result.p99, unit: 'ms' },
      throughput: { value: result.rps, unit: 'req/s' },
      requests: { value: result.requests, unit: 'requests' },
    };
  } finally {
    await target.stop();
  }
}

/** A fresh clone: npm ci (not timed), then npm start until the first page answers; then a restart. */
async function cleanStart(options: ScenarioOptions): Promise<Record<string, Metric>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-clone-'));
  try {
    execFileSync('git', ['clone', '-q', ROOT, dir]);
    const installStarted = performance.now();
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'ignore' });
    const installSeconds = (performance.now() - installStarted) / 1000;
    const url = `http://127.0.0.1:${options.port}/`;
    const env = { PORT: String(options.port), LOG_LEVEL: 'warn' };
    const first = await startAndWait(['npm', 'start'], { cwd: dir, env, url });
    await stopProcess(first.child);
    const again = await startAndWait(['npm', 'start'], { cwd: dir, env, url });
    await stopProcess(again.child);
    return {
      first_start: atMost(first.ms / 1000, 's', 15),
      restart: atMost(again.ms / 1000, 's', 3),
      npm_ci: { value: installSeconds, unit: 's' },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const platformScenarios: Scenario[] = [
  {
    name: 'startup',
    description: 'clean clone: npm ci, then npm start to the first page; then a restart (embedded)',
    engines: ['embedded'],
    run: cleanStart,
  },
  {
    name: 'api-get',
    description: 'authenticated GET of a small resource, 50 concurrent clients for 10 s',
    engines: ['postgres', 'embedded'],
    run: (options) => authenticatedGet(options, 10, 50),
  },
  {
    name: 'smoke',
    description: 'a 2-second authenticated GET load, to prove the harness works (CI)',
    engines: ['embedded'],
    run: (options) => authenticatedGet(options, 2, 10),
  },
];
