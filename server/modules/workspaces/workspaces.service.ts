import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { personId, type Role } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createOneTimeLink, startSession, type UserDto } from '../identity/identity.service.ts';
import { users } from '../identity/identity.table.ts';
import { hashPassword, hashSecret, newSecret, verifyPassword } from '../identity/secrets.ts';
import { invitations, memberships, workspaces } from './workspaces.table.ts';

const INVITATION_TTL_MS = 7 * 86_400_000;

export type WorkspaceDto = { id: string; slug: string; name: string; timeZone: string; createdAt: string };

function toWorkspaceDto(row: typeof workspaces.$inferSelect): WorkspaceDto {
  return { id: row.id, slug: row.slug, name: row.name, timeZone: row.timeZone, createdAt: row.createdAt.toISOString() };
}

/** Creates a workspace with its creator as admin. */
export async function createWorkspace(
  db: Db,
  input: { name: string; slug: string; timeZone: string; ownerId: string; now: Date },
): Promise<WorkspaceDto> {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, input.slug));
    if (taken) throw new AppError('conflict', `The address "${input.slug}" is taken; choose another slug.`);
    const [row] = await tx
      .insert(workspaces)
      .values({ id: crypto.randomUUID(), slug: input.slug, name: input.name, timeZone: input.timeZone, createdAt: input.now })
      .returning();
    const workspace = row!;
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: input.ownerId, role: 'admin', createdAt: input.now });
    const ctx: ServiceContext = {
      db: tx,
      actor: { kind: 'user', userId: input.ownerId, role: 'admin' },
      workspaceId: workspace.id,
      now: input.now,
    };
    await recordAudit(tx, ctx, { action: 'workspace.create', entityType: 'workspace', entityId: workspace.id, after: workspace });
    return toWorkspaceDto(workspace);
  });
}

export async function findWorkspaceBySlug(db: Db, slug: string): Promise<WorkspaceDto | null> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  return row ? toWorkspaceDto(row) : null;
}

/** The role a person holds in a workspace, or null when they are not a member. */
export async function roleOf(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

export async function getWorkspace(ctx: ServiceContext): Promise<WorkspaceDto> {
  const [row] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
  if (!row) throw notFound('Workspace');
  return toWorkspaceDto(row);
}

export async function updateWorkspace(ctx: ServiceContext, input: { name?: string | undefined; timeZone?: string | undefined }): Promise<WorkspaceDto> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
    if (!before) throw notFound('Workspace');
    const [after] = await tx
      .update(workspaces)
      .set({ name: input.name ?? before.name, timeZone: input.timeZone ?? before.timeZone })
      .where(eq(workspaces.id, ctx.workspaceId))
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'workspace.update', entityType: 'workspace', entityId: before.id, before, after });
    return toWorkspaceDto(after!);
  });
}

export type MemberDto = { userId: string; email: string; name: string; role: Role; joinedAt: string };

/** All members of the workspace, by name. */
export async function listMembers(ctx: ServiceContext): Promise<MemberDto[]> {
  const rows = await ctx.db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, ctx.workspaceId))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
}

async function loadMembership(tx: Db, ctx: ServiceContext, userId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  if (!row) throw notFound('Member');
  return row;
}

async function assertAnotherAdminRemains(tx: Db, ctx: ServiceContext, userId: string): Promise<void> {
  const [{ admins } = { admins: 0 }] = await tx
    .select({ admins: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.role, 'admin'), ne(memberships.userId, userId)));
  if (Number(admins) === 0) throw new AppError('conflict', 'A workspace needs at least one admin; make someone else admin first.');
}

/** Changes a member's role; the last admin cannot lose the role. */
export async function changeMemberRole(ctx: ServiceContext, userId: string, role: Role): Promise<MemberDto> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadMembership(tx, ctx, userId);
    if (before.role === 'admin' && role !== 'admin') await assertAnotherAdminRemains(tx, ctx, userId);
    const [after] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)))
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'member.role_change', entityType: 'member', entityId: userId, before, after });
  });
  const member = (await listMembers(ctx)).find((m) => m.userId === userId);
  return member!;
}

/** Removes a member from the workspace (their account stays); the last admin cannot be removed. */
export async function removeMember(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadMembership(tx, ctx, userId);
    if (before.role === 'admin') await assertAnotherAdminRemains(tx, ctx, userId);
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'member.remove', entityType: 'member', entityId: userId, before });
  });
}

/**
 * Issues a password-reset link for a member. An admin may do so only for a person whose every
 * workspace they administer, so that no admin can take over an account that reaches elsewhere.
 */
export async function issueResetLink(ctx: ServiceContext, userId: string): Promise<{ secret: string; expiresAt: Date }> {
  return ctx.db.transaction(async (tx) => {
    await loadMembership(tx, ctx, userId);
    const actorId = personId(ctx.actor);
    const outside = await tx
      .select({ workspaceId: memberships.workspaceId })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          sql`not exists (select 1 from ${memberships} m2 where m2.workspace_id = ${memberships.workspaceId}
                and m2.user_id = ${actorId} and m2.role = 'admin')`,
        ),
      );
    if (outside.length > 0) {
      throw new AppError('forbidden', 'This person also belongs to a workspace you do not administer; an admin of every one of their workspaces must reset it.');
    }
    const link = await createOneTimeLink(tx, { userId, purpose: 'reset_password', now: ctx.now });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'member.reset_link', entityType: 'member', entityId: userId, after: { expiresAt: link.expiresAt } });
    return link;
  });
}

export type InvitationDto = {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
};

function toInvitationDto(row: typeof invitations.$inferSelect & { invitedByName: string }): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listInvitations(ctx: ServiceContext): Promise<InvitationDto[]> {
  const rows = await ctx.db
    .select({ invitation: invitations, invitedByName: users.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.workspaceId, ctx.workspaceId))
    .orderBy(sql`${invitations.createdAt} desc`);
  return rows.map(({ invitation, invitedByName }) => toInvitationDto({ ...invitation, invitedByName }));
}

/** Invites a person by email with a role; returns the secret for the link, shown once. */
export async function createInvitation(
  ctx: ServiceContext,
  input: { email: string; role: Role },
): Promise<{ invitation: InvitationDto; secret: string }> {
  const secret = newSecret();
  const invitedBy = personId(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(users.email, input.email)));
    if (member) throw new AppError('conflict', `${input.email} is already a member of this workspace.`);
    const [row] = await tx
      .insert(invitations)
      .values({
        workspaceId: ctx.workspaceId,
        id: crypto.randomUUID(),
        email: input.email,
        role: input.role,
        tokenHash: hashSecret(secret),
        invitedBy,
        createdAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + INVITATION_TTL_MS),
      })
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'invitation.create', entityType: 'invitation', entityId: row!.id, after: row });
    const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, invitedBy));
    return { invitation: toInvitationDto({ ...row!, invitedByName: inviter?.name ?? '' }), secret };
  });
}

export async function revokeInvitation(ctx: ServiceContext, invitationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.workspaceId, ctx.workspaceId), eq(invitations.id, invitationId)));
    if (!before) throw notFound('Invitation');
    if (before.acceptedAt) throw new AppError('conflict', 'This invitation was already accepted; remove the member instead.');
    const [after] = await tx
      .update(invitations)
      .set({ revokedAt: before.revokedAt ?? ctx.now })
      .where(and(eq(invitations.workspaceId, ctx.workspaceId), eq(invitations.id, invitationId)))
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'invitation.revoke', entityType: 'invitation', entityId: invitationId, before, after });
  });
}

async function findOpenInvitation(db: Db, secret: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, workspaceName: workspaces.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(
      and(
        eq(invitations.tokenHash, hashSecret(secret)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  if (!row) throw new AppError('not_found', 'This invitation is invalid, expired, revoked or already accepted.');
  return row;
}

export async function describeInvitation(db: Db, secret: string, now: Date) {
  const { invitation, workspaceName } = await findOpenInvitation(db, secret, now);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  return { workspaceName, email: invitation.email, role: invitation.role, hasAccount: Boolean(user) };
}

/**
 * Accepts an invitation. A new person sets a name and password; a person who already has an
 * account proves it with their password. Either way they join with the invited role and are signed in.
 */
export async function acceptInvitation(
  db: Db,
  input: { secret: string; password: string; name?: string | undefined; now: Date; sessionDays: number },
): Promise<{ user: UserDto; sessionToken: string; workspaceId: string }> {
  const newHash = await hashPassword(input.password);
  const { invitation } = await findOpenInvitation(db, input.secret, input.now);
  const [existing] = await db.select().from(users).where(eq(users.email, invitation.email));
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new AppError('unauthenticated', 'You already have an account with this email: enter its password to accept.');
  }
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: input.now })
      .where(and(eq(invitations.workspaceId, invitation.workspaceId), eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning();
    if (claimed.length === 0) throw new AppError('conflict', 'This invitation was just accepted.');
    const user =
      existing ??
      (
        await tx
          .insert(users)
          .values({
            id: crypto.randomUUID(),
            email: invitation.email,
            name: input.name ?? invitation.email.split('@')[0]!,
            passwordHash: newHash,
            createdAt: input.now,
          })
          .returning()
      )[0]!;
    await tx
      .insert(memberships)
      .values({ workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role, createdAt: input.now })
      .onConflictDoNothing();
    const ctx: ServiceContext = {
      db: tx,
      actor: { kind: 'user', userId: user.id, role: invitation.role },
      workspaceId: invitation.workspaceId,
      now: input.now,
    };
    await recordAudit(tx, ctx, {
      action: 'invitation.accept',
      entityType: 'member',
      entityId: user.id,
      after: { email: user.email, role: invitation.role, invitationId: invitation.id },
    });
    const sessionToken = await startSession(tx, user.id, input.now, input.sessionDays);
    return { user: { id: user.id, email: user.email, name: user.name }, sessionToken, workspaceId: invitation.workspaceId };
  });
}

/** Adds an existing person to a workspace with a role (command line and tests; people join through invitations). */
export async function addMember(db: Db, input: { workspaceId: string; userId: string; role: Role; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const [after] = await tx
      .insert(memberships)
      .values({ workspaceId: input.workspaceId, userId: input.userId, role: input.role, createdAt: input.now })
      .returning();
    const ctx: ServiceContext = { db: tx, actor: { kind: 'user', userId: input.userId, role: input.role }, workspaceId: input.workspaceId, now: input.now };
    await recordAudit(tx, ctx, { action: 'member.add', entityType: 'member', entityId: input.userId, after });
  });
}
