import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZPageQuery } from '../../../core/schemas/common.ts';
import { ZAccountInput, ZActivityInput, ZCampaignInput, ZDealInput, ZExternalId, ZLeadInput, ZStageChange, ZTouchpointBatch } from '../../../core/schemas/funnel.ts';
import type { ServiceContext } from '../../http/context.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { accountOverview, dealOverview } from './overview.service.ts';
import { getRecord, listRecords, RECORD_PATHS, saveOneRecord, type RecordInputs, type RecordKind } from './records.service.ts';
import { changeLeadStage } from './stages.service.ts';
import { ingestTouchpoints } from './touchpoints.service.ts';

const INPUTS = { account: ZAccountInput, campaign: ZCampaignInput, lead: ZLeadInput, deal: ZDealInput, activity: ZActivityInput } as const;
const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZRecordParams = ZWorkspaceParams.extend({ id: ZId });
const ZExternalParams = ZWorkspaceParams.extend({ externalId: ZExternalId });
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

/** What reading one record returns: accounts and deals come with what belongs to them. */
const DETAIL: Record<Exclude<RecordKind, 'lead'>, { summary: string; read: (ctx: ServiceContext, id: string) => Promise<unknown> }> = {
  account: { summary: 'One account with its people and deals', read: accountOverview },
  deal: { summary: 'One deal with its account, lead, owner and activities', read: dealOverview },
  campaign: { summary: 'One campaign', read: (ctx, id) => getRecord(ctx, 'campaign', id) },
  activity: { summary: 'One activity', read: (ctx, id) => getRecord(ctx, 'activity', id) },
};

/** Create, update, upsert by external id, read and list: the same five routes for every kind of record. */
function registerRecordKind(app: FastifyInstance, kind: RecordKind): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/v1/workspaces/:workspaceId/${RECORD_PATHS[kind]}`;
  const body = INPUTS[kind] as unknown as z.ZodType<RecordInputs[RecordKind]>;
  const tags = [RECORD_PATHS[kind]];

  r.post(base, {
    schema: { tags, summary: `Create a ${kind}`, params: ZWorkspaceParams, body },
    config: { access: 'funnel.write' },
  }, async (request, reply) => {
    const saved = await saveOneRecord(request.ctx, kind, request.body, { mode: 'create' });
    return reply.status(201).send(await getRecord(request.ctx, kind, saved.id));
  });

  r.put(`${base}/:id`, {
    schema: { tags, summary: `Update a ${kind} by its Accord id`, params: ZRecordParams, body },
    config: { access: 'funnel.write' },
  }, async (request) => {
    await saveOneRecord(request.ctx, kind, request.body, { mode: 'update', id: request.params.id });
    return getRecord(request.ctx, kind, request.params.id);
  });

  r.put(`${base}/external/:externalId`, {
    schema: { tags, summary: `Create or update a ${kind} by external id`, params: ZExternalParams, body },
    config: { access: 'funnel.write' },
  }, async (request, reply) => {
    const input = { ...request.body, externalId: request.params.externalId };
    const saved = await saveOneRecord(request.ctx, kind, input, { mode: 'upsert' });
    return reply.status(saved.isNew ? 201 : 200).send(await getRecord(request.ctx, kind, saved.id));
  });

  if (kind !== 'lead') {
    r.get(`${base}/:id`, {
      schema: { tags, summary: DETAIL[kind].summary, params: ZRecordParams },
      config: { access: 'funnel.read' },
    }, async (request) => DETAIL[kind].read(request.ctx, request.params.id));

    r.get(base, {
      schema: { tags, summary: `${RECORD_PATHS[kind]}, newest first`, params: ZWorkspaceParams, querystring: ZPageQuery },
      config: { access: 'funnel.read' },
    }, async (request) => listRecords(request.ctx, kind, request.query));
  }
}

export function registerRecordRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  for (const kind of Object.keys(RECORD_PATHS) as RecordKind[]) registerRecordKind(app, kind);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/workspaces/:workspaceId/leads/:id/stage', {
    schema: { tags: ['leads'], summary: 'Move a lead to a stage, with the reason (logged)', params: ZRecordParams, body: ZStageChange },
    config: { access: 'funnel.write' },
  }, async (request) => changeLeadStage(request.ctx, request.params.id, request.body));

  r.post('/api/v1/workspaces/:workspaceId/touchpoints/batch', {
    schema: {
      tags: ['touchpoints'],
      summary: 'Store up to 10,000 touchpoints at once; a batch sent twice is stored once',
      params: ZWorkspaceParams,
      body: ZTouchpointBatch,
      response: { 200: z.object({ received: z.number(), stored: z.number(), duplicates: z.number() }) },
    },
    bodyLimit: BATCH_BODY_LIMIT,
    config: { access: 'funnel.write' },
  }, async (request) => ingestTouchpoints(request.ctx, request.body.touchpoints));
}
