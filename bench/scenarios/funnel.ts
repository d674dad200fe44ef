import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../server/db/client.ts';
import { saveRecords } from '../../server/modules/funnel/records.service.ts';
import { atLeast, atMost, type Metric } from '../report.ts';
import { ROOT, startBenchServer } from '../server.ts';
import type { Scenario, ScenarioOptions } from './platform.ts';

const OLIST = path.resolve(ROOT, '../shared/data/olist');
const INGEST_LEADS = 10_000;
const BATCH = 10_000;
const INGEST_BATCHES = 30;
const CONCURRENCY = 3;

async function seedLeads(db: Db, workspaceId: string): Promise<void> {
  const ctx = { db, actor: { kind: 'system' as const, name: 'bench' }, workspaceId, now: new Date() };
  for (let i = 0; i < INGEST_LEADS; i += 2_000) {
    const items = Array.from({ length: 2_000 }, (_, j) => ({ ref: i + j, input: { externalId: `lead-${i + j}`, email: `lead${i + j}@bench.example`, stage: 'lead' as const } }));
    await db.transaction((tx) => saveRecords(tx, { ...ctx, db: tx }, 'lead', items, { cause: 'bench', audit: false }));
  }
}

function batchBody(batch: number): string {
  const base = Date.UTC(2026, 0, 1) + batch * BATCH * 1000;
  const touchpoints = Array.from({ length: BATCH }, (_, i) => ({
    leadExternalId: `lead-${(batch * BATCH + i) % INGEST_LEADS}`,
    type: i % 3 === 0 ? 'email_click' : 'page_view',
    channel: 'email',
    url: `https://brightwash.example/p/${i % 50}`,
    occurredAt: new Date(base + i * 1000).toISOString(),
  }));
  return JSON.stringify({ touchpoints });
}

/** Touchpoints per second through the batch API: several clients sending 10,000-touchpoint batches. */
async function ingest(options: ScenarioOptions): Promise<Record<string, Metric>> {
  const target = await startBenchServer(options.db, options.port, seedLeads);
  try {
    const bodies = Array.from({ length: INGEST_BATCHES }, (_, i) => batchBody(i));
    let next = 0;
    let stored = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const response = await target.call('touchpoints/batch', { method: 'POST', body });
          if (!response.ok) throw new Error(`batch failed: ${response.status} ${await response.text()}`);
          stored += ((await response.json()) as { stored: number }).stored;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const again = await target.call('touchpoints/batch', { method: 'POST', body: bodies[0]! });
    const duplicates = ((await again.json()) as { duplicates: number }).duplicates;
    if (stored !== INGEST_BATCHES * BATCH || duplicates !== BATCH) throw new Error(`stored ${stored}, duplicates on resend ${duplicates}`);
    return {
      touchpoints_per_second: atLeast(stored / seconds, 'touchpoints/s', options.db === 'postgres' ? 20_000 : 5_000),
      touchpoints: { value: stored, unit: 'touchpoints' },
      seconds: { value: seconds, unit: 's' },
    };
  } finally {
    await target.stop();
  }
}

/** Both Olist files through the import API of a running server, as the import page sends them. */
async function olistImport(options: ScenarioOptions): Promise<Record<string, Metric>> {
  const target = await startBenchServer(options.db, options.port);
  try {
    const upload = async (file: string, preset: string) => {
      const started = performance.now();
      const response = await target.call(`imports?preset=${preset}`, { method: 'POST', body: new Blob([fs.readFileSync(path.join(OLIST, file))]), contentType: 'text/csv' });
      const report = (await response.json()) as { isCommitted: boolean; errorCount: number };
      if (!report.isCommitted) throw new Error(`${file} was not imported: ${JSON.stringify(report).slice(0, 300)}`);
      return (performance.now() - started) / 1000;
    };
    const mql = await upload('olist_marketing_qualified_leads_dataset.csv', 'olist-mql');
    const deals = await upload('olist_closed_deals_dataset.csv', 'olist-deals');
    return {
      both_files: atMost(mql + deals, 's', 5),
      mql_file: { value: mql, unit: 's' },
      deals_file: { value: deals, unit: 's' },
    };
  } finally {
    await target.stop();
  }
}

export const funnelScenarios: Scenario[] = [
  { name: 'ingest', description: 'touchpoint batch API throughput (30 batches of 10,000, 3 clients)', engines: ['postgres', 'embedded'], run: ingest },
  { name: 'olist-import', description: 'both Olist files through the import API', engines: ['postgres', 'embedded'], run: olistImport },
];
