import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { ZDay } from '../../../core/schemas/funnel.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { registerCoSignedRoutes } from '../signing/signing.routes.ts';
import { diffVersions, getVersion, LEAD_CONTRACT, ZVersionContent } from './contract.service.ts';
import { backtestVersion, leadScore, rescoreInBackground } from './scoring.service.ts';
import { loadScoredLeads } from './subjects.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZLeadParams = z.object({ workspaceId: ZId, id: ZId });
const ZBacktest = z
  .object({ version: z.number().int().min(1), from: ZDay, to: ZDay, examples: z.number().int().min(0).max(50).optional() })
  .refine((b) => b.to > b.from, { error: 'must be after from', path: ['to'] });
const MAX_SAMPLE = 500;

export function registerContractRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/lead-contract';
  const tags = ['lead contract'];

  registerCoSignedRoutes(app, {
    path: 'lead-contract',
    tags,
    doc: LEAD_CONTRACT,
    content: ZVersionContent,
    access: { edit: 'contract.edit', sign: 'contract.sign' },
    detail: getVersion,
    onSigned: (ctx, signed, log) => {
      if (signed.activated) rescoreInBackground(ctx, log);
    },
  });

  r.get(`${base}/diff`, {
    schema: { tags, summary: 'What changed between two versions', params: ZWorkspaceParams, querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
    config: { access: 'funnel.read' },
  }, async (request) => diffVersions(request.ctx, request.query.from, request.query.to));

  r.post(`${base}/backtest`, {
    schema: { tags, summary: 'Run a version over the leads created in a period, beside the active one', params: ZWorkspaceParams, body: ZBacktest },
    config: { access: 'contract.edit' },
  }, async (request) => backtestVersion(request.ctx, request.body));

  r.get(`${base}/sample`, {
    schema: { tags, summary: 'Recent leads with their touchpoints, for the editor’s live preview (scored in the browser)', params: ZWorkspaceParams, querystring: z.object({ size: z.coerce.number().int().min(1).max(MAX_SAMPLE).default(100) }) },
    config: { access: 'contract.edit' },
  }, async (request) => {
    const leads = await loadScoredLeads(request.ctx.db, request.ctx.workspaceId, sql`true`, { order: sql`l.created_at desc, l.id`, limit: request.query.size });
    return { items: leads };
  });

  r.get('/api/v1/workspaces/:workspaceId/leads/:id/score', {
    schema: { tags: ['leads'], summary: 'A lead’s score under the contract version that made it, rule by rule', params: ZLeadParams },
    config: { access: 'funnel.read' },
  }, async (request) => leadScore(request.ctx, request.params.id));
}
