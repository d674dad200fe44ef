import { z } from 'zod';
import { ACTIONS } from '../permissions.ts';
import { ZEmail, ZId, ZName, ZPassword } from './common.ts';
import { ZRole } from './identity.ts';

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
    error: 'must be 1-40 lowercase letters, digits or dashes, not starting or ending with a dash',
  });

export const ZWorkspace = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  createdAt: z.iso.datetime(),
});
export type Workspace = z.infer<typeof ZWorkspace>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ZTimeZone = z.string().refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Paris' });

export const ZWorkspaceCreate = z.object({ name: ZName, slug: ZSlug, timeZone: ZTimeZone.default('UTC') });
export const ZWorkspaceUpdate = z.object({ name: ZName.optional(), timeZone: ZTimeZone.optional() });

export const ZMember = z.object({
  userId: ZId,
  email: z.string(),
  name: z.string(),
  role: ZRole,
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof ZMember>;

export const ZMemberUpdate = z.object({ role: ZRole });

export const ZInvitationCreate = z.object({ email: ZEmail, role: ZRole });

export const ZInvitation = z.object({
  id: ZId,
  email: z.string(),
  role: ZRole,
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

export const ZInvitationInfo = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: ZRole,
  hasAccount: z.boolean(),
});

export const ZInvitationAccept = z.object({ password: ZPassword, name: ZName.optional() });

/** A one-time link: the secret URL is shown once and never stored. */
export const ZOneTimeLink = z.object({ url: z.string(), expiresAt: z.iso.datetime() });

export const ZAction = z.enum(ACTIONS, { error: `must be one of: ${ACTIONS.join(', ')}` });

export const ZTokenCreate = z.object({
  name: ZName,
  permissions: z.array(ZAction).min(1, { error: 'must grant at least one permission' }),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});

export const ZToken = z.object({
  id: ZId,
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(ZAction),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

export const ZTokenCreated = z.object({ token: ZToken, secret: z.string() });

export const ZAuditEvent = z.object({
  id: ZId,
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  viaToken: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

export const ZAuditQuery = z.object({
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  actorId: ZId.optional(),
  from: z.iso.datetime({ error: 'must be an ISO date-time' }).optional(),
  to: z.iso.datetime({ error: 'must be an ISO date-time' }).optional(),
});
