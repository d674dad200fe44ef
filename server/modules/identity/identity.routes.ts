import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../../core/schemas/common.ts';
import { ZLinkInfo, ZMe, ZSetPassword, ZSignIn, ZUser } from '../../../core/schemas/identity.ts';
import { clearSessionCookie, setSessionCookie, signedInUser } from '../../http/auth.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { describeMe, describeOneTimeLink, endSession, redeemOneTimeLink, signIn } from './identity.service.ts';

const ZSecretParams = z.object({ secret: z.string().min(16).max(200) });
const tags = ['auth'];

export function registerIdentityRoutes(app: FastifyInstance, { db, config, clock }: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/sign-in', {
    schema: { tags, summary: 'Sign in with email and password', body: ZSignIn, response: { 200: z.object({ user: ZUser }), 401: ZErrorBody } },
    config: { access: 'public', rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { user, sessionToken } = await signIn(db, { ...request.body, now: clock(), sessionDays: config.sessionDays });
    setSessionCookie(reply, sessionToken, config);
    return { user };
  });

  r.post('/api/v1/auth/sign-out', {
    schema: { tags, summary: 'Sign out (ends this session)' },
    config: { access: 'public' },
  }, async (request, reply) => {
    if (request.principal?.kind === 'user') await endSession(db, request.principal.sessionToken);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  r.get('/api/v1/auth/me', {
    schema: { tags, summary: 'The signed-in person and their workspaces', response: { 200: ZMe } },
    config: { access: 'user' },
  }, async (request) => describeMe(db, signedInUser(request)));

  r.get('/api/v1/auth/links/:secret', {
    schema: { tags, summary: 'Describe a one-time sign-in or reset link', params: ZSecretParams, response: { 200: ZLinkInfo } },
    config: { access: 'public' },
  }, async (request) => describeOneTimeLink(db, request.params.secret, clock()));

  r.post('/api/v1/auth/links/:secret', {
    schema: { tags, summary: 'Use a one-time link: set a password and sign in', params: ZSecretParams, body: ZSetPassword, response: { 200: z.object({ user: ZUser }) } },
    config: { access: 'public' },
  }, async (request, reply) => {
    const { user, sessionToken } = await redeemOneTimeLink(db, {
      secret: request.params.secret,
      ...request.body,
      now: clock(),
      sessionDays: config.sessionDays,
    });
    setSessionCookie(reply, sessionToken, config);
    return { user };
  });
}
