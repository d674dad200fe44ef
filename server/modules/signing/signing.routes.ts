import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Action } from '../../../core/permissions.ts';
import { ZId } from '../../../core/schemas/common.ts';
import type { ServiceContext } from '../../http/context.ts';
import * as signing from './signing.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZVersionParams = z.object({ workspaceId: ZId, version: z.coerce.number().int().min(1) });

type Signed = Awaited<ReturnType<typeof signing.signVersion>>;

export type CoSignedRoutes<C extends Record<string, unknown>> = {
  /** Under /api/v1/workspaces/:workspaceId, e.g. 'lead-contract'. */
  path: string;
  tags: string[];
  doc: signing.CoSignedDocument<C>;
  /** The body of a version's edit: its name and content. */
  content: z.ZodType<{ name: string } & C>;
  access: { edit: Action; sign: Action };
  /** The versions list (default: `{ items }`). */
  list?: (ctx: ServiceContext) => Promise<unknown>;
  /** One version (default: content, signatures, comments, the roles it awaits). */
  detail?: (ctx: ServiceContext, version: number) => Promise<unknown>;
  /** After a signature, in the request (the lead contract rescores when it became active). */
  onSigned?: (ctx: ServiceContext, signed: Signed, log: FastifyBaseLogger) => void;
};

/** The routes every co-signed document has: list, draft, read, edit, propose, sign, comment. */
export function registerCoSignedRoutes<C extends Record<string, unknown>>(app: FastifyInstance, routes: CoSignedRoutes<C>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { doc, tags, access } = routes;
  const base = `/api/v1/workspaces/:workspaceId/${routes.path}`;
  const Label = doc.label.charAt(0).toUpperCase() + doc.label.slice(1);

  r.get(base, {
    schema: { tags, summary: `${Label} versions, newest first, with their valid signatures`, params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => (routes.list ? routes.list(request.ctx) : { items: await signing.listVersions(doc, request.ctx) }));

  r.post(`${base}/versions`, {
    schema: { tags, summary: 'Start a draft from a version (default: the active one)', params: ZWorkspaceParams, body: z.object({ basedOn: z.number().int().min(1).optional(), name: z.string().trim().min(1).max(120).optional() }) },
    config: { access: access.edit },
  }, async (request, reply) => reply.status(201).send(await signing.createDraft(doc, request.ctx, request.body)));

  r.get(`${base}/versions/:version`, {
    schema: { tags, summary: 'One version: content, signatures, comments, the roles it awaits', params: ZVersionParams },
    config: { access: 'funnel.read' },
  }, async (request) => (routes.detail ? routes.detail(request.ctx, request.params.version) : signing.versionDetail(doc, request.ctx, request.params.version)));

  r.put(`${base}/versions/:version`, {
    schema: { tags, summary: 'Change a draft or proposed version (a change of content voids its signatures)', params: ZVersionParams, body: routes.content },
    config: { access: access.edit },
  }, async (request) => signing.updateVersion(doc, request.ctx, request.params.version, request.body as { name: string } & C));

  r.post(`${base}/versions/:version/propose`, {
    schema: { tags, summary: 'Put a draft up for both teams to sign', params: ZVersionParams },
    config: { access: access.edit },
  }, async (request) => signing.proposeVersion(doc, request.ctx, request.params.version));

  r.post(`${base}/versions/:version/sign`, {
    schema: { tags, summary: 'Sign a proposed version for your team; with both signatures it becomes active', params: ZVersionParams },
    config: { access: access.sign },
  }, async (request) => {
    const signed = await signing.signVersion(doc, request.ctx, request.params.version);
    routes.onSigned?.(request.ctx, signed, request.log);
    return signed;
  });

  r.post(`${base}/versions/:version/comments`, {
    schema: { tags, summary: 'Comment on a version', params: ZVersionParams, body: z.object({ body: z.string().trim().min(1, { error: 'is required' }).max(4000) }) },
    config: { access: 'funnel.read' },
  }, async (request, reply) => reply.status(201).send(await signing.addComment(doc, request.ctx, request.params.version, request.body.body)));
}
