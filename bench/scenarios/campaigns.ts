import { and, eq, sql } from 'drizzle-orm';
import { addDays } from '../../core/campaigns/days.ts';
import type { Role } from '../../core/permissions.ts';
import { evaluateReadiness } from '../../core/readiness/gate.ts';
import { localDay } from '../../core/sla/business-time.ts';
import { openDatabase, type Db } from '../../server/db/client.ts';
import type { ServiceContext } from '../../server/http/context.ts';
import { recordReadiness } from '../../server/demo/campaigns.ts';
import { campaignProducts, products } from '../../server/modules/campaigns/campaigns.table.ts';
import { evaluateGates } from '../../server/modules/campaigns/gate.service.ts';
import { getReadiness } from '../../server/modules/campaigns/readiness.service.ts';
import { campaigns } from '../../server/modules/funnel/funnel.table.ts';
import { users } from '../../server/modules/identity/identity.table.ts';
import { memberships } from '../../server/modules/workspaces/workspaces.table.ts';
import { buildWorkspace } from '../../server/testing/factories.ts';
import { load } from '../load.ts';
import { atMost, percentile, timed, timedAsync, type Metric } from '../report.ts';
import { benchStorage, startBenchServer } from '../server.ts';
import type { Scenario, ScenarioOptions } from './platform.ts';

const SKUS = 5_000;
const CAMPAIGNS = 2_000;
const LINKS_PER_CAMPAIGN = 5;
const CALENDAR_REPS = 50;
const GATE_PRODUCTS = 500;
const GATE_REPS = 200;
const GATE_SAMPLES = 300;
const CHUNK = 500;
const TIME_ZONE = 'Europe/Paris';
const CHANNELS = ['tv', 'email', 'retail', 'social', 'search'];
/** Audience segments: sectors by region, as a company with 2,000 campaigns a year divides its market. */
const SEGMENTS = ['hospitality', 'healthcare', 'retail chains', 'laundromats', 'industry'].flatMap((sector) => ['north', 'south', 'east', 'west', 'central', 'export', 'online', 'islands'].map((region) => `${sector} ${region}`));

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** People without passwords (no argon2 to wait for), members of the workspace with the role. */
async function seedMembers(db: Db, workspaceId: string, role: Role, count: number): Promise<string[]> {
  const now = new Date();
  const people = Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), email: `${role}-${i}-${crypto.randomUUID().slice(0, 8)}@bench.example`, name: `${role} ${i}`, createdAt: now }));
  await insertChunked(people, (chunk) => db.insert(users).values(chunk));
  await insertChunked(people, (chunk) => db.insert(memberships).values(chunk.map((p) => ({ workspaceId, userId: p.id, role, createdAt: now }))));
  return people.map((p) => p.id);
}

async function seedProducts(db: Db, workspaceId: string, count: number): Promise<string[]> {
  const now = new Date();
  const rows = Array.from({ length: count }, (_, i) => ({
    workspaceId,
    id: crypto.randomUUID(),
    sku: `SKU-${String(i).padStart(5, '0')}`,
    name: `Product ${i}`,
    kind: i % 10 === 9 ? ('promo_item' as const) : ('product' as const),
    onHand: 50_000 + ((i * 7919) % 20_000),
    weeklyBaseline: 50 + (i % 200),
    incoming: [],
    createdAt: now,
    updatedAt: now,
  }));
  await insertChunked(rows, (chunk) => db.insert(products).values(chunk));
  return rows.map((row) => row.id);
}

function statusOn(launchOn: string, endOn: string, today: string, i: number) {
  if (endOn < today) return 'ended' as const;
  if (launchOn <= today) return 'live' as const;
  return i % 3 === 0 ? ('scheduled' as const) : ('draft' as const);
}

/**
 * A year of campaigns around today: 2,000 campaigns over 5,000 SKUs (5 products each), ended,
 * live, scheduled and draft; the drafts still ahead half briefed, acknowledged by 30 of 50 reps,
 * approved by two roles, their stock confirmed.
 */
async function seedCampaignYear(db: Db, workspaceId: string, today: string): Promise<void> {
  const now = new Date();
  const [reps, productIds] = [await seedMembers(db, workspaceId, 'sales_rep', CALENDAR_REPS), await seedProducts(db, workspaceId, SKUS)];
  const [lead] = await seedMembers(db, workspaceId, 'marketing_lead', 1);
  const first = addDays(today, -182);
  const rows = Array.from({ length: CAMPAIGNS }, (_, i) => {
    const launchOn = addDays(first, Math.floor((i * 365) / CAMPAIGNS));
    const endOn = addDays(launchOn, 7 + (i % 36));
    const isOffer = i % 5 !== 0;
    return {
      workspaceId,
      id: crypto.randomUUID(),
      name: `Campaign ${i}`,
      status: statusOn(launchOn, endOn, today, i),
      channel: CHANNELS[i % CHANNELS.length]!,
      channels: [CHANNELS[i % CHANNELS.length]!, CHANNELS[(i + 2) % CHANNELS.length]!],
      segments: [SEGMENTS[(i * 7) % SEGMENTS.length]!],
      startsOn: launchOn,
      endsOn: endOn,
      offer: { kind: isOffer ? ('discount' as const) : ('none' as const), description: null, discountPercent: isOffer ? 5 + (i % 26) : null, priceMinor: null },
      upliftPercent: 20 + (i % 40),
      ownerId: lead,
      createdAt: now,
      updatedAt: now,
    };
  });
  await insertChunked(rows, (chunk) => db.insert(campaigns).values(chunk));
  const links = rows.flatMap((row, i) => Array.from({ length: LINKS_PER_CAMPAIGN }, (_, k) => ({ workspaceId, campaignId: row.id, productId: productIds[(i * 37 + k * 1013) % SKUS]!, position: k })));
  await insertChunked(links, (chunk) => db.insert(campaignProducts).values(chunk));
  const briefed = rows.filter((row, i) => row.status === 'draft' && i % 2 === 0);
  for (const row of briefed) await prepareGate(db, { workspaceId, campaignId: row.id, reps: reps.slice(0, 30), approvers: { marketing_lead: lead!, sales_manager: lead! }, at: now });
  await db.execute(sql`analyze`);
}

/** A campaign's briefing published as it stands, acknowledged by the reps, its offer approved, all its stock confirmed. */
async function prepareGate(db: Db, input: { workspaceId: string; campaignId: string; reps: string[]; approvers: Record<'marketing_lead' | 'sales_manager', string>; at: Date }): Promise<void> {
  const { workspaceId, campaignId, at } = input;
  const linked = await db.select({ productId: campaignProducts.productId }).from(campaignProducts).where(and(eq(campaignProducts.workspaceId, workspaceId), eq(campaignProducts.campaignId, campaignId)));
  await recordReadiness(db, {
    workspaceId,
    campaignId,
    published: { by: null, at },
    acknowledgements: input.reps.map((userId) => ({ userId, by: userId, at })),
    approvals: (['marketing_lead', 'sales_manager'] as const).map((role) => ({ role, userId: input.approvers[role], at })),
    stock: linked.map(({ productId }) => ({ productId, decision: 'confirmed' as const, by: null, at })),
  });
}

/** The calendar API for one year (2,000 campaigns, 5,000 SKUs) over real HTTP, one client at a time for 15 seconds; then the next month's view. */
async function calendarYear(options: ScenarioOptions): Promise<Record<string, Metric>> {
  const today = localDay(TIME_ZONE, new Date());
  const target = await startBenchServer(options.db, options.port, (db, workspaceId) => seedCampaignYear(db, workspaceId, today));
  try {
    const path = `/api/v1/workspaces/${target.workspaceId}/calendar?from=${addDays(today, -182)}&to=${addDays(today, 182)}`;
    const sample = (await (await fetch(`${target.url}${path}`, { headers: { cookie: target.cookie } })).json()) as { items: { readiness: unknown }[]; overlaps: unknown[] };
    if (sample.items.length < CAMPAIGNS * 0.9) throw new Error(`the calendar shows ${sample.items.length} campaigns`);
    const result = await load({ url: `${target.url}${path}`, headers: { cookie: target.cookie }, connections: 1, seconds: 15 });
    const month = await load({ url: `${target.url}${path.replace(/from=.*$/, `from=${today}&to=${addDays(today, 30)}`)}`, headers: { cookie: target.cookie }, connections: 1, seconds: 10 });
    if (result.non2xx + result.errors + month.non2xx + month.errors > 0) throw new Error(`calendar: ${result.non2xx + month.non2xx} non-2xx, ${result.errors + month.errors} errors`);
    return {
      calendar_p95: options.db === 'postgres' ? atMost(result.p95, 'ms', 200) : { value: result.p95, unit: 'ms' },
      calendar_p50: { value: result.p50, unit: 'ms' },
      calendar_throughput: { value: result.rps, unit: 'req/s' },
      calendar_next_month_p95: { value: month.p95, unit: 'ms' },
      campaigns_shown: { value: sample.items.length, unit: 'campaigns' },
      gated_drafts: { value: sample.items.filter((item) => item.readiness !== null).length, unit: 'campaigns' },
      overlaps: { value: sample.overlaps.length, unit: 'pairs' },
      skus: { value: SKUS, unit: 'SKUs' },
    };
  } finally {
    await target.stop();
  }
}

/** One campaign with 500 products and 200 reps, its gate loaded and evaluated 300 times in process. */
async function readinessOfOne(options: ScenarioOptions): Promise<Record<string, Metric>> {
  const storage = await benchStorage(options.db);
  const database = await openDatabase(storage.settings);
  try {
    await database.migrate();
    const db = database.db;
    const { workspace } = await buildWorkspace(db);
    const today = localDay(TIME_ZONE, new Date());
    const reps = await seedMembers(db, workspace.id, 'sales_rep', GATE_REPS);
    const [lead] = await seedMembers(db, workspace.id, 'marketing_lead', 1);
    const [manager] = await seedMembers(db, workspace.id, 'sales_manager', 1);
    const productIds = await seedProducts(db, workspace.id, GATE_PRODUCTS);
    const now = new Date();
    const campaignId = crypto.randomUUID();
    const launchOn = addDays(today, 30);
    await db.insert(campaigns).values({
      workspaceId: workspace.id, id: campaignId, name: 'Big promotion', startsOn: launchOn, endsOn: addDays(launchOn, 27), upliftPercent: 40,
      offer: { kind: 'discount', description: null, discountPercent: 8, priceMinor: null }, ownerId: lead, createdAt: now, updatedAt: now,
    });
    await db.insert(campaignProducts).values(productIds.map((productId, position) => ({ workspaceId: workspace.id, campaignId, productId, position })));
    await prepareGate(db, { workspaceId: workspace.id, campaignId, reps, approvers: { marketing_lead: lead!, sales_manager: manager! }, at: now });
    await db.execute(sql`analyze`);
    const ctx: ServiceContext = { db, actor: { kind: 'system', name: 'bench' }, workspaceId: workspace.id, now };
    const first = await getReadiness(ctx, campaignId);
    if (!first.ready || first.conditions.stock.items.length !== GATE_PRODUCTS || first.conditions.briefing.expected !== GATE_REPS) {
      throw new Error(`the bench campaign is not the one intended: ${JSON.stringify(first.blockers)}`);
    }
    await timedAsync(20, () => getReadiness(ctx, campaignId)); // warm-up, untimed
    const durations = await timedAsync(GATE_SAMPLES, () => getReadiness(ctx, campaignId));
    const { input } = (await evaluateGates(db, workspace.id, [campaignId], { now })).gates.get(campaignId)!;
    const evaluations = timed(GATE_SAMPLES, () => evaluateReadiness(input));
    return {
      readiness_p95: atMost(percentile(durations, 95), 'ms', 5),
      readiness_p50: { value: percentile(durations, 50), unit: 'ms' },
      evaluate_only_p95: { value: percentile(evaluations, 95), unit: 'ms' },
      products: { value: GATE_PRODUCTS, unit: 'products' },
      reps: { value: GATE_REPS, unit: 'reps' },
    };
  } finally {
    await database.close();
    await storage.dispose();
  }
}

export const campaignScenarios: Scenario[] = [
  { name: 'campaign-calendar', description: 'campaign calendar API for one year: 2,000 campaigns, 5,000 SKUs, over HTTP (p95)', engines: ['postgres', 'embedded'], run: calendarYear },
  { name: 'campaign-readiness', description: 'launch gate of one campaign with 500 products and 200 reps, loaded and evaluated in process (p95)', engines: ['postgres', 'embedded'], run: readinessOfOne },
];
