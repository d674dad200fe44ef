import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { ZDay } from '../../../core/schemas/funnel.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { addComment, createDraft, diffVersions, getVersion, listVersions, proposeVersion, signVersion, updateVersion, ZVersionContent } from './contract.service.ts';
import { backtestVersion, leadScore, rescoreInBackground } from './scoring.service.ts';
import { loadScoredLeads } from './subjects.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZVersionParams = z.object({ workspaceId: ZId, version: z.coerce.number().int().min(1) });
const ZLeadParams = z.object({ workspaceId: ZId, id: ZId });
const ZBacktest = z
  .object({ version: z.number().int().min(1), from: ZDay, to: ZDay, examples: z.number().int().min(0).max(50).optional() })
  .refine((b) => b.to > b.from, { error: 'must be after from', path: ['to'] });
const MAX_SAMPLE = 500;

export function registerContractRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/lead-contract';
  const tags = ['lead contract'];

  r.get(base, {
    schema: { tags, summary: 'Lead contract versions, newest first, with their valid signatures', params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => ({ items: await listVersions(request.ctx) }));

  r.post(`${base}/versions`, {
    schema: { tags, summary: 'Start a draft from a version (default: the active one)', params: ZWorkspaceParams, body: z.object({ basedOn: z.number().int().min(1).optional(), name: z.string().trim().min(1).max(120).optional() }) },
    config: { access: 'contract.edit' },
  }, async (request, reply) => reply.status(201).send(await createDraft(request.ctx, request.body)));

  r.get(`${base}/versions/:version`, {
    schema: { tags, summary: 'One version: content, signatures, comments, changes from the active one', params: ZVersionParams },
    config: { access: 'funnel.read' },
  }, async (request) => getVersion(request.ctx, request.params.version));

  r.put(`${base}/versions/:version`, {
    schema: { tags, summary: 'Change a draft or proposed version (voids its signatures)', params: ZVersionParams, body: ZVersionContent },
    config: { access: 'contract.edit' },
  }, async (request) => updateVersion(request.ctx, request.params.version, request.body));

  r.post(`${base}/versions/:version/propose`, {
    schema: { tags, summary: 'Put a draft up for both teams to sign', params: ZVersionParams },
    config: { access: 'contract.edit' },
  }, async (request) => proposeVersion(request.ctx, request.params.version));

  r.post(`${base}/versions/:version/sign`, {
    schema: { tags, summary: 'Sign a proposed version for your team; with both signatures it becomes active', params: ZVersionParams },
    config: { access: 'contract.sign' },
  }, async (request) => {
    const signed = await signVersion(request.ctx, request.params.version);
    if (signed.activated) rescoreInBackground(request.ctx, request.log);
    return signed;
  });

  r.post(`${base}/versions/:version/comments`, {
    schema: { tags, summary: 'Comment on a version', params: ZVersionParams, body: z.object({ body: z.string().trim().min(1, { error: 'is required' }).max(4000) }) },
    config: { access: 'funnel.read' },
  }, async (request, reply) => reply.status(201).send(await addComment(request.ctx, request.params.version, request.body.body)));

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
    const leads = await loadScoredLeads(request.ctx.db, request.ctx.workspaceId, sql`true`, sql`l.created_at desc, l.id`, request.query.size);
    return { items: leads };
  });

  r.get('/api/v1/workspaces/:workspaceId/leads/:id/score', {
    schema: { tags: ['leads'], summary: 'A lead’s score under the contract version that made it, rule by rule', params: ZLeadParams },
    config: { access: 'funnel.read' },
  }, async (request) => leadScore(request.ctx, request.params.id));
}
