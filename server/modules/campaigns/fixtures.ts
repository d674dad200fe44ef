import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../core/permissions.ts';
import type { ProductInput } from '../../../core/schemas/campaigns.ts';
import { buildMember, buildWorkspace, signIn, type TestUser } from '../../testing/factories.ts';
import type { Harness } from '../../testing/harness.ts';
import { auditEvents } from '../audit/audit.table.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** Test data for the campaign suites: Brightwash's team, its detergent and washing basin, a clock. */

/** A suite signs in a whole team per test: more than the default sign-in rate allows. */
export const TEAM_SIGN_INS = { SIGN_IN_RATE_PER_MINUTE: '1000' };

/** Monday 2 March 2026, 08:00 UTC. */
export const NOW = new Date('2026-03-02T08:00:00Z');

export const DETERGENT: ProductInput = { sku: 'DET-5L', name: 'Detergent 5 l', kind: 'product', onHand: 10_000, weeklyBaseline: 700, incoming: [] };
export const BASIN: ProductInput = { sku: 'BASIN', name: 'Washing basin', kind: 'promo_item', onHand: 1_000, weeklyBaseline: 0, incoming: [{ on: '2026-04-06', quantity: 500 }] };

export type Person = TestUser & { role: Role };

/** A workspace in UTC with one person per role and two sales reps, each able to call the API. */
export async function campaignTeam(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  await h.db.update(workspaces).set({ timeZone: 'UTC' }).where(eq(workspaces.id, workspace.id));
  const member = async (role: Role): Promise<Person> => ({ ...(await buildMember(h.db, workspace.id, role)), role });
  const team = {
    admin: { ...admin, role: 'admin' as const },
    marketer: await member('marketing'),
    marketingLead: await member('marketing_lead'),
    manager: await member('sales_manager'),
    finance: await member('finance'),
    ops: await member('operations'),
    ada: await member('sales_rep'),
    bo: await member('sales_rep'),
  };
  const cookies = new Map<string, string>();
  /** A request to the workspace's API as that person (path after /workspaces/:id/). */
  const as = async (who: TestUser, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers?: Record<string, string>) => {
    if (!cookies.has(who.id)) cookies.set(who.id, await signIn(h, who));
    return h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie: cookies.get(who.id), body, ...(headers ? { headers } : {}) });
  };
  return { workspace, team, as };
}

export type CampaignTeam = Awaited<ReturnType<typeof campaignTeam>>;

/** Products added by Operations through the API. */
export async function addProducts(t: CampaignTeam, ...inputs: ProductInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const input of inputs) {
    const response = await t.as(t.team.ops, 'POST', 'products', input);
    if (response.statusCode !== 201) throw new Error(`product ${input.sku}: ${response.body}`);
    ids.push(response.json().id);
  }
  return ids;
}

/** The spring promotion: 20 % off the detergent with a free basin, launching 30 days after NOW. */
export function springPromo(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Spring detergent promotion',
    objective: 'Win back laundries before the summer',
    channels: ['tv', 'retail'],
    audience: 'Hotel and hospital laundries',
    segments: ['Hospitality'],
    launchOn: '2026-04-01',
    endOn: '2026-04-14',
    offer: { kind: 'discount', description: '20 % off the 5 l detergent, a washing basin free', discountPercent: 20 },
    upliftPercent: 50,
    keyMessages: ['Cleaner linen, lower cost per wash'],
    talkingPoints: ['One basin per can, while stock lasts'],
    faq: [{ question: 'Does the basin come with every can?', answer: 'Yes, one per 5 l can.' }],
    assets: [{ title: 'TV spot', url: 'https://brightwash.example/spot.mp4' }],
    products: [{ sku: 'DET-5L' }, { sku: 'BASIN', perUnit: 1 }],
    spendLines: [{ label: 'TV spots', budgetMinor: 5_000_000, spendMinor: 0 }, { label: 'Retail displays', budgetMinor: 1_200_000, spendMinor: 300_000 }],
    ...overrides,
  };
}

export async function inbox(h: Harness, workspaceId: string, userId: string) {
  return h.db
    .select({ event: notifications.event, title: notifications.title, body: notifications.body, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)))
    .orderBy(notifications.createdAt);
}

export async function auditOf(h: Harness, workspaceId: string, action: string) {
  return h.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.action, action)));
}
