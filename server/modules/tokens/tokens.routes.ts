import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { ZToken, ZTokenCreate, ZTokenCreated } from '../../../core/schemas/workspaces.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const tags = ['api tokens'];

export function registerTokenRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/workspaces/:workspaceId/tokens', {
    schema: { tags, summary: 'API tokens of the workspace (secrets are never shown again)', params: ZWorkspaceParams, response: { 200: z.object({ items: z.array(ZToken) }) } },
    config: { access: 'tokens.manage' },
  }, async (request) => ({ items: await listTokens(request.ctx) }));

  r.post('/api/v1/workspaces/:workspaceId/tokens', {
    schema: { tags, summary: 'Create an API token; its secret is returned once', params: ZWorkspaceParams, body: ZTokenCreate, response: { 201: ZTokenCreated } },
    config: { access: 'tokens.manage' },
  }, async (request, reply) => reply.status(201).send(await createToken(request.ctx, request.body)));

  r.delete('/api/v1/workspaces/:workspaceId/tokens/:tokenId', {
    schema: { tags, summary: 'Revoke an API token', params: ZWorkspaceParams.extend({ tokenId: ZId }) },
    config: { access: 'tokens.manage' },
  }, async (request, reply) => {
    await revokeToken(request.ctx, request.params.tokenId);
    return reply.status(204).send();
  });
}
