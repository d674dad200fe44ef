import { and, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Role } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { AppError } from '../../http/errors.ts';
import { memberships, workspaces } from '../workspaces/workspaces.table.ts';
import { oneTimeLinks, sessions, signInFailures, users } from './identity.table.ts';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.ts';

export type UserDto = { id: string; email: string; name: string };
export type LinkPurpose = 'sign_in' | 'reset_password';

const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
const LINK_TTL_MS = 24 * 60 * 60_000;
const WRONG_CREDENTIALS = 'Email or password is incorrect.';

function toUserDto(row: typeof users.$inferSelect): UserDto {
  return { id: row.id, email: row.email, name: row.name };
}

/** Creates a person with no password yet; they set one through a one-time link or invitation. */
export async function createUser(db: Db, input: { email: string; name: string; now: Date }): Promise<UserDto> {
  const existing = await db.select().from(users).where(eq(users.email, input.email));
  if (existing.length > 0) throw new AppError('conflict', `A user with email ${input.email} already exists.`);
  const [row] = await db
    .insert(users)
    .values({ id: crypto.randomUUID(), email: input.email, name: input.name, createdAt: input.now })
    .returning();
  return toUserDto(row!);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserDto | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ? toUserDto(row) : null;
}

export async function startSession(db: Db, userId: string, now: Date, days: number): Promise<string> {
  const token = newSecret();
  await db.insert(sessions).values({
    tokenHash: hashSecret(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + days * 86_400_000),
  });
  return token;
}

/**
 * Checks an email and password. One message for every wrong combination (no account
 * enumeration); after five failures in fifteen minutes the email is refused for a while.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; now: Date; sessionDays: number },
): Promise<{ user: UserDto; sessionToken: string }> {
  const since = new Date(input.now.getTime() - FAILURE_WINDOW_MS);
  const [{ failures } = { failures: 0 }] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, input.email), gte(signInFailures.at, since)));
  if (Number(failures) >= MAX_FAILURES) {
    throw new AppError('rate_limited', 'Too many failed sign-ins for this email. Try again in 15 minutes.');
  }
  const [row] = await db.select().from(users).where(eq(users.email, input.email));
  const isValid = await verifyPassword(row?.passwordHash ?? null, input.password);
  if (!row || !isValid) {
    await db.insert(signInFailures).values({ id: crypto.randomUUID(), email: input.email, at: input.now });
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }
  await db.delete(signInFailures).where(eq(signInFailures.email, input.email));
  return { user: toUserDto(row), sessionToken: await startSession(db, row.id, input.now, input.sessionDays) };
}

export type SessionLookup =
  | { status: 'valid'; user: UserDto; role: Role | null }
  | { status: 'expired' }
  | { status: 'unknown' };

const NO_WORKSPACE = '00000000-0000-0000-0000-000000000000';

const sessionLookup = preparedOnce((db) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, expiresAt: sessions.expiresAt, role: memberships.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, sql.placeholder('workspaceId'))))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('accord_session_lookup'),
);

/**
 * Who a session cookie belongs to, and their role in the workspace the request is about:
 * one prepared query, since every request of a signed-in person makes it.
 */
export async function resolveSession(db: Db, token: string, workspaceId: string | null, now: Date): Promise<SessionLookup> {
  const [row] = await sessionLookup(db).execute({ tokenHash: hashSecret(token), workspaceId: workspaceId ?? NO_WORKSPACE });
  if (!row) return { status: 'unknown' };
  if (row.expiresAt <= now) return { status: 'expired' };
  return { status: 'valid', user: { id: row.id, email: row.email, name: row.name }, role: row.role };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
}

/** Issues a one-time link for a person; the secret is returned once, only its hash is kept. */
export async function createOneTimeLink(
  db: Db,
  input: { userId: string; purpose: LinkPurpose; now: Date },
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret();
  const expiresAt = new Date(input.now.getTime() + LINK_TTL_MS);
  await db.insert(oneTimeLinks).values({
    tokenHash: hashSecret(secret),
    userId: input.userId,
    purpose: input.purpose,
    createdAt: input.now,
    expiresAt,
  });
  return { secret, expiresAt };
}

async function findUsableLink(db: Db, secret: string, now: Date) {
  const [row] = await db
    .select({ link: oneTimeLinks, user: users })
    .from(oneTimeLinks)
    .innerJoin(users, eq(users.id, oneTimeLinks.userId))
    .where(and(eq(oneTimeLinks.tokenHash, hashSecret(secret)), isNull(oneTimeLinks.usedAt), gt(oneTimeLinks.expiresAt, now)));
  if (!row) throw new AppError('not_found', 'This link is invalid, expired or already used. Ask an admin for a new one.');
  return row;
}

export async function describeOneTimeLink(db: Db, secret: string, now: Date) {
  const { link, user } = await findUsableLink(db, secret, now);
  return { purpose: link.purpose, email: user.email, expiresAt: link.expiresAt.toISOString() };
}

/** Uses a one-time link: sets the password (and name), ends the person's other sessions, starts a new one. */
export async function redeemOneTimeLink(
  db: Db,
  input: { secret: string; password: string; name?: string | undefined; now: Date; sessionDays: number },
): Promise<{ user: UserDto; sessionToken: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const { link, user } = await findUsableLink(tx, input.secret, input.now);
    const used = await tx
      .update(oneTimeLinks)
      .set({ usedAt: input.now })
      .where(and(eq(oneTimeLinks.tokenHash, link.tokenHash), isNull(oneTimeLinks.usedAt)))
      .returning();
    if (used.length === 0) throw new AppError('not_found', 'This link was just used.');
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, ...(input.name ? { name: input.name } : {}) })
      .where(eq(users.id, user.id))
      .returning();
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await tx.delete(signInFailures).where(eq(signInFailures.email, user.email));
    const sessionToken = await startSession(tx, user.id, input.now, input.sessionDays);
    return { user: toUserDto(updated!), sessionToken };
  });
}

export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId));
}

export type WorkspaceMembershipDto = { id: string; slug: string; name: string; role: Role };

/** The signed-in person and the workspaces they belong to, with their role in each. */
export async function describeMe(db: Db, user: UserDto): Promise<{ user: UserDto; workspaces: WorkspaceMembershipDto[] }> {
  const rows = await db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, user.id))
    .orderBy(workspaces.name);
  return { user, workspaces: rows };
}

/** Removes expired sessions, used or expired links and old failure records. */
export async function pruneIdentity(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.delete(oneTimeLinks).where(lt(oneTimeLinks.expiresAt, now));
  await db.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - FAILURE_WINDOW_MS)));
}
