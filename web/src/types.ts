/** Shapes of what the server sends, taken from the shared schemas (types only: no zod in the bundle). */
import type { z } from 'zod';
import type { ZLinkInfo, ZMe } from '../../core/schemas/identity.ts';
import type {
  ZAuditEvent,
  ZInvitation,
  ZInvitationInfo,
  ZMember,
  ZOneTimeLink,
  ZToken,
  ZTokenCreated,
  ZWorkspace,
} from '../../core/schemas/workspaces.ts';

export type Me = z.infer<typeof ZMe>;
export type User = Me['user'];
export type WorkspaceSummary = Me['workspaces'][number];
export type Workspace = z.infer<typeof ZWorkspace>;
export type Member = z.infer<typeof ZMember>;
export type Invitation = z.infer<typeof ZInvitation>;
export type InvitationInfo = z.infer<typeof ZInvitationInfo>;
export type LinkInfo = z.infer<typeof ZLinkInfo>;
export type OneTimeLink = z.infer<typeof ZOneTimeLink>;
export type Token = z.infer<typeof ZToken>;
export type TokenCreated = z.infer<typeof ZTokenCreated>;
export type AuditEvent = z.infer<typeof ZAuditEvent>;
export type Page<T> = { items: T[]; nextCursor: string | null };
export type Items<T> = { items: T[] };
