import { and, desc, eq, sql } from 'drizzle-orm';
import { personId, grantableActions, type Action, type Actor } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../identity/identity.table.ts';
import { hashSecret, newSecret } from '../identity/secrets.ts';
import { memberships } from '../workspaces/workspaces.table.ts';
import { apiTokens } from './tokens.table.ts';

const TOKEN_PREFIX = 'acc_';
const LAST_USED_PRECISION_MS = 60_000;

export type TokenDto = {
  id: string;
  name: string;
  prefix: string;
  permissions: Action[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

function toTokenDto(row: typeof apiTokens.$inferSelect & { createdByName: string }): TokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: row.permissions,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listTokens(ctx: ServiceContext): Promise<TokenDto[]> {
  const rows = await ctx.db
    .select({ token: apiTokens, createdByName: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.workspaceId, ctx.workspaceId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(({ token, createdByName }) => toTokenDto({ ...token, createdByName }));
}

/** Creates an API token bound to this workspace; the secret is returned once and stored only as a hash. */
export async function createToken(
  ctx: ServiceContext,
  input: { name: string; permissions: Action[]; expiresInDays: number | null },
): Promise<{ token: TokenDto; secret: string }> {
  const allowed = grantableActions(ctx.actor);
  const excess = input.permissions.filter((p) => !allowed.includes(p));
  if (excess.length > 0) {
    throw new AppError('forbidden', `You cannot grant permissions you do not hold: ${excess.join(', ')}.`, [
      { field: 'permissions', message: `cannot include ${excess.join(', ')}` },
    ]);
  }
  const secret = TOKEN_PREFIX + newSecret();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        workspaceId: ctx.workspaceId,
        id: crypto.randomUUID(),
        name: input.name,
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashSecret(secret),
        permissions: [...new Set(input.permissions)],
        createdBy: personId(ctx.actor),
        createdAt: ctx.now,
        expiresAt: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000) : null,
      })
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'token.create', entityType: 'token', entityId: row!.id, after: row });
    const [creator] = await tx.select({ name: users.name }).from(users).where(eq(users.id, row!.createdBy));
    return { token: toTokenDto({ ...row!, createdByName: creator?.name ?? '' }), secret };
  });
}

export async function revokeToken(ctx: ServiceContext, tokenId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const where = and(eq(apiTokens.workspaceId, ctx.workspaceId), eq(apiTokens.id, tokenId));
    const [before] = await tx.select().from(apiTokens).where(where);
    if (!before) throw notFound('API token');
    const [after] = await tx.update(apiTokens).set({ revokedAt: before.revokedAt ?? ctx.now }).where(where).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'token.revoke', entityType: 'token', entityId: tokenId, before, after });
  });
}

export type TokenLookup =
  | { status: 'valid'; workspaceId: string; actor: Actor }
  | { status: 'invalid'; reason: string };

const tokenLookup = preparedOnce((db) =>
  db
    .select({ token: apiTokens, creatorRole: memberships.role })
    .from(apiTokens)
    .leftJoin(memberships, and(eq(memberships.workspaceId, apiTokens.workspaceId), eq(memberships.userId, apiTokens.createdBy)))
    .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
    .prepare('accord_token_lookup'),
);

/**
 * Resolves a bearer token to its workspace and permissions, in one prepared query. A token can
 * never do more than its creator can do today: a creator who lost the role or left takes the
 * token's rights along.
 */
export async function resolveToken(db: Db, secret: string, now: Date): Promise<TokenLookup> {
  if (!secret.startsWith(TOKEN_PREFIX)) return { status: 'invalid', reason: 'This is not an Accord API token.' };
  const [found] = await tokenLookup(db).execute({ tokenHash: hashSecret(secret) });
  if (!found) return { status: 'invalid', reason: 'This API token is unknown.' };
  const { token: row, creatorRole } = found;
  if (row.revokedAt) return { status: 'invalid', reason: 'This API token was revoked.' };
  if (row.expiresAt && row.expiresAt <= now) return { status: 'invalid', reason: 'This API token has expired.' };
  if (!creatorRole) return { status: 'invalid', reason: 'The creator of this API token is no longer a member.' };
  const creatorActor: Actor = { kind: 'user', userId: row.createdBy, role: creatorRole };
  const permissions = row.permissions.filter((p) => grantableActions(creatorActor).includes(p));
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.workspaceId, row.workspaceId), eq(apiTokens.id, row.id)));
  }
  return { status: 'valid', workspaceId: row.workspaceId, actor: { kind: 'token', tokenId: row.id, createdBy: row.createdBy, permissions } };
}
