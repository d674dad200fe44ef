import fs from 'node:fs';
import path from 'node:path';
import { attributePaths } from '../../core/attribution/attribute.ts';
import { journeysToPaths, type Journey } from '../../core/attribution/journeys.ts';
import { markovAttribution } from '../../core/attribution/markov.ts';
import { parsePathFile } from '../../core/attribution/path-file.ts';
import { preparePaths, type AttributionPath } from '../../core/attribution/paths.ts';
import { revenueBridge, type SegmentFactors } from '../../core/bridge/revenue-bridge.ts';
import { Random } from '../../server/demo/random.ts';
import { openDatabase } from '../../server/db/client.ts';
import type { ServiceContext } from '../../server/http/context.ts';
import { attributionReport } from '../../server/modules/attribution/attribution.service.ts';
import { revenueBridgeReport } from '../../server/modules/attribution/bridge.service.ts';
import { createTarget, periodScorecard } from '../../server/modules/attribution/targets.service.ts';
import { buildWorkspace } from '../../server/testing/factories.ts';
import { atMost, percentile, timed, timedAsync, type Metric } from '../report.ts';
import { benchStorage, ROOT } from '../server.ts';
import { ATTRIBUTION_PERIOD, seedAttributionWorkspace } from './attribution-db.ts';
import type { Scenario, ScenarioOptions } from './platform.ts';

const DATA_CSV = path.resolve(ROOT, '../shared/data/channel-attribution/Data.csv');
const RUNS = 10;
const JOURNEY_RUNS = 5;
const DAY_MS = 86_400_000;

const channelNames = (count: number) => Array.from({ length: count }, (_, i) => `channel_${i + 1}`);

/** Distinct aggregated paths over `channels` channels, 1 to 8 touches, with conversions and nulls. */
function syntheticPaths(random: Random, channels: number, count: number): AttributionPath[] {
  const names = channelNames(channels);
  return Array.from({ length: count }, () => {
    const conversions = random.int(0, 5);
    return {
      channels: Array.from({ length: random.int(1, 8) }, () => random.pick(names)),
      conversions,
      value: conversions * random.logNormal(100, 0.8),
      nulls: random.int(0, 20),
    };
  });
}

/** Journeys of 1 to 19 timestamped touches (10 on average) over 20 channels and 60 campaigns; every other one converts. */
function syntheticJourneys(random: Random, count: number): Journey[] {
  const names = channelNames(20);
  return Array.from({ length: count }, (_, i) => {
    const length = 1 + (i % 19);
    let at = Date.UTC(2026, 0, 1) + random.int(0, 300) * DAY_MS;
    const touches = Array.from({ length }, (_, t) => {
      at += random.exponential(3 * DAY_MS);
      const channel = random.pick(names);
      return { channel, campaign: `${channel}/${random.int(1, 3)}`, at, isLeadCreation: t === Math.floor(length / 3), isOpportunityCreation: t === Math.floor((2 * length) / 3) };
    });
    return { touches, convertedAt: i % 2 === 0 ? at + DAY_MS : null, value: random.logNormal(8000, 0.7) };
  });
}

/** Two periods of `count` segments whose factors drift a little; a few segments appear or go. */
function syntheticBridge(random: Random, count: number): { base: SegmentFactors[]; current: SegmentFactors[] } {
  const period = () =>
    Array.from({ length: count }, (_, i) => ({
      segment: `segment_${i + 1}`,
      leads: random.int(0, 5) === 0 ? 0 : random.int(100, 5000),
      mqlRate: random.between(0.1, 0.5),
      acceptanceRate: random.between(0.4, 0.9),
      opportunityRate: random.between(0.2, 0.7),
      winRate: random.between(0.1, 0.4),
      avgDealSize: random.logNormal(12_000, 0.5),
      discount: random.between(0, 0.3),
    }));
  return { base: period(), current: period() };
}

/** p95 against a limit, and p50 beside it. */
function p95AndP50(name: string, durations: number[], limit: number | null): Record<string, Metric> {
  const p95 = percentile(durations, 95);
  return {
    [`${name}_p95`]: limit === null ? { value: p95, unit: 'ms' } : atMost(p95, 'ms', limit),
    [`${name}_p50`]: { value: percentile(durations, 50), unit: 'ms' },
  };
}

/** Exact Markov on synthetic and real paths, the LMDI bridge, and every model over a million touches, in process. */
async function attributionCore(): Promise<Record<string, Metric>> {
  if (!fs.existsSync(DATA_CSV)) throw new Error(`attribution-core reads ${DATA_CSV}, which is missing`);
  const random = new Random(6);
  const synthetic = preparePaths(syntheticPaths(random, 20, 20_000));
  const text = fs.readFileSync(DATA_CSV, 'utf8');
  const parse = timed(RUNS, () => parsePathFile(text));
  const data = preparePaths(parsePathFile(text));
  const bridge = syntheticBridge(random, 20);
  const journeys = syntheticJourneys(random, 100_000);
  const touches = journeys.reduce((sum, j) => sum + j.touches.length, 0);
  const conversions = journeys.filter((j) => j.convertedAt !== null).length;
  return {
    ...p95AndP50('markov_20_channels_20k_paths', timed(RUNS, () => markovAttribution(synthetic)), 100),
    ...p95AndP50('markov_data_csv', timed(RUNS, () => markovAttribution(data)), 50),
    ...p95AndP50('parse_data_csv', parse, null),
    ...p95AndP50('bridge_20_segments', timed(RUNS, () => revenueBridge(bridge)), 50),
    ...p95AndP50('all_models_journeys', timed(JOURNEY_RUNS, () => attributePaths(journeysToPaths(journeys))), 1000),
    journey_touches: { value: touches, unit: 'touches' },
    journey_conversions: { value: conversions, unit: 'conversions' },
  };
}

const DB_RUNS = 3;

/**
 * The workspace's attribution, in process, over 1,000,000 touchpoints and 50,000 deals (each a
 * pipeline and a revenue conversion): loading, journeys, every model, tallies; then the scorecard and
 * the revenue bridge of a quarter of the same workspace.
 */
async function attributionInWorkspace(options: ScenarioOptions): Promise<Record<string, Metric>> {
  const storage = await benchStorage(options.db);
  const database = await openDatabase(storage.settings);
  try {
    await database.migrate();
    const { workspace } = await buildWorkspace(database.db);
    const seeded = await seedAttributionWorkspace(database.db, workspace.id);
    const ctx: ServiceContext = { db: database.db, actor: { kind: 'system', name: 'bench' }, workspaceId: workspace.id, now: new Date('2026-07-15T00:00:00Z') };
    const query = { ...ATTRIBUTION_PERIOD, by: 'channel' as const };
    const report = await attributionReport(ctx, query);
    const byChannel = await timedAsync(DB_RUNS, () => attributionReport(ctx, query));
    const byCampaign = await timedAsync(1, () => attributionReport(ctx, { ...query, by: 'campaign' }));
    await createTarget(ctx, { period: '2026-Q2', amountMinor: 20_000_000_000, currency: 'EUR' });
    const scorecard = await timedAsync(DB_RUNS, () => periodScorecard(ctx, '2026-Q2'));
    const bridge = await timedAsync(DB_RUNS, () => revenueBridgeReport(ctx, { period: '2026-Q2', compare: 'target' }));
    const limit = options.db === 'postgres' ? 3000 : 10_000;
    return {
      all_models_1m_touches: atMost(percentile(byChannel, 50), 'ms', limit),
      all_models_1m_touches_max: { value: byChannel[byChannel.length - 1]!, unit: 'ms' },
      all_models_by_campaign: { value: byCampaign[0]!, unit: 'ms' },
      scorecard_p50: { value: percentile(scorecard, 50), unit: 'ms' },
      bridge_vs_target_p50: { value: percentile(bridge, 50), unit: 'ms' },
      touchpoints: { value: seeded.touchpoints, unit: 'touchpoints' },
      pipeline_conversions: { value: report.pipeline.conversions, unit: 'deals' },
      revenue_conversions: { value: report.revenue.conversions, unit: 'deals' },
      null_journeys_sampled: { value: report.sample.sampled, unit: 'leads' },
    };
  } finally {
    await database.close();
    await storage.dispose();
  }
}

export const attributionScenarios: Scenario[] = [
  {
    name: 'attribution',
    description: 'attribution in the workspace, in process: every model over 1,000,000 touchpoints and 50,000 deals (pipeline and revenue), scorecard, revenue bridge',
    engines: ['postgres', 'embedded'],
    run: attributionInWorkspace,
  },
  {
    name: 'attribution-core',
    description: 'pure attribution and bridge in process: exact Markov (20 channels, Data.csv), LMDI bridge, every model over 1,000,000 touches',
    engines: ['embedded'],
    run: attributionCore,
  },
];
