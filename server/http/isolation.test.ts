import { expect, it } from 'vitest';
import { actionsOfRole } from '../../core/permissions.ts';
import { DEFAULT_CREDIT_RULES } from '../../core/schemas/attribution.ts';
import { DEFAULT_LEAD_DEFINITION } from '../../core/schemas/scoring.ts';
import { DEFAULT_SLA_POLICY } from '../../core/schemas/sla.ts';
import { notify } from '../modules/notifications/notify.ts';
import { activateContract, handOver } from '../modules/sla/fixtures.ts';
import { buildMember, buildWorkspace, signIn } from '../testing/factories.ts';
import { describeOnEngines, type Harness } from '../testing/harness.ts';

const LEAD = { externalId: 'x-lead', email: 'spy@example.com', firstName: 'Spy' };
const DEAL = { name: 'Spy deal', amountMinor: 100 };
const PRODUCT = { sku: 'SPY-1', name: 'Spy product', onHand: 1, weeklyBaseline: 1 };
const PLAN = { name: 'Spy plan', launchOn: '2099-01-01', endOn: '2099-01-02', products: [{ sku: 'B-SKU' }] };

/** A valid body for every route that takes one, so the request reaches the authorization step. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/v1/auth/sign-in': { email: 'nobody@example.com', password: 'whatever' },
  'POST /api/v1/auth/links/{secret}': { password: 'long enough password' },
  'POST /api/v1/invitations/{secret}/accept': { password: 'long enough password' },
  'POST /api/v1/workspaces': { name: 'Mine', slug: 'mine-too' },
  'PATCH /api/v1/workspaces/{workspaceId}': { name: 'Taken over' },
  'PATCH /api/v1/workspaces/{workspaceId}/members/{userId}': { role: 'sales_rep' },
  'POST /api/v1/workspaces/{workspaceId}/invitations': { email: 'spy@example.com', role: 'admin' },
  'POST /api/v1/workspaces/{workspaceId}/tokens': { name: 'spy', permissions: ['members.read'] },
  'POST /api/v1/workspaces/{workspaceId}/accounts': { name: 'Spy Inc' },
  'PUT /api/v1/workspaces/{workspaceId}/accounts/{id}': { name: 'Spy Inc' },
  'PUT /api/v1/workspaces/{workspaceId}/accounts/external/{externalId}': { name: 'Spy Inc' },
  'POST /api/v1/workspaces/{workspaceId}/campaigns': { name: 'Spy campaign' },
  'PUT /api/v1/workspaces/{workspaceId}/campaigns/{id}': { name: 'Spy campaign' },
  'PUT /api/v1/workspaces/{workspaceId}/campaigns/external/{externalId}': { name: 'Spy campaign' },
  'POST /api/v1/workspaces/{workspaceId}/leads': LEAD,
  'PUT /api/v1/workspaces/{workspaceId}/leads/{id}': LEAD,
  'PUT /api/v1/workspaces/{workspaceId}/leads/external/{externalId}': LEAD,
  'POST /api/v1/workspaces/{workspaceId}/leads/{id}/stage': { stage: 'disqualified', reason: 'spy' },
  'POST /api/v1/workspaces/{workspaceId}/deals': DEAL,
  'PUT /api/v1/workspaces/{workspaceId}/deals/{id}': DEAL,
  'PUT /api/v1/workspaces/{workspaceId}/deals/external/{externalId}': DEAL,
  'POST /api/v1/workspaces/{workspaceId}/activities': { type: 'call', occurredAt: '2026-01-01T10:00:00Z' },
  'PUT /api/v1/workspaces/{workspaceId}/activities/{id}': { type: 'call', occurredAt: '2026-01-01T10:00:00Z' },
  'PUT /api/v1/workspaces/{workspaceId}/activities/external/{externalId}': { type: 'call', occurredAt: '2026-01-01T10:00:00Z' },
  'POST /api/v1/workspaces/{workspaceId}/touchpoints/batch': { touchpoints: [{ anonymousId: 'spy', type: 'page_view', occurredAt: '2026-01-01T10:00:00Z' }] },
  'POST /api/v1/workspaces/{workspaceId}/saved-views': { name: 'spy', filter: {} },
  'POST /api/v1/workspaces/{workspaceId}/tracking-sites': { name: 'spy site' },
  'POST /api/v1/workspaces/{workspaceId}/imports': 'mql_id,first_contact_date,landing_page_id,origin\nx,01-01-2018,p,social\n',
  'POST /api/v1/workspaces/{workspaceId}/notifications/read': { all: true },
  'PUT /api/v1/workspaces/{workspaceId}/notification-preferences': { preferences: [{ event: 'mql_assigned', channels: [] }] },
  'POST /api/v1/workspaces/{workspaceId}/webhooks': { name: 'spy', url: 'https://hooks.example.com/spy', events: ['mql_assigned'] },
  'POST /api/v1/workspaces/{workspaceId}/webhooks/{id}/test': {},
  'POST /api/v1/workspaces/{workspaceId}/leads/{id}/accept': {},
  'POST /api/v1/workspaces/{workspaceId}/leads/{id}/reject': { reason: 'duplicate' },
  'POST /api/v1/workspaces/{workspaceId}/leads/{id}/assign': { ownerId: '00000000-0000-4000-8000-000000000000' },
  'PUT /api/v1/workspaces/{workspaceId}/sales-settings': { calendar: { timeZone: 'UTC', hours: { mon: [{ start: '09:00', end: '17:00' }] } }, routing: { rules: [], fallbackRepIds: [] } },
  'PUT /api/v1/workspaces/{workspaceId}/reps/{userId}': { away: true },
  'POST /api/v1/workspaces/{workspaceId}/lead-contract/versions': {},
  'PUT /api/v1/workspaces/{workspaceId}/lead-contract/versions/{version}': { name: 'spy', definition: DEFAULT_LEAD_DEFINITION, sla: DEFAULT_SLA_POLICY },
  'POST /api/v1/workspaces/{workspaceId}/lead-contract/versions/{version}/propose': {},
  'POST /api/v1/workspaces/{workspaceId}/lead-contract/versions/{version}/sign': {},
  'POST /api/v1/workspaces/{workspaceId}/lead-contract/versions/{version}/comments': { body: 'spy' },
  'POST /api/v1/workspaces/{workspaceId}/lead-contract/backtest': { version: 1, from: '2026-01-01', to: '2026-02-01' },
  'PUT /api/v1/workspaces/{workspaceId}/attribution/settings': { lookbackDays: 30 },
  'POST /api/v1/workspaces/{workspaceId}/targets': { period: '2026-Q3', amountMinor: 100 },
  'PUT /api/v1/workspaces/{workspaceId}/targets/{id}': { amountMinor: 100 },
  'POST /api/v1/workspaces/{workspaceId}/credit/policy/versions': {},
  'PUT /api/v1/workspaces/{workspaceId}/credit/policy/versions/{version}': { name: 'spy', rules: DEFAULT_CREDIT_RULES },
  'POST /api/v1/workspaces/{workspaceId}/credit/policy/versions/{version}/propose': {},
  'POST /api/v1/workspaces/{workspaceId}/credit/policy/versions/{version}/sign': {},
  'POST /api/v1/workspaces/{workspaceId}/credit/policy/versions/{version}/comments': { body: 'spy' },
  'POST /api/v1/workspaces/{workspaceId}/credit/disputes': { dealId: '00000000-0000-4000-8000-000000000000', claimedChannel: 'spy', reason: 'spy' },
  'POST /api/v1/workspaces/{workspaceId}/credit/disputes/{id}/resolve': { outcome: 'rejected', note: 'spy' },
  'POST /api/v1/workspaces/{workspaceId}/products': PRODUCT,
  'PUT /api/v1/workspaces/{workspaceId}/products/{id}': PRODUCT,
  'POST /api/v1/workspaces/{workspaceId}/products/import': 'sku,name,on_hand,weekly_baseline\nSPY-1,Spy,1,1\n',
  'POST /api/v1/workspaces/{workspaceId}/campaign-plans': PLAN,
  'PUT /api/v1/workspaces/{workspaceId}/campaigns/{id}/plan': PLAN,
  'PUT /api/v1/workspaces/{workspaceId}/campaigns/{id}/spend-lines': { lines: [{ label: 'spy', spendMinor: 1 }] },
  'POST /api/v1/workspaces/{workspaceId}/campaigns/{id}/stock': { items: [{ sku: 'B-SKU', decision: 'confirmed' }] },
  'POST /api/v1/workspaces/{workspaceId}/campaigns/{id}/approvals': {},
  'POST /api/v1/workspaces/{workspaceId}/campaigns/{id}/schedule': {},
  'POST /api/v1/workspaces/{workspaceId}/campaigns/{id}/override': { reason: 'spy' },
  'POST /api/v1/workspaces/{workspaceId}/campaigns/{id}/unschedule': {},
  'POST /api/v1/workspaces/{workspaceId}/campaigns/{id}/briefing/publish': {},
  'POST /api/v1/workspaces/{workspaceId}/campaigns/{id}/briefing/acknowledgements': {},
  'PUT /api/v1/workspaces/{workspaceId}/campaign-settings': { minNoticeDays: 0, financeApprovalAbovePercent: 100 },
  'POST /api/v1/workspaces/{workspaceId}/calendar/feed/rotate': {},
};

type Operation = { method: string; path: string; key: string };

function operations(h: Harness): Operation[] {
  const doc = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}` })),
  );
}

const RECORD_PATHS = ['accounts', 'campaigns', 'leads', 'deals', 'activities'] as const;

async function snapshot(h: Harness, workspaceId: string, cookie: string, planned: string) {
  const read = async (suffix: string) => (await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspaceId}${suffix}`, cookie })).json();
  const records = Object.fromEntries(await Promise.all(RECORD_PATHS.map(async (path) => [path, await read(`/${path}?limit=200`)] as const)));
  const leadIds = (records.leads.items as { id: string }[]).map((l) => l.id);
  return {
    workspace: await read(''),
    members: await read('/members'),
    invitations: await read('/invitations'),
    tokens: (await read('/tokens')).items.map((t: { id: string; revokedAt: string | null }) => [t.id, t.revokedAt]),
    audit: (await read('/audit?limit=200')).items.length,
    records,
    leads: await Promise.all(leadIds.map((id) => read(`/leads/${id}`))),
    views: await read('/saved-views'),
    sites: await read('/tracking-sites'),
    inbox: await read('/notifications'),
    preferences: await read('/notification-preferences'),
    webhooks: await read('/webhooks'),
    outbox: await read('/outbox'),
    handovers: await read('/handovers'),
    salesSettings: await read('/sales-settings'),
    reps: await read('/reps'),
    contract: await read('/lead-contract'),
    contractVersion: await read('/lead-contract/versions/1'),
    products: await read('/products'),
    plans: await Promise.all(records.campaigns.items.map((c: { id: string }) => read(`/campaigns/${c.id}/plan`))),
    readiness: await read(`/campaigns/${planned}/readiness`),
    briefing: await read(`/campaigns/${planned}/briefing`),
    calendar: await read('/calendar?from=2098-01-01&to=2099-12-31'),
    campaignSettings: await read('/campaign-settings'),
    feed: await read('/calendar/feed'),
  };
}

/** Workspace B with one record of every kind, made through its own admin. */
async function seedOtherWorkspace(h: Harness) {
  const b = await buildWorkspace(h.db);
  const cookie = await signIn(h, b.admin);
  const post = async (path: string, body: unknown) =>
    (await h.request({ method: 'POST', url: `/api/v1/workspaces/${b.workspace.id}/${path}`, cookie, body })).json();
  const account = await post('accounts', { externalId: 'b-account', name: 'B Corp' });
  const campaign = await post('campaigns', { externalId: 'b-campaign', name: 'B launch' });
  const lead = await post('leads', { externalId: 'b-lead', email: 'b@example.com', accountId: account.id, campaignId: campaign.id });
  const deal = await post('deals', { externalId: 'b-deal', name: 'B deal', amountMinor: 5000, leadId: lead.id });
  const activity = await post('activities', { externalId: 'b-activity', type: 'call', occurredAt: '2026-01-02T10:00:00Z', leadId: lead.id });
  await post('touchpoints/batch', { touchpoints: [{ leadId: lead.id, type: 'page_view', occurredAt: '2026-01-02T09:00:00Z' }] });
  const view = await post('saved-views', { name: 'B view', filter: { stage: 'mql' } });
  const site = await post('tracking-sites', { name: 'B site' });
  const token = (await post('tokens', { name: 'b', permissions: ['members.read'] })).token;
  const invitation = (await post('invitations', { email: 'b-rep@example.com', role: 'sales_rep' })).invitation;
  const webhook = (await post('webhooks', { name: 'B hook', url: 'http://127.0.0.1:9/b', events: ['mql_assigned'] })).webhook;
  const message = { event: 'mql_assigned' as const, title: 'B news', body: 'for B', link: null, data: {} };
  await notify(h.db, { workspaceId: b.workspace.id, now: new Date(), recipients: [b.admin.id], message });
  await activateContract(h.db, b.workspace.id);
  await handOver(h.db, b.workspace.id, [lead.id], new Date());
  await post('credit/policy/versions', {});
  const target = await post('targets', { period: '2026-Q1', amountMinor: 100_000 });
  const marketer = await signIn(h, await buildMember(h.db, b.workspace.id, 'marketing'));
  const dispute = (await h.request({ method: 'POST', url: `/api/v1/workspaces/${b.workspace.id}/credit/disputes`, cookie: marketer, body: { dealId: deal.id, claimedChannel: 'events', reason: 'B’s own' } })).json();
  const product = await post('products', { sku: 'B-SKU', name: 'B product', onHand: 10, weeklyBaseline: 7 });
  const plan = await post('campaign-plans', { name: 'B promotion', launchOn: '2099-01-01', endOn: '2099-01-31', offer: { kind: 'discount', discountPercent: 5 }, products: [{ sku: 'B-SKU' }] });
  await post(`campaigns/${plan.id}/briefing/publish`, {});
  await post('calendar/feed/rotate', {});
  const ids: Record<string, string> = {
    accounts: account.id,
    campaigns: plan.id,
    products: product.id,
    leads: lead.id,
    deals: deal.id,
    activities: activity.id,
    userId: b.admin.id,
    tokenId: token.id,
    invitationId: invitation.id,
    viewId: view.id,
    siteId: site.id,
    webhooks: webhook.id,
    version: '1',
    targets: target.id,
    disputes: dispute.id,
  };
  return { ...b, cookie, ids };
}

/** Fills a route's parameters with B's ids: {id} takes the id of the kind named just before it. */
function fillWith(ids: Record<string, string>, path: string, workspaceId: string): string {
  return path
    .replace('{workspaceId}', workspaceId)
    .replace(/\/(\w+)\/\{id\}/, (_, kind: string) => `/${kind}/${ids[kind]}`)
    .replace(/\/(\w+)\/external\/\{externalId\}/, (_, kind: string) => `/${kind}/external/b-${kind.replace(/ies$/, 'y').replace(/s$/, '')}`)
    .replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!);
}

describeOnEngines('workspace isolation', (h) => {
  it('walks every route with another workspace’s ids and tokens and changes nothing there', async () => {
    const a = await buildWorkspace(h.db);
    const b = await seedOtherWorkspace(h);
    const aCookie = await signIn(h, a.admin);
    const aToken = (
      await h.request({ method: 'POST', url: `/api/v1/workspaces/${a.workspace.id}/tokens`, cookie: aCookie, body: { name: 'all', permissions: actionsOfRole('admin') } })
    ).json().secret;
    const before = await snapshot(h, b.workspace.id, b.cookie, b.ids.campaigns!);

    const workspaceRoutes = operations(h).filter((op) => op.path.includes('{workspaceId}'));
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(30);
    for (const op of workspaceRoutes) {
      const body = SAMPLE_BODIES[op.key];
      if (['POST', 'PATCH', 'PUT'].includes(op.method) && !op.path.endsWith('reset-link')) {
        expect(body, `${op.key} needs a sample body in this test`).toBeDefined();
      }
      const attempts = [
        { who: 'A’s session on B’s workspace', cookie: aCookie, url: fillWith(b.ids, op.path, b.workspace.id) },
        { who: 'A’s token on B’s workspace', token: aToken, url: fillWith(b.ids, op.path, b.workspace.id) },
      ];
      // (An admin may not sign a lead contract or credit policy, approve an offer or resolve a credit dispute at all: in its own workspace that is a 403 whatever the id.)
      if (/\{(id|userId|tokenId|invitationId|viewId|siteId|version)\}/.test(op.path) && !op.path.endsWith('/sign') && !op.path.endsWith('/approvals') && !op.path.endsWith('/resolve')) {
        attempts.push({ who: 'A’s session on A’s workspace with B’s ids', cookie: aCookie, url: fillWith(b.ids, op.path, a.workspace.id) });
      }
      for (const attempt of attempts) {
        const headers = typeof body === 'string' ? { 'content-type': 'text/csv' } : undefined;
        const query = typeof body === 'string' ? '?preset=olist-mql' : '';
        const response = await h.request({ method: op.method as 'GET', url: attempt.url + query, cookie: attempt.cookie, token: attempt.token, body, headers });
        expect(response.statusCode, `${op.key} as ${attempt.who}: ${response.body}`).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
    }
    expect(await snapshot(h, b.workspace.id, b.cookie, b.ids.campaigns!)).toEqual(before);
  });

  it('refuses references to another workspace’s records inside a body', async () => {
    const a = await buildWorkspace(h.db);
    const b = await seedOtherWorkspace(h);
    const aCookie = await signIn(h, a.admin);
    const url = `/api/v1/workspaces/${a.workspace.id}`;
    const lead = await h.request({ method: 'POST', url: `${url}/leads`, cookie: aCookie, body: { email: 'a@example.com', accountId: b.ids.accounts } });
    expect(lead.statusCode).toBe(400);
    expect(lead.json().error.details).toEqual([{ field: 'accountId', message: 'no account with this id in this workspace' }]);
    const touch = await h.request({
      method: 'POST',
      url: `${url}/touchpoints/batch`,
      cookie: aCookie,
      body: { touchpoints: [{ leadId: b.ids.leads, type: 'page_view', occurredAt: '2026-01-02T09:00:00Z' }] },
    });
    expect(touch.statusCode).toBe(400);
    expect(touch.json().error.details[0]).toEqual({ field: 'touchpoints.0.leadId', message: 'no lead with this id in this workspace' });
    const plan = await h.request({ method: 'POST', url: `${url}/campaign-plans`, cookie: aCookie, body: { ...PLAN, ownerId: b.admin.id } });
    expect(plan.statusCode).toBe(400);
    expect(plan.json().error.details).toEqual([
      { field: 'ownerId', message: 'is not a member of this workspace' },
      { field: 'products.0.sku', message: 'no product with SKU "B-SKU" in this workspace' },
    ]);
  });

  it('asks for sign-in on every route that is not public, before reading the body', async () => {
    const publicRoutes = ['POST /api/v1/auth/sign-in', 'POST /api/v1/auth/sign-out', 'POST /api/v1/collect'];
    for (const op of operations(h)) {
      if (publicRoutes.includes(op.key) || op.path.includes('{secret}')) continue;
      const url = op.path.replace(/\{\w+\}/g, crypto.randomUUID());
      const response = await h.request({ method: op.method as 'GET', url, body: { garbage: true } });
      expect(response.statusCode, `${op.key}: ${response.body}`).toBe(401);
    }
  });
});
