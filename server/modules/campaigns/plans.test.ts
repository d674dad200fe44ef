import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { campaignProducts, campaignSpendLines } from './campaigns.table.ts';
import { addProducts, auditOf, BASIN, campaignTeam, DETERGENT, NOW, springPromo, TEAM_SIGN_INS } from './fixtures.ts';

async function countRows(h: Harness, workspaceId: string) {
  const count = async (table: typeof campaigns | typeof campaignProducts | typeof campaignSpendLines) => (await h.db.select().from(table).where(eq(table.workspaceId, workspaceId))).length;
  return { campaigns: await count(campaigns), links: await count(campaignProducts), lines: await count(campaignSpendLines) };
}

describeOnEngines('campaign plans', (h) => {
  beforeEach(() => {
    h.now = NOW;
  });

  it('plans a promotion with its products, spend lines and owner, and keeps the funnel’s columns in step', async () => {
    const t = await campaignTeam(h);
    const [detergentId] = await addProducts(t, DETERGENT, BASIN);
    const created = await t.as(t.team.marketer, 'POST', 'campaign-plans', springPromo({ repIds: [t.team.ada.id] }));
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({
      status: 'draft',
      launchOn: '2026-04-01',
      endOn: '2026-04-14',
      channel: 'tv',
      channels: ['tv', 'retail'],
      owner: { userId: t.team.marketer.id, name: t.team.marketer.name },
      offer: { kind: 'discount', discountPercent: 20, priceMinor: null },
      upliftPercent: 50,
      repIds: [t.team.ada.id],
      budgetMinor: 6_200_000,
      spendMinor: 300_000,
    });
    expect(plan.products).toEqual([
      { productId: detergentId, sku: 'DET-5L', name: 'Detergent 5 l', kind: 'product', upliftPercent: null, perUnit: null },
      expect.objectContaining({ sku: 'BASIN', kind: 'promo_item', perUnit: 1 }),
    ]);
    expect((await auditOf(h, t.workspace.id, 'campaign.plan'))).toHaveLength(1);

    const funnel = (await t.as(t.team.marketer, 'GET', `campaigns/${plan.id}`)).json();
    expect(funnel).toMatchObject({ name: 'Spring detergent promotion', startsOn: '2026-04-01', endsOn: '2026-04-14', budgetMinor: 6_200_000 });
    const renamed = await t.as(t.team.marketer, 'PUT', `campaigns/${plan.id}`, { name: 'Spring promo (CRM)', startsOn: '2026-04-01', endsOn: '2026-04-14', budgetMinor: 6_200_000 });
    expect(renamed.statusCode).toBe(200);
    expect((await t.as(t.team.marketer, 'GET', `campaigns/${plan.id}/plan`)).json()).toMatchObject({ name: 'Spring promo (CRM)', offer: { discountPercent: 20 }, segments: ['Hospitality'] });

    const lines = await t.as(t.team.marketer, 'PUT', `campaigns/${plan.id}/spend-lines`, { lines: [{ label: 'TV spots', budgetMinor: 4_000_000, spendMinor: 3_900_000 }] });
    expect(lines.json()).toMatchObject({ budgetMinor: 4_000_000, spendMinor: 3_900_000, spendLines: [{ label: 'TV spots' }] });
  });

  it('plans a campaign the funnel created, and lets only the campaign editors plan', async () => {
    const t = await campaignTeam(h);
    const synced = (await t.as(t.team.marketer, 'POST', 'campaigns', { externalId: 'crm-7', name: 'From the CRM', channel: 'email' })).json();
    const planned = await t.as(t.team.marketer, 'PUT', `campaigns/${synced.id}/plan`, springPromo({ products: [], channels: ['email'] }));
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({ id: synced.id, externalId: 'crm-7', name: 'Spring detergent promotion', channel: 'email', status: 'draft' });
    for (const who of [t.team.ada, t.team.manager, t.team.ops, t.team.finance]) {
      expect((await t.as(who, 'POST', 'campaign-plans', springPromo({ products: [] }))).statusCode).toBe(403);
    }
  });

  it('names what is wrong in a plan and writes nothing', async () => {
    const t = await campaignTeam(h);
    await addProducts(t, DETERGENT);
    const other = await buildWorkspace(h.db);
    const otherCookie = await signIn(h, other.admin);
    await h.request({ method: 'POST', url: `/api/v1/workspaces/${other.workspace.id}/products`, cookie: otherCookie, body: { ...BASIN, sku: 'THEIRS' } });
    const before = await countRows(h, t.workspace.id);
    const refused = async (overrides: Record<string, unknown>) => {
      const response = await t.as(t.team.marketer, 'POST', 'campaign-plans', springPromo({ products: [{ sku: 'DET-5L' }], ...overrides }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      return response.json().error.details;
    };
    expect(await refused({ endOn: '2026-03-31' })).toEqual([{ field: 'endOn', message: 'must not be before launchOn' }]);
    expect(await refused({ launchOn: '2026-03-01', endOn: '2026-03-14' })).toEqual([{ field: 'launchOn', message: 'must not be in the past (today is 2026-03-02 in UTC)' }]);
    expect(await refused({ upliftPercent: -150 })).toEqual([{ field: 'upliftPercent', message: 'must be at least -100 (demand cannot fall below zero)' }]);
    expect(await refused({ products: [{ sku: 'DET-5L' }, { sku: 'THEIRS' }] })).toEqual([{ field: 'products.1.sku', message: 'no product with SKU "THEIRS" in this workspace' }]);
    expect(await refused({ products: [{ sku: 'DET-5L' }, { sku: 'DET-5L' }] })).toEqual([{ field: 'products.1.sku', message: 'is listed twice' }]);
    expect(await refused({ ownerId: other.admin.id })).toEqual([{ field: 'ownerId', message: 'is not a member of this workspace' }]);
    expect(await refused({ repIds: [t.team.ops.id] })).toEqual([{ field: 'repIds.0', message: 'is not a sales rep or sales manager of this workspace' }]);
    expect(await refused({ announceOn: '2026-04-02' })).toEqual([{ field: 'announceOn', message: 'must not be after launchOn' }]);
    expect(await refused({ offer: { kind: 'discount' } })).toEqual([{ field: 'offer.discountPercent', message: 'is required for a discount' }]);
    expect(await refused({ offer: { kind: 'none', priceMinor: 999 } })).toEqual([{ field: 'offer.kind', message: "must not be 'none' when the offer has a price or a discount" }]);
    expect(await countRows(h, t.workspace.id)).toEqual(before);
  });

  it('refuses to change the plan of a live campaign, but not its spend', async () => {
    const t = await campaignTeam(h);
    const plan = (await t.as(t.team.marketer, 'POST', 'campaign-plans', springPromo({ products: [] }))).json();
    await h.db.update(campaigns).set({ status: 'live' }).where(eq(campaigns.id, plan.id));
    const refused = await t.as(t.team.marketer, 'PUT', `campaigns/${plan.id}/plan`, springPromo({ products: [], name: 'Renamed' }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Campaign "Spring detergent promotion" is live: its plan no longer changes.');
    expect((await t.as(t.team.marketer, 'PUT', `campaigns/${plan.id}/spend-lines`, { lines: [{ label: 'TV', spendMinor: 10 }] })).statusCode).toBe(200);
  });
}, TEAM_SIGN_INS);
