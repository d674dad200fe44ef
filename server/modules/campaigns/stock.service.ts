import { forecastCampaign, type ProductForecast } from '../../../core/campaigns/forecast.ts';
import { actorUserId } from '../../../core/permissions.ts';
import type { StockDecisionsInput } from '../../../core/schemas/campaigns.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notify.ts';
import { stockConfirmations } from './campaigns.table.ts';
import { campaignMessage, campaignOwners, campaignPath } from './messages.ts';
import { assertDated, assertPlanOpen, campaignRow, loadLinks, type DatedCampaign } from './queries.ts';
import { loadCampaignSetup, todayOf } from './settings.service.ts';

/** Forecast demand and coverage of a campaign's products, and what Operations says about it. */

async function forecastOf(ctx: ServiceContext, campaign: DatedCampaign, from: string): Promise<ProductForecast[]> {
  const links = (await loadLinks(ctx.db, ctx.workspaceId, [campaign.id])).get(campaign.id) ?? [];
  return forecastCampaign(links, { launchOn: campaign.startsOn, endOn: campaign.endsOn, upliftPercent: campaign.upliftPercent }, from);
}

/** Demand, stock and shortfalls of every product and promo item of a campaign, week by week from `from` (default today). */
export async function getForecast(ctx: ServiceContext, id: string, query: { from?: string | undefined }) {
  const campaign = assertDated(await campaignRow(ctx.db, ctx.workspaceId, id));
  const from = query.from ?? todayOf(await loadCampaignSetup(ctx.db, ctx.workspaceId), ctx.now);
  const items = await forecastOf(ctx, campaign, from);
  return {
    campaignId: campaign.id,
    from,
    launchOn: campaign.startsOn,
    endOn: campaign.endsOn,
    upliftPercent: campaign.upliftPercent,
    shortfalls: items.filter((item) => item.shortfall > 0).length,
    items,
  };
}

function shortfallText(item: ProductForecast): string {
  return `a shortfall of ${item.shortfall} units of ${item.sku} (runs out on ${item.runsOutOn}, week ${item.runsOutWeek})`;
}

/** Each decision's product, and Operations may not confirm what the forecast shows short: that is accepting a shortfall. */
function checkDecisions(input: StockDecisionsInput, forecasts: ProductForecast[]): ProductForecast[] {
  const bySku = new Map(forecasts.map((item) => [item.sku, item]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const items = input.items.map((decision, i) => {
    const item = bySku.get(decision.sku);
    if (!item) errors.push({ field: `items.${i}.sku`, message: `"${decision.sku}" is not a product of this campaign` });
    else if (seen.has(decision.sku)) errors.push({ field: `items.${i}.sku`, message: 'is listed twice' });
    else if (decision.decision === 'confirmed' && item.shortfall > 0) {
      errors.push({ field: `items.${i}.decision`, message: `cannot be confirmed: the forecast shows ${shortfallText(item)}; accept the shortfall with a reason, or record the incoming stock first` });
    }
    seen.add(decision.sku);
    return item!;
  });
  if (errors.length > 0) throw new AppError('validation_failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
  return items;
}

/**
 * Records Operations' word on products of a campaign against today's forecast: stock confirmed,
 * or a shortfall accepted with its reason (the campaign's owner and the marketing leads are told).
 */
export async function confirmStock(ctx: ServiceContext, id: string, input: StockDecisionsInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const campaign = assertDated(await campaignRow(tx, ctx.workspaceId, id));
    assertPlanOpen(campaign, 'its stock');
    const setup = await loadCampaignSetup(tx, ctx.workspaceId);
    const items = checkDecisions(input, await forecastOf(txCtx, campaign, todayOf(setup, ctx.now)));
    const rows = input.items.map((decision, i) => ({
      workspaceId: ctx.workspaceId,
      id: crypto.randomUUID(),
      campaignId: id,
      productId: items[i]!.productId,
      decision: decision.decision,
      reason: decision.reason ?? null,
      launchOn: campaign.startsOn,
      endOn: campaign.endsOn,
      demand: items[i]!.campaignDemand,
      available: items[i]!.available,
      shortfall: items[i]!.shortfall,
      runsOutOn: items[i]!.runsOutOn,
      confirmedBy: actorUserId(ctx.actor),
      confirmedAt: ctx.now,
    }));
    await tx.insert(stockConfirmations).values(rows);
    await recordAudit(tx, txCtx, { action: 'campaign.stock', entityType: 'campaign', entityId: id, before: null, after: { items: input.items } });
    const accepted = input.items.map((decision, i) => ({ decision, item: items[i]! })).filter(({ decision }) => decision.decision === 'shortfall_accepted');
    if (accepted.length === 0) return;
    await notify(tx, {
      workspaceId: ctx.workspaceId,
      now: ctx.now,
      recipients: await campaignOwners(tx, ctx.workspaceId, campaign.ownerId),
      message: campaignMessage('stock_shortfall', campaign, {
        title: `Stock shortfall accepted for ${campaign.name}`,
        body: `Operations accepts ${accepted.map(({ item, decision }) => `${shortfallText(item)}: ${decision.reason}`).join('; ')}.`,
        link: campaignPath(setup.slug, id),
      }, { skus: accepted.map(({ item }) => item.sku) }),
    });
  });
}
