import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { ZUser, ZWorkspaceSummary } from '../../../core/schemas/identity.ts';
import {
  ZInvitation,
  ZInvitationAccept,
  ZInvitationCreate,
  ZInvitationInfo,
  ZMember,
  ZMemberUpdate,
  ZOneTimeLink,
  ZWorkspace,
  ZWorkspaceCreate,
  ZWorkspaceUpdate,
} from '../../../core/schemas/workspaces.ts';
import { setSessionCookie, signedInUser } from '../../http/auth.ts';
import { linkUrl, type RouteDeps } from '../../http/routes.ts';
import { describeMe } from '../identity/identity.service.ts';
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  createWorkspace,
  describeInvitation,
  getWorkspace,
  issueResetLink,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  updateWorkspace,
} from './workspaces.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZMemberParams = ZWorkspaceParams.extend({ userId: ZId });
const ZInvitationParams = ZWorkspaceParams.extend({ invitationId: ZId });
const ZSecretParams = z.object({ secret: z.string().min(16).max(200) });

export function registerWorkspaceRoutes(app: FastifyInstance, { db, config, clock }: RouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workspaces'];

  r.get('/api/v1/workspaces', {
    schema: { tags, summary: 'Workspaces the signed-in person belongs to', response: { 200: z.object({ items: z.array(ZWorkspaceSummary) }) } },
    config: { access: 'user' },
  }, async (request) => ({ items: (await describeMe(db, signedInUser(request))).workspaces }));

  r.post('/api/v1/workspaces', {
    schema: { tags, summary: 'Create a workspace (you become its admin)', body: ZWorkspaceCreate, response: { 201: ZWorkspace } },
    config: { access: 'user' },
  }, async (request, reply) => {
    const workspace = await createWorkspace(db, { ...request.body, ownerId: signedInUser(request).id, now: clock() });
    return reply.status(201).send(workspace);
  });

  r.get('/api/v1/workspaces/:workspaceId', {
    schema: { tags, summary: 'One workspace', params: ZWorkspaceParams, response: { 200: ZWorkspace } },
    config: { access: 'workspace.read' },
  }, async (request) => getWorkspace(request.ctx));

  r.patch('/api/v1/workspaces/:workspaceId', {
    schema: { tags, summary: 'Rename a workspace or change its time zone', params: ZWorkspaceParams, body: ZWorkspaceUpdate, response: { 200: ZWorkspace } },
    config: { access: 'workspace.update' },
  }, async (request) => updateWorkspace(request.ctx, request.body));

  const memberTags = ['members'];
  r.get('/api/v1/workspaces/:workspaceId/members', {
    schema: { tags: memberTags, summary: 'Members and their roles', params: ZWorkspaceParams, response: { 200: z.object({ items: z.array(ZMember) }) } },
    config: { access: 'members.read' },
  }, async (request) => ({ items: await listMembers(request.ctx) }));

  r.patch('/api/v1/workspaces/:workspaceId/members/:userId', {
    schema: { tags: memberTags, summary: "Change a member's role", params: ZMemberParams, body: ZMemberUpdate, response: { 200: ZMember } },
    config: { access: 'members.manage' },
  }, async (request) => changeMemberRole(request.ctx, request.params.userId, request.body.role));

  r.delete('/api/v1/workspaces/:workspaceId/members/:userId', {
    schema: { tags: memberTags, summary: 'Remove a member from the workspace', params: ZMemberParams },
    config: { access: 'members.manage' },
  }, async (request, reply) => {
    await removeMember(request.ctx, request.params.userId);
    return reply.status(204).send();
  });

  r.post('/api/v1/workspaces/:workspaceId/members/:userId/reset-link', {
    schema: { tags: memberTags, summary: 'Issue a one-time password reset link for a member', params: ZMemberParams, response: { 201: ZOneTimeLink } },
    config: { access: 'members.manage' },
  }, async (request, reply) => {
    const link = await issueResetLink(request.ctx, request.params.userId);
    return reply.status(201).send({ url: linkUrl(config, 'link', link.secret), expiresAt: link.expiresAt.toISOString() });
  });

  const invitationTags = ['invitations'];
  r.get('/api/v1/workspaces/:workspaceId/invitations', {
    schema: { tags: invitationTags, summary: 'Invitations, newest first', params: ZWorkspaceParams, response: { 200: z.object({ items: z.array(ZInvitation) }) } },
    config: { access: 'invitations.manage' },
  }, async (request) => ({ items: await listInvitations(request.ctx) }));

  r.post('/api/v1/workspaces/:workspaceId/invitations', {
    schema: {
      tags: invitationTags,
      summary: 'Invite a person by email; the link is returned once',
      params: ZWorkspaceParams,
      body: ZInvitationCreate,
      response: { 201: z.object({ invitation: ZInvitation, url: z.string() }) },
    },
    config: { access: 'invitations.manage' },
  }, async (request, reply) => {
    const { invitation, secret } = await createInvitation(request.ctx, request.body);
    return reply.status(201).send({ invitation, url: linkUrl(config, 'invite', secret) });
  });

  r.delete('/api/v1/workspaces/:workspaceId/invitations/:invitationId', {
    schema: { tags: invitationTags, summary: 'Revoke an invitation', params: ZInvitationParams },
    config: { access: 'invitations.manage' },
  }, async (request, reply) => {
    await revokeInvitation(request.ctx, request.params.invitationId);
    return reply.status(204).send();
  });

  r.get('/api/v1/invitations/:secret', {
    schema: { tags: invitationTags, summary: 'Describe an invitation link', params: ZSecretParams, response: { 200: ZInvitationInfo } },
    config: { access: 'public' },
  }, async (request) => describeInvitation(db, request.params.secret, clock()));

  r.post('/api/v1/invitations/:secret/accept', {
    schema: {
      tags: invitationTags,
      summary: 'Accept an invitation and sign in',
      params: ZSecretParams,
      body: ZInvitationAccept,
      response: { 200: z.object({ user: ZUser, workspaceId: ZId }) },
    },
    config: { access: 'public' },
  }, async (request, reply) => {
    const accepted = await acceptInvitation(db, { secret: request.params.secret, ...request.body, now: clock(), sessionDays: config.sessionDays });
    setSessionCookie(reply, accepted.sessionToken, config);
    return { user: accepted.user, workspaceId: accepted.workspaceId };
  });
}
