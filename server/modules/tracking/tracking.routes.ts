import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { ZCollect, ZTrackingSiteCreate } from '../../../core/schemas/funnel.ts';
import { AppError } from '../../http/errors.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { collect, createTrackingSite, deactivateTrackingSite, listTrackingSites, snippetHtml } from './tracking.service.ts';

const SNIPPET = fs.readFileSync(new URL('./snippet.js', import.meta.url), 'utf8');
const COLLECT_BODY_LIMIT = 64 * 1024;
const ZWorkspaceParams = z.object({ workspaceId: ZId });

/** The collect endpoint takes cross-site beacons: JSON sent as text/plain, so no preflight is needed. */
async function registerCollect(scope: FastifyInstance, { db, clock }: RouteDeps): Promise<void> {
  scope.removeContentTypeParser('text/plain');
  scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: COLLECT_BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('bad_request', 'The body is not valid JSON.'), undefined);
    }
  });
  scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/collect', {
    schema: { tags: ['tracking'], summary: 'Website snippet beacon (public, write-only site key)', body: ZCollect, security: [] },
    bodyLimit: COLLECT_BODY_LIMIT,
    config: { access: 'public', crossSite: true, rateLimit: { max: 300, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const doNotTrack = request.headers.dnt === '1' || request.headers['sec-gpc'] === '1';
    await collect(db, request.body, { origin: request.headers.origin ?? null, doNotTrack, now: clock() });
    return reply.status(204).send();
  });
}

export async function registerTrackingRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/tracking-sites';
  const withSnippet = <T extends { publicKey: string }>(site: T) => ({ ...site, snippet: snippetHtml(deps.config.publicUrl, site.publicKey) });

  app.get('/t.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').header('cross-origin-resource-policy', 'cross-origin').send(SNIPPET),
  );
  await app.register((scope) => registerCollect(scope, deps));

  r.get(base, {
    schema: { tags: ['tracking'], summary: 'Website tracking sites with their snippet', params: ZWorkspaceParams },
    config: { access: 'tracking.manage' },
  }, async (request) => ({ items: (await listTrackingSites(request.ctx)).map(withSnippet) }));

  r.post(base, {
    schema: { tags: ['tracking'], summary: 'Create a tracking site and its public key', params: ZWorkspaceParams, body: ZTrackingSiteCreate },
    config: { access: 'tracking.manage' },
  }, async (request, reply) => reply.status(201).send(withSnippet(await createTrackingSite(request.ctx, request.body))));

  r.delete(`${base}/:siteId`, {
    schema: { tags: ['tracking'], summary: 'Deactivate a tracking site', params: ZWorkspaceParams.extend({ siteId: ZId }) },
    config: { access: 'tracking.manage' },
  }, async (request, reply) => {
    await deactivateTrackingSite(request.ctx, request.params.siteId);
    return reply.status(204).send();
  });
}
