import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEFAULT_CREDIT_RULES } from '../../../core/schemas/attribution.ts';
import { queryRows } from '../../db/raw.ts';
import { buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines } from '../../testing/harness.ts';
import { expectStatus, seedJanuary, workspaceWithRoles } from './fixtures.ts';

const ROLES = ['marketing', 'marketing_lead', 'sales_rep', 'sales_manager', 'operations'] as const;

async function notified(h: { db: Parameters<typeof queryRows>[0] }, workspaceId: string, event: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(h.db, sql`select user_id::text from notifications where workspace_id = ${workspaceId}::uuid and event = ${event} order by user_id`);
  return rows.map((row) => row.user_id);
}

describeOnEngines('the credit policy and credit disputes', (h) => {
  it('becomes active only when a marketing lead and a sales manager signed the same rules', async () => {
    const t = await workspaceWithRoles(h, ROLES);
    const draft = await expectStatus(t.as('marketing')('POST', 'credit/policy/versions', { name: 'Credit 2026' }), 201);
    expect(draft).toMatchObject({ version: 1, status: 'draft', name: 'Credit 2026', rules: DEFAULT_CREDIT_RULES });
    const v = 'credit/policy/versions/1';
    await expectStatus(t.as('sales_rep')('POST', 'credit/policy/versions', {}), 403);

    const bad = await expectStatus(t.as('marketing')('PUT', v, { name: 'x', rules: { ...DEFAULT_CREDIT_RULES, settlingModel: 'coin_flip', influencedTouchTypes: [] } }), 400);
    expect(bad.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['rules.influencedTouchTypes', 'rules.settlingModel']);
    const rules = { ...DEFAULT_CREDIT_RULES, settlingModel: 'u_shaped', influencedTouchTypes: ['meeting', 'ad_click', 'ad_click'] };
    const edited = await expectStatus(t.as('marketing')('PUT', v, { name: 'Credit 2026', rules }), 200);
    expect(edited.rules.influencedTouchTypes).toEqual(['ad_click', 'meeting']);

    await expectStatus(t.as('marketing_lead')('POST', `${v}/sign`), 409);
    await expectStatus(t.as('marketing')('POST', `${v}/propose`), 200);
    expect(await notified(h, t.workspace.id, 'credit_policy_proposed')).toEqual([t.userOf('marketing_lead'), t.userOf('sales_manager')].sort());
    expect(await expectStatus(t.as('marketing_lead')('POST', `${v}/sign`), 200)).toMatchObject({ role: 'marketing_lead', activated: false });
    const twice = await expectStatus(t.as('marketing_lead')('POST', `${v}/sign`), 409);
    expect(twice.error.message).toMatch(/already signed/);
    await expectStatus(t.as('sales_rep')('POST', `${v}/sign`), 403);
    await expectStatus(t.as('admin')('POST', `${v}/sign`), 403);

    // An edit voids the marketing lead's signature; both sign the new rules again.
    const stricter = { name: 'Credit 2026', rules: { ...rules, sourcedBy: 'first_touch' } };
    expect(await expectStatus(t.as('sales_manager')('PUT', v, stricter), 200)).toMatchObject({ voidedSignatures: ['marketing_lead'] });
    expect(await expectStatus(t.as('sales_manager')('POST', `${v}/sign`), 200)).toMatchObject({ activated: false });
    await expectStatus(t.as('operations')('POST', `${v}/comments`, { body: 'Meetings count, good.' }), 201);
    expect(await expectStatus(t.as('marketing_lead')('POST', `${v}/sign`), 200)).toMatchObject({ activated: true });
    expect((await notified(h, t.workspace.id, 'credit_policy_activated')).length).toBe(4);

    const detail = await expectStatus(t.as('sales_rep')('GET', v), 200);
    expect(detail).toMatchObject({ status: 'active', awaiting: [], comments: [{ body: 'Meetings count, good.' }] });
    expect(detail.signatures.map((s: { role: string; voidedAt: string | null }) => [s.role, s.voidedAt === null])).toEqual([['marketing_lead', false], ['sales_manager', true], ['marketing_lead', true]]);
    await expectStatus(t.as('marketing')('PUT', v, stricter), 409);
    const list = await expectStatus(t.as('sales_rep')('GET', 'credit/policy'), 200);
    expect(list.inForce).toMatchObject({ version: 1, settlingModel: 'u_shaped', rules: { sourcedBy: 'first_touch', influencedTouchTypes: ['ad_click', 'meeting'] } });
    expect(list.items[0].signatures).toHaveLength(2);

    // The report names the settling model and applies the policy's rules.
    await seedJanuary(t.as('admin'));
    const report = await expectStatus(t.as('sales_rep')('GET', 'attribution?from=2026-01-01&to=2026-02-01'), 200);
    expect(report.policy).toMatchObject({ version: 1, settlingModel: 'u_shaped' });
    const rows = Object.fromEntries(report.pipeline.rows.map((row: { name: string }) => [row.name, row]));
    expect(rows.paid_search.influenced).toEqual({ count: 1, valueMinor: 100_000 });
    expect(rows.organic_search.influenced).toEqual({ count: 0, valueMinor: 0 });
    // Rows come by the settling model's credit (U-shaped: Ben's one touch 500, Ada's ad and webinar 400 each; the sourced one first).
    expect(report.pipeline.rows.slice(0, 3).map((row: { name: string }) => row.name)).toEqual(['referral', 'paid_search', 'webinar']);

    const audit = await queryRows<{ action: string }>(h.db, sql`select action from audit_events where workspace_id = ${t.workspace.id}::uuid and entity_type = 'credit_policy' order by at, action`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['credit_policy.draft', 'credit_policy.edit', 'credit_policy.propose', 'credit_policy.sign']));
  });

  it('records a dispute of a deal’s credit and its resolution by the other signer', async () => {
    const t = await workspaceWithRoles(h, ROLES);
    const seeded = await seedJanuary(t.as('admin'));
    const claim = { dealId: seeded.adaDeal.id, claimedCampaignId: seeded.webinar.id, reason: 'She bought after the webinar, not the ad.' };

    await expectStatus(t.as('admin')('POST', 'credit/disputes', claim), 403);
    await expectStatus(t.as('operations')('POST', 'credit/disputes', claim), 403);
    const unnamed = await expectStatus(t.as('marketing')('POST', 'credit/disputes', { dealId: seeded.adaDeal.id, reason: 'wrong' }), 400);
    expect(unnamed.error.details[0].field).toBe('claimedChannel');
    const stranger = await buildWorkspace(h.db);
    const elsewhere = await expectStatus(h.request({ method: 'POST', url: `/api/v1/workspaces/${stranger.workspace.id}/deals`, cookie: await signIn(h, stranger.admin), body: { name: 'Theirs', amountMinor: 1 } }), 201);
    const foreign = await expectStatus(t.as('marketing')('POST', 'credit/disputes', { ...claim, dealId: elsewhere.id }), 404);
    expect(foreign.error.message).toBe('Deal not found.');
    const foreignCampaign = await expectStatus(t.as('marketing')('POST', 'credit/disputes', { ...claim, claimedCampaignId: crypto.randomUUID() }), 400);
    expect(foreignCampaign.error.details).toEqual([{ field: 'claimedCampaignId', message: 'no campaign with this id in this workspace' }]);

    const opened = await expectStatus(t.as('marketing_lead')('POST', 'credit/disputes', claim), 201);
    expect(opened).toMatchObject({
      status: 'open', dealName: 'Hotel Aurora', dealAmountMinor: 100_000, creditedChannel: 'paid_search', creditedCampaignId: seeded.ads.id, creditedCampaignName: 'Search ads',
      claimedCampaignName: 'Webinar', openedBy: t.userOf('marketing_lead'), openedRole: 'marketing_lead', policyVersion: null, resolvedAt: null,
    });
    expect(await notified(h, t.workspace.id, 'credit_dispute_opened')).toEqual([t.userOf('sales_manager')]);
    await expectStatus(t.as('sales_rep')('POST', 'credit/disputes', { ...claim, claimedCampaignId: null, claimedChannel: 'referral' }), 409);

    const resolution = { outcome: 'upheld', note: 'The webinar made the sale; noted for the quarter.' };
    await expectStatus(t.as('sales_rep')('POST', `credit/disputes/${opened.id}/resolve`, resolution), 403);
    await expectStatus(t.as('admin')('POST', `credit/disputes/${opened.id}/resolve`, resolution), 403);
    const own = await expectStatus(t.as('marketing_lead')('POST', `credit/disputes/${opened.id}/resolve`, resolution), 403);
    expect(own.error.message).toMatch(/other signer/);
    await expectStatus(t.as('sales_manager')('POST', `credit/disputes/${opened.id}/resolve`, { outcome: 'maybe', note: '' }), 400);
    const resolved = await expectStatus(t.as('sales_manager')('POST', `credit/disputes/${opened.id}/resolve`, resolution), 200);
    expect(resolved).toMatchObject({ status: 'upheld', resolvedBy: t.userOf('sales_manager'), resolvedRole: 'sales_manager', resolutionNote: resolution.note });
    expect(resolved.resolvedAt).not.toBeNull();
    await expectStatus(t.as('sales_manager')('POST', `credit/disputes/${opened.id}/resolve`, { ...resolution, outcome: 'rejected' }), 409);
    expect(await notified(h, t.workspace.id, 'credit_dispute_resolved')).toEqual([t.userOf('marketing_lead')]);

    const again = await expectStatus(t.as('sales_rep')('POST', 'credit/disputes', { dealId: seeded.benDeal.id, claimedChannel: 'sales', reason: 'I found him at a fair.' }), 201);
    const open = await expectStatus(t.as('operations')('GET', 'credit/disputes?status=open'), 200);
    expect(open.items.map((d: { id: string }) => d.id)).toEqual([again.id]);
    const ruled = await expectStatus(t.as('operations')('GET', 'credit/disputes?status=resolved'), 200);
    expect(ruled.items.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([[opened.id, 'upheld']]);
    const forDeal = await expectStatus(t.as('operations')('GET', `credit/disputes?dealId=${seeded.adaDeal.id}`), 200);
    expect(forDeal.items.map((d: { status: string }) => d.status)).toEqual(['upheld']);
    expect(await expectStatus(t.as('operations')('GET', `credit/disputes/${again.id}`), 200)).toMatchObject({ claimedChannel: 'sales', openedRole: 'sales_rep', creditedChannel: 'referral' });
    const audit = await queryRows<{ action: string }>(h.db, sql`select action from audit_events where workspace_id = ${t.workspace.id}::uuid and entity_type = 'credit_dispute' order by at`);
    expect(audit.map((a) => a.action)).toEqual(['credit_dispute.open', 'credit_dispute.resolve', 'credit_dispute.open']);
  });
});
