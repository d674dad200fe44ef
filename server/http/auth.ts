import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action, type Actor, type Role } from '../../core/permissions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { resolveSession, type UserDto } from '../modules/identity/identity.service.ts';
import { resolveToken } from '../modules/tokens/tokens.service.ts';
import type { ServiceContext } from './context.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'accord_session';

/** Who a route lets in: anyone, any signed-in person, or holders of one workspace action. */
export type Access = 'public' | 'user' | Action;

/** Who sent the request; for a person, also their role in the workspace the request names (if any). */
export type Principal =
  | { kind: 'user'; user: UserDto; sessionToken: string; role: Role | null }
  | { kind: 'token'; workspaceId: string; actor: Actor };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A public endpoint that other websites post to (the tracking beacon): no same-origin check. */
    crossSite?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    ctx: ServiceContext;
  }
}

export const API_PREFIX = '/api/v1/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
  return match[1]!;
}

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Cookies ride along on cross-site requests, so a browser request that changes something must
 * come from Accord's own origin. Token requests carry no ambient credentials and are exempt.
 */
function assertSameOrigin(request: FastifyRequest, config: Config): void {
  const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
  const allowed = new Set([new URL(config.publicUrl).origin, `${request.protocol}://${request.headers.host}`]);
  if (!origin || !allowed.has(origin)) {
    throw new AppError('forbidden', 'This request did not come from the Accord web page (origin check failed).');
  }
}

function workspaceParam(request: FastifyRequest): string | null {
  const workspaceId = (request.params as { workspaceId?: string } | undefined)?.workspaceId;
  return workspaceId && UUID.test(workspaceId) ? workspaceId : null;
}

async function resolvePrincipal(request: FastifyRequest, db: Db, now: Date): Promise<Principal | null> {
  const bearer = bearerOf(request);
  if (bearer) {
    const token = await resolveToken(db, bearer, now);
    if (token.status === 'invalid') throw new AppError('unauthenticated', token.reason);
    return { kind: 'token', workspaceId: token.workspaceId, actor: token.actor };
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (!sessionToken) return null;
  const session = await resolveSession(db, sessionToken, workspaceParam(request), now);
  if (session.status === 'expired') throw new AppError('unauthenticated', 'Your session has expired; sign in again.');
  if (session.status === 'unknown') return null;
  return { kind: 'user', user: session.user, sessionToken, role: session.role };
}

function workspaceActor(principal: Principal, workspaceId: string): Actor {
  const unknown = new AppError('not_found', 'Workspace not found, or you are not a member of it.');
  if (principal.kind === 'token') {
    if (principal.workspaceId !== workspaceId) throw unknown;
    return principal.actor;
  }
  if (!principal.role) throw unknown;
  return { kind: 'user', userId: principal.user.id, role: principal.role };
}

/**
 * Authentication and authorization for every API route. Each route declares its access in
 * `config.access`; a route that forgets is refused, so no route is open by omission.
 */
export function installAuth(app: FastifyInstance, deps: { db: Db; config: Config; clock: () => Date }): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('ctx', null as unknown as ServiceContext);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith(API_PREFIX)) return;
    const isPublic = request.routeOptions.config.access === 'public';
    request.principal = await resolvePrincipal(request, deps.db, deps.clock()).catch((error: unknown) => {
      if (isPublic && error instanceof AppError) return null;
      throw error;
    });
    const isExempt = request.principal?.kind === 'token' || request.routeOptions.config.crossSite === true;
    if (MUTATING.has(request.method) && !isExempt) assertSameOrigin(request, deps.config);
  });

  // Before validation, so that an outsider learns nothing about a route, not even its input rules.
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith(API_PREFIX)) return;
    const access = request.routeOptions.config.access;
    if (access === undefined) throw new AppError('internal', 'This route declares no access rule.');
    if (access === 'public') return;
    const principal = request.principal;
    if (!principal) throw new AppError('unauthenticated', 'Sign in, or send an API token, to use this.');
    if (access === 'user') {
      if (principal.kind !== 'user') throw new AppError('forbidden', 'This needs a signed-in person, not an API token.');
      return;
    }
    const workspaceId = (request.params as { workspaceId?: string }).workspaceId;
    if (!workspaceId) throw new AppError('internal', 'A workspace route has no workspaceId parameter.');
    if (!UUID.test(workspaceId)) throw new AppError('not_found', 'Workspace not found, or you are not a member of it.');
    const actor = workspaceActor(principal, workspaceId);
    if (!can(actor, access)) {
      throw new AppError('forbidden', `Your role does not allow this (needs permission "${access}").`);
    }
    request.ctx = { db: deps.db, actor, workspaceId, now: deps.clock() };
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, config: Config): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    maxAge: config.sessionDays * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in person of a route with access 'user'. */
export function signedInUser(request: FastifyRequest): UserDto {
  if (request.principal?.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to use this.');
  return request.principal.user;
}
