import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAttributionExportQuery, ZAttributionQuery, ZAttributionSettingsInput, ZBridgeQuery } from '../../../core/schemas/attribution.ts';
import { ZId } from '../../../core/schemas/common.ts';
import { ZScorecardQuery, ZTargetInput, ZTargetUpdate } from '../../../core/schemas/targets.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { attributionReport } from './attribution.service.ts';
import { revenueBridgeReport } from './bridge.service.ts';
import { attributionCsv } from './export.service.ts';
import { getAttributionSettings, saveAttributionSettings } from './settings.service.ts';
import { createTarget, listTargets, periodScorecard, updateTarget } from './targets.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });

/** Attribution, its lookback setting and CSV export; shared targets, the period scorecard and the revenue bridge. */
export function registerAttributionRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId';

  r.get(`${base}/attribution`, {
    schema: { tags: ['attribution'], summary: 'Pipeline and revenue of a period credited to channels or campaigns by every model, sourced and influenced, campaign ROI', params: ZWorkspaceParams, querystring: ZAttributionQuery },
    config: { access: 'funnel.read' },
  }, async (request) => attributionReport(request.ctx, request.query));

  r.get(`${base}/attribution/export.csv`, {
    schema: { tags: ['attribution'], summary: 'The attribution credits (or the campaign table) as CSV (spreadsheet-safe)', params: ZWorkspaceParams, querystring: ZAttributionExportQuery },
    config: { access: 'funnel.export' },
  }, async (request, reply) => {
    const csv = await attributionCsv(request.ctx, request.query);
    const file = `attribution-${request.query.table}-${request.query.from}-${request.query.to}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(csv);
  });

  r.get(`${base}/attribution/settings`, {
    schema: { tags: ['attribution'], summary: 'The lookback window: days before a conversion whose touches count (default 90)', params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => getAttributionSettings(request.ctx.db, request.ctx.workspaceId));

  r.put(`${base}/attribution/settings`, {
    schema: { tags: ['attribution'], summary: 'Set the lookback window (1 to 365 days)', params: ZWorkspaceParams, body: ZAttributionSettingsInput },
    config: { access: 'targets.manage' },
  }, async (request) => saveAttributionSettings(request.ctx, request.body));

  r.get(`${base}/targets`, {
    schema: { tags: ['targets'], summary: 'The shared revenue targets, latest period first', params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => ({ items: await listTargets(request.ctx) }));

  r.post(`${base}/targets`, {
    schema: { tags: ['targets'], summary: 'Set the revenue target of a month (2026-04) or quarter (2026-Q2)', params: ZWorkspaceParams, body: ZTargetInput },
    config: { access: 'targets.manage' },
  }, async (request, reply) => reply.status(201).send(await createTarget(request.ctx, request.body)));

  r.put(`${base}/targets/:id`, {
    schema: { tags: ['targets'], summary: 'Change a revenue target', params: ZWorkspaceParams.extend({ id: ZId }), body: ZTargetUpdate },
    config: { access: 'targets.manage' },
  }, async (request) => updateTarget(request.ctx, request.params.id, request.body));

  r.get(`${base}/scorecard`, {
    schema: { tags: ['targets'], summary: 'A period’s target, its reverse funnel at the trailing rates, and the actuals so far', params: ZWorkspaceParams, querystring: ZScorecardQuery },
    config: { access: 'funnel.read' },
  }, async (request) => periodScorecard(request.ctx, request.query.period));

  r.get(`${base}/bridge`, {
    schema: { tags: ['targets'], summary: 'The revenue bridge of a period against its target or the previous period: seven levers, per team and channel', params: ZWorkspaceParams, querystring: ZBridgeQuery },
    config: { access: 'funnel.read' },
  }, async (request) => revenueBridgeReport(request.ctx, request.query));
}
