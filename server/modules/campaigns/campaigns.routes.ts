import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import {
  ZAcknowledgeInput,
  ZApprovalInput,
  ZCampaignPlan,
  ZForecastQuery,
  ZOverrideInput,
  ZSpendLines,
  ZStockDecisions,
  ZUpcomingQuery,
} from '../../../core/schemas/campaigns.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { approveOffer } from './approvals.service.ts';
import { acknowledgeBriefing, getBriefing, publishBriefing } from './briefing.service.ts';
import { upcomingForMe } from './calendar.service.ts';
import { createPlan, getPlan, saveSpendLines, updatePlan } from './plans.service.ts';
import { getReadiness, overrideLaunch, scheduleLaunch, unscheduleLaunch } from './readiness.service.ts';
import { confirmStock, getForecast } from './stock.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZCampaignParams = ZWorkspaceParams.extend({ id: ZId });

/** Campaign plans, their stock forecast, the launch gate (stock, approvals, briefing, notice) and the scheduled launch. */
export function registerCampaignRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const workspace = '/api/v1/workspaces/:workspaceId';
  const base = `${workspace}/campaigns/:id`;
  const tags = ['campaign calendar'];

  r.post(`${workspace}/campaign-plans`, {
    schema: { tags, summary: 'Plan a new campaign or promotion (a draft until it passes the launch gate)', params: ZWorkspaceParams, body: ZCampaignPlan },
    config: { access: 'campaigns.edit' },
  }, async (request, reply) => reply.status(201).send(await createPlan(request.ctx, request.body)));

  r.get(`${workspace}/campaigns/upcoming`, {
    schema: { tags, summary: 'My upcoming campaigns: live or launching soon, that brief me, with my acknowledgement', params: ZWorkspaceParams, querystring: ZUpcomingQuery },
    config: { access: 'funnel.read' },
  }, async (request) => upcomingForMe(request.ctx, request.query.days));

  r.get(`${base}/plan`, {
    schema: { tags, summary: 'A campaign’s plan: objective, channels, audience, dates, offer, products, uplift, budget and spend lines, owner, messages, FAQ, assets', params: ZCampaignParams },
    config: { access: 'funnel.read' },
  }, async (request) => getPlan(request.ctx, request.params.id));

  r.put(`${base}/plan`, {
    schema: { tags, summary: 'Replace the plan of a draft or scheduled campaign (a scheduled one goes back to draft)', params: ZCampaignParams, body: ZCampaignPlan },
    config: { access: 'campaigns.edit' },
  }, async (request) => updatePlan(request.ctx, request.params.id, request.body));

  r.put(`${base}/spend-lines`, {
    schema: { tags, summary: 'Replace the budget and spend lines (any status); the campaign’s budget and spend become their sums', params: ZCampaignParams, body: ZSpendLines },
    config: { access: 'campaigns.edit' },
  }, async (request) => saveSpendLines(request.ctx, request.params.id, request.body.lines));

  r.get(`${base}/forecast`, {
    schema: { tags, summary: 'Forecast demand, stock coverage and shortfalls (with the week they run out) of each product and promo item', params: ZCampaignParams, querystring: ZForecastQuery },
    config: { access: 'funnel.read' },
  }, async (request) => getForecast(request.ctx, request.params.id, request.query));

  r.post(`${base}/stock`, {
    schema: { tags, summary: 'Operations confirms stock for products of the campaign, or accepts a shortfall with a reason', params: ZCampaignParams, body: ZStockDecisions },
    config: { access: 'stock.manage' },
  }, async (request) => {
    await confirmStock(request.ctx, request.params.id, request.body);
    return getReadiness(request.ctx, request.params.id);
  });

  r.post(`${base}/approvals`, {
    schema: { tags, summary: 'Approve the offer’s price or discount for your team (marketing lead, sales manager, or Finance above the threshold)', params: ZCampaignParams, body: ZApprovalInput },
    config: { access: 'offers.approve' },
  }, async (request) => {
    await approveOffer(request.ctx, request.params.id, request.body);
    return getReadiness(request.ctx, request.params.id);
  });

  r.get(`${base}/readiness`, {
    schema: { tags, summary: 'The launch gate: stock, briefing, approvals and notice, each with who and when, and what blocks the launch', params: ZCampaignParams },
    config: { access: 'funnel.read' },
  }, async (request) => getReadiness(request.ctx, request.params.id));

  r.post(`${base}/schedule`, {
    schema: { tags, summary: 'Schedule the launch: only when the gate is passed (else 409 with the blocking conditions)', params: ZCampaignParams },
    config: { access: 'campaigns.edit' },
  }, async (request) => scheduleLaunch(request.ctx, request.params.id));

  r.post(`${base}/override`, {
    schema: { tags, summary: 'Schedule a blocked launch anyway, with the reason (recorded on the campaign and in the audit log)', params: ZCampaignParams, body: ZOverrideInput },
    config: { access: 'launch.override' },
  }, async (request) => overrideLaunch(request.ctx, request.params.id, request.body.reason));

  r.post(`${base}/unschedule`, {
    schema: { tags, summary: 'Take a scheduled launch back to draft', params: ZCampaignParams },
    config: { access: 'campaigns.edit' },
  }, async (request) => unscheduleLaunch(request.ctx, request.params.id));

  r.get(`${base}/briefing`, {
    schema: { tags, summary: 'The sales briefing: offer, dates, products, FAQ, talking points; the published version and every rep’s acknowledgement', params: ZCampaignParams },
    config: { access: 'funnel.read' },
  }, async (request) => getBriefing(request.ctx, request.params.id));

  r.post(`${base}/briefing/publish`, {
    schema: { tags, summary: 'Publish the briefing as the campaign stands, as its next version; the reps and their managers are told', params: ZCampaignParams },
    config: { access: 'campaigns.edit' },
  }, async (request) => publishBriefing(request.ctx, request.params.id));

  r.post(`${base}/briefing/acknowledgements`, {
    schema: { tags, summary: 'Acknowledge the latest briefing, as the rep or (a sales manager) for a rep; twice is a 409', params: ZCampaignParams, body: ZAcknowledgeInput },
    config: { access: 'briefings.acknowledge' },
  }, async (request, reply) => reply.status(201).send(await acknowledgeBriefing(request.ctx, request.params.id, request.body)));
}
