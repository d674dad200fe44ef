import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { ZCalendarQuery, ZCampaignSettings } from '../../../core/schemas/campaigns.ts';
import { notFound } from '../../http/errors.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { calendarFeed, getCalendar } from './calendar.service.ts';
import { getCampaignSettings, getFeed, rotateFeed, saveCampaignSettings } from './settings.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });

/** The campaign calendar, the launch policy, and the workspace's iCalendar feed at its secret address. */
export function registerCalendarRoutes(app: FastifyInstance, { db, config, clock }: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const workspace = '/api/v1/workspaces/:workspaceId';
  const tags = ['campaign calendar'];

  r.get(`${workspace}/calendar`, {
    schema: { tags, summary: 'Campaigns running in a period with their readiness, by channel, product, team, owner or status; competing offers as overlaps', params: ZWorkspaceParams, querystring: ZCalendarQuery },
    config: { access: 'funnel.read' },
  }, async (request) => getCalendar(request.ctx, request.query));

  r.get(`${workspace}/campaign-settings`, {
    schema: { tags, summary: 'The launch policy: minimum notice before launch, the discount above which Finance approves', params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => getCampaignSettings(request.ctx));

  r.put(`${workspace}/campaign-settings`, {
    schema: { tags, summary: 'Set the launch policy', params: ZWorkspaceParams, body: ZCampaignSettings },
    config: { access: 'workspace.update' },
  }, async (request) => saveCampaignSettings(request.ctx, request.body));

  r.get(`${workspace}/calendar/feed`, {
    schema: { tags, summary: 'The secret address of the workspace’s iCalendar feed (null until an admin turns it on)', params: ZWorkspaceParams },
    config: { access: 'funnel.read' },
  }, async (request) => getFeed(request.ctx, config));

  r.post(`${workspace}/calendar/feed/rotate`, {
    schema: { tags, summary: 'Turn the iCalendar feed on, or move it to a new secret address (the old one stops working)', params: ZWorkspaceParams },
    config: { access: 'workspace.update' },
  }, async (request) => rotateFeed(request.ctx, config));

  r.get('/api/v1/calendar/:secret.ics', {
    schema: { tags, summary: 'The iCalendar feed (RFC 5545) for Google, Outlook and Apple calendars: no sign-in, the secret is the key', params: z.object({ secret: z.string().max(200) }), security: [] },
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const feed = await calendarFeed(db, config, request.params.secret, clock());
    if (feed === null) throw notFound('Calendar feed');
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').header('content-disposition', 'inline; filename="campaigns.ics"').send(feed);
  });
}
