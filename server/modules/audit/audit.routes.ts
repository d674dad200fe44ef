import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZPageQuery, zPage } from '../../../core/schemas/common.ts';
import { ZAuditEvent, ZAuditQuery } from '../../../core/schemas/workspaces.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { listAuditEvents } from './audit.service.ts';

export function registerAuditRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceId/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit log, newest first, with filters and cursor pagination',
      params: z.object({ workspaceId: ZId }),
      querystring: ZAuditQuery.extend(ZPageQuery.shape),
      response: { 200: zPage(ZAuditEvent) },
    },
    config: { access: 'audit.read' },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    return listAuditEvents(request.ctx, filter, { limit, cursor });
  });
}
