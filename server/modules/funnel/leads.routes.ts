import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personId } from '../../../core/permissions.ts';
import { ZId, ZPageQuery } from '../../../core/schemas/common.ts';
import { ZFunnelQuery, ZLeadFilter, ZSavedViewCreate } from '../../../core/schemas/funnel.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { Readable } from 'node:stream';
import { exportDealsCsv, exportLeadsCsv } from './export.service.ts';
import { funnelReport } from './funnel.service.ts';
import { createSavedView, deleteSavedView, getLead, listLeads, listSavedViews } from './leads.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });

function csvDownload(reply: FastifyReply, name: string, chunks: AsyncGenerator<string>, now: Date) {
  const file = `${name}-${now.toISOString().slice(0, 10)}.csv`;
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file}"`)
    .send(Readable.from(chunks));
}

export function registerLeadRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId';

  r.get(`${base}/leads`, {
    schema: { tags: ['leads'], summary: 'Leads: search, filter, sort, cursor pages', params: ZWorkspaceParams, querystring: ZLeadFilter.extend(ZPageQuery.shape) },
    config: { access: 'funnel.read' },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    return listLeads(request.ctx, filter, { limit, cursor });
  });

  r.get(`${base}/leads/export.csv`, {
    schema: { tags: ['leads'], summary: 'Leads matching the filters as CSV (spreadsheet-safe)', params: ZWorkspaceParams, querystring: ZLeadFilter },
    config: { access: 'funnel.export' },
  }, async (request, reply) => csvDownload(reply, 'leads', exportLeadsCsv(request.ctx, request.query), request.ctx.now));

  r.get(`${base}/deals/export.csv`, {
    schema: { tags: ['deals'], summary: 'All deals as CSV (spreadsheet-safe)', params: ZWorkspaceParams },
    config: { access: 'funnel.export' },
  }, async (request, reply) => csvDownload(reply, 'deals', exportDealsCsv(request.ctx), request.ctx.now));

  r.get(`${base}/leads/:id`, {
    schema: { tags: ['leads'], summary: 'One lead with its account, deals and timeline', params: ZWorkspaceParams.extend({ id: ZId }) },
    config: { access: 'funnel.read' },
  }, async (request) => getLead(request.ctx, request.params.id));

  r.get(`${base}/saved-views`, {
    schema: { tags: ['leads'], summary: 'Your saved views of the leads list', params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => ({ items: await listSavedViews(request.ctx, personId(request.ctx.actor)) }));

  r.post(`${base}/saved-views`, {
    schema: { tags: ['leads'], summary: 'Save a view of the leads list', params: ZWorkspaceParams, body: ZSavedViewCreate },
    config: { access: 'funnel.read' },
  }, async (request, reply) => reply.status(201).send(await createSavedView(request.ctx, personId(request.ctx.actor), request.body)));

  r.delete(`${base}/saved-views/:viewId`, {
    schema: { tags: ['leads'], summary: 'Delete one of your saved views', params: ZWorkspaceParams.extend({ viewId: ZId }) },
    config: { access: 'funnel.read' },
  }, async (request, reply) => {
    await deleteSavedView(request.ctx, personId(request.ctx.actor), request.params.viewId);
    return reply.status(204).send();
  });

  r.get(`${base}/funnel`, {
    schema: { tags: ['funnel'], summary: 'Funnel by source, channel or campaign: cohorts, period entries, velocity, data quality', params: ZWorkspaceParams, querystring: ZFunnelQuery },
    config: { access: 'funnel.read' },
  }, async (request) => funnelReport(request.ctx, request.query));
}
