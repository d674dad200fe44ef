import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDisputeInput, ZDisputeQuery, ZDisputeResolution } from '../../../core/schemas/attribution.ts';
import { ZId } from '../../../core/schemas/common.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { registerCoSignedRoutes } from '../signing/signing.routes.ts';
import { CREDIT_POLICY, listPolicyVersions, ZCreditPolicyContent } from './credit-policy.service.ts';
import { getDispute, listDisputes, openDispute, resolveDispute } from './disputes.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZDisputeParams = z.object({ workspaceId: ZId, id: ZId });

/** The credit policy (co-signed like the lead contract) and credit disputes. */
export function registerCreditRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const disputes = '/api/v1/workspaces/:workspaceId/credit/disputes';
  const tags = ['credit'];

  registerCoSignedRoutes(app, {
    path: 'credit/policy',
    tags,
    doc: CREDIT_POLICY,
    content: ZCreditPolicyContent,
    access: { edit: 'credit.edit', sign: 'credit.sign' },
    list: listPolicyVersions,
  });

  r.get(disputes, {
    schema: { tags, summary: 'Credit disputes, newest first', params: ZWorkspaceParams, querystring: ZDisputeQuery },
    config: { access: 'funnel.read' },
  }, async (request) => ({ items: await listDisputes(request.ctx, request.query) }));

  r.post(disputes, {
    schema: { tags, summary: 'Dispute a deal’s credit: the channel or campaign it should go to, and why', params: ZWorkspaceParams, body: ZDisputeInput },
    config: { access: 'credit.dispute' },
  }, async (request, reply) => reply.status(201).send(await openDispute(request.ctx, request.body)));

  r.get(`${disputes}/:id`, {
    schema: { tags, summary: 'One credit dispute', params: ZDisputeParams },
    config: { access: 'funnel.read' },
  }, async (request) => getDispute(request.ctx, request.params.id));

  r.post(`${disputes}/:id/resolve`, {
    schema: { tags, summary: 'Resolve a dispute: upheld or rejected, with a note (the signer who did not open it)', params: ZDisputeParams, body: ZDisputeResolution },
    config: { access: 'credit.sign' },
  }, async (request) => resolveDispute(request.ctx, request.params.id, request.body));
}
