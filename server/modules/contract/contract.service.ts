import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNull, max, ne } from 'drizzle-orm';
import { z } from 'zod';
import { diffDefinitions } from '../../../core/scoring/diff.ts';
import { DEFAULT_LEAD_DEFINITION, ZLeadDefinition, type LeadDefinition } from '../../../core/schemas/scoring.ts';
import { DEFAULT_SLA_POLICY, ZSlaPolicy, type SlaPolicy } from '../../../core/schemas/sla.ts';
import { personId, ROLE_LABELS, SIGNING_ROLES, type SigningRole } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../identity/identity.table.ts';
import { membersWithRoles, notify } from '../notifications/notify.ts';
import { memberships } from '../workspaces/workspaces.table.ts';
import { definitionComments, definitionSignatures, leadDefinitions } from './contract.table.ts';

export type DefinitionRow = typeof leadDefinitions.$inferSelect;
export type Contract = { version: number; definition: LeadDefinition; sla: SlaPolicy; contentHash: string };

export const ZVersionContent = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(120, { error: 'must be at most 120 characters' }),
  definition: ZLeadDefinition,
  sla: ZSlaPolicy,
});
export type VersionContent = z.infer<typeof ZVersionContent>;

/** What signatures bind to: the exact definition and SLA, as validated (keys in schema order). */
export function contentHash(definition: LeadDefinition, sla: SlaPolicy): string {
  return createHash('sha256').update(JSON.stringify({ definition, sla })).digest('hex');
}

const byVersion = (ctx: ServiceContext, version: number) => and(eq(leadDefinitions.workspaceId, ctx.workspaceId), eq(leadDefinitions.version, version));

/** The version that scores leads now, if the two teams have signed one. */
export async function activeContract(db: Db, workspaceId: string): Promise<Contract | null> {
  const [row] = await db
    .select({ version: leadDefinitions.version, definition: leadDefinitions.definition, sla: leadDefinitions.sla, contentHash: leadDefinitions.contentHash })
    .from(leadDefinitions)
    .where(and(eq(leadDefinitions.workspaceId, workspaceId), eq(leadDefinitions.status, 'active')));
  return row ?? null;
}

async function versionRow(tx: Db, ctx: ServiceContext, version: number): Promise<DefinitionRow> {
  const [row] = await tx.select().from(leadDefinitions).where(byVersion(ctx, version));
  if (!row) throw notFound(`Lead contract version ${version}`);
  return row;
}

export async function listVersions(ctx: ServiceContext) {
  const versions = await ctx.db.select().from(leadDefinitions).where(eq(leadDefinitions.workspaceId, ctx.workspaceId)).orderBy(desc(leadDefinitions.version));
  const signatures = await signaturesOf(ctx.db, ctx);
  return versions.map((v) => ({ ...summary(v), signatures: signatures.filter((s) => s.version === v.version && !s.voidedAt) }));
}

function summary(row: DefinitionRow) {
  const { definition: _definition, sla: _sla, ...rest } = row;
  return rest;
}

async function signaturesOf(db: Db, ctx: ServiceContext, version?: number) {
  return db
    .select({
      id: definitionSignatures.id,
      version: definitionSignatures.version,
      userId: definitionSignatures.userId,
      userName: users.name,
      role: definitionSignatures.role,
      signedAt: definitionSignatures.signedAt,
      voidedAt: definitionSignatures.voidedAt,
    })
    .from(definitionSignatures)
    .innerJoin(users, eq(users.id, definitionSignatures.userId))
    .where(and(eq(definitionSignatures.workspaceId, ctx.workspaceId), version === undefined ? undefined : eq(definitionSignatures.version, version)))
    .orderBy(asc(definitionSignatures.signedAt));
}

/** One version whole: content, signatures (voided ones too), comments, and what changed since the active version. */
export async function getVersion(ctx: ServiceContext, version: number) {
  const row = await versionRow(ctx.db, ctx, version);
  const [signatures, comments, active] = await Promise.all([
    signaturesOf(ctx.db, ctx, version),
    ctx.db
      .select({ id: definitionComments.id, userId: definitionComments.userId, userName: users.name, body: definitionComments.body, createdAt: definitionComments.createdAt })
      .from(definitionComments)
      .innerJoin(users, eq(users.id, definitionComments.userId))
      .where(and(eq(definitionComments.workspaceId, ctx.workspaceId), eq(definitionComments.version, version)))
      .orderBy(asc(definitionComments.createdAt)),
    activeContract(ctx.db, ctx.workspaceId),
  ]);
  const missing = SIGNING_ROLES.filter((role) => !signatures.some((s) => s.role === role && !s.voidedAt));
  return {
    ...row,
    signatures,
    comments,
    awaiting: row.status === 'proposed' ? missing : [],
    changesFromActive: active && active.version !== version ? diffDefinitions(active.definition, row.definition) : [],
  };
}

export async function diffVersions(ctx: ServiceContext, from: number, to: number) {
  const [a, b] = await Promise.all([versionRow(ctx.db, ctx, from), versionRow(ctx.db, ctx, to)]);
  return { from, to, changes: diffDefinitions(a.definition, b.definition), slaChanges: slaChanges(a.sla, b.sla) };
}

function slaChanges(a: SlaPolicy, b: SlaPolicy) {
  return (Object.keys(a) as (keyof SlaPolicy)[]).filter((key) => a[key] !== b[key]).map((key) => ({ property: key, before: a[key], after: b[key] }));
}

/** A new draft, copied from a version (by default the active one; the built-in definition when there is none). */
export async function createDraft(ctx: ServiceContext, input: { basedOn?: number; name?: string }) {
  return ctx.db.transaction(async (tx) => {
    const source = input.basedOn !== undefined ? await versionRow(tx, ctx, input.basedOn) : await activeContract(tx, ctx.workspaceId);
    const definition = source?.definition ?? DEFAULT_LEAD_DEFINITION;
    const sla = source?.sla ?? DEFAULT_SLA_POLICY;
    const [{ latest } = { latest: 0 }] = await tx.select({ latest: max(leadDefinitions.version) }).from(leadDefinitions).where(eq(leadDefinitions.workspaceId, ctx.workspaceId));
    const version = (latest ?? 0) + 1;
    const [row] = await tx
      .insert(leadDefinitions)
      .values({
        workspaceId: ctx.workspaceId,
        version,
        name: input.name ?? `Version ${version}`,
        status: 'draft',
        definition,
        sla,
        contentHash: contentHash(definition, sla),
        basedOn: source?.version ?? null,
        createdBy: personId(ctx.actor),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'contract.draft', entityType: 'lead_definition', entityId: String(version), before: null, after: { basedOn: row!.basedOn } });
    return row!;
  });
}

function assertEditable(row: DefinitionRow): void {
  if (row.status === 'active' || row.status === 'retired') {
    throw new AppError('conflict', `Version ${row.version} is ${row.status} and cannot change; start a new draft from it.`);
  }
}

/** Changes a draft or proposed version. A change of content voids the signatures given so far. */
export async function updateVersion(ctx: ServiceContext, version: number, content: VersionContent) {
  return ctx.db.transaction(async (tx) => {
    const before = await versionRow(tx, ctx, version);
    assertEditable(before);
    const hash = contentHash(content.definition, content.sla);
    const [after] = await tx
      .update(leadDefinitions)
      .set({ name: content.name, definition: content.definition, sla: content.sla, contentHash: hash, updatedAt: ctx.now })
      .where(byVersion(ctx, version))
      .returning();
    const voided = hash === before.contentHash ? [] : await tx
      .update(definitionSignatures)
      .set({ voidedAt: ctx.now })
      .where(and(eq(definitionSignatures.workspaceId, ctx.workspaceId), eq(definitionSignatures.version, version), isNull(definitionSignatures.voidedAt)))
      .returning({ role: definitionSignatures.role });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'contract.edit',
      entityType: 'lead_definition',
      entityId: String(version),
      before: { name: before.name, definition: before.definition, sla: before.sla },
      after: { name: content.name, definition: content.definition, sla: content.sla, voidedSignatures: voided.map((v) => v.role) },
    });
    return { ...after!, voidedSignatures: voided.map((v) => v.role) };
  });
}

/** Puts a draft up for signature and asks both signing roles for it. */
export async function proposeVersion(ctx: ServiceContext, version: number) {
  return ctx.db.transaction(async (tx) => {
    const row = await versionRow(tx, ctx, version);
    if (row.status !== 'draft') throw new AppError('conflict', `Version ${version} is ${row.status}; only a draft can be proposed.`);
    const [after] = await tx.update(leadDefinitions).set({ status: 'proposed', proposedAt: ctx.now, updatedAt: ctx.now }).where(byVersion(ctx, version)).returning();
    await notify(tx, {
      workspaceId: ctx.workspaceId,
      now: ctx.now,
      recipients: await membersWithRoles(tx, ctx.workspaceId, SIGNING_ROLES),
      message: {
        event: 'definition_proposed',
        title: `Lead contract v${version} awaits your signature`,
        body: `"${row.name}" was proposed. Read the changes and the backtest, then sign or comment.`,
        link: `lead-contract/${version}`,
        data: { version },
      },
    });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'contract.propose', entityType: 'lead_definition', entityId: String(version), before: { status: row.status }, after: { status: 'proposed' } });
    return after!;
  });
}

/** The role a person signs in: their role in this workspace, which must be one of the signing roles. */
async function signingRole(tx: Db, ctx: ServiceContext, userId: string): Promise<SigningRole> {
  const [member] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  const role = member?.role;
  if (!role || !(SIGNING_ROLES as readonly string[]).includes(role)) {
    throw new AppError('forbidden', `Only a ${ROLE_LABELS.marketing_lead.toLowerCase()} or a ${ROLE_LABELS.sales_manager.toLowerCase()} signs a lead contract.`);
  }
  return role as SigningRole;
}

/**
 * Signs a proposed version for the signer's team. When both teams have signed this exact
 * content, the version becomes the one active version and the previous one retires. Returns
 * whether it became active (the caller then rescores the leads).
 */
export async function signVersion(ctx: ServiceContext, version: number) {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden', 'A lead contract is signed by a person, not an API token.');
  const userId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const row = await versionRow(tx, ctx, version);
    if (row.status !== 'proposed') throw new AppError('conflict', `Version ${version} is ${row.status}; only a proposed version can be signed.`);
    const role = await signingRole(tx, ctx, userId);
    const valid = await tx
      .select({ role: definitionSignatures.role, userId: definitionSignatures.userId })
      .from(definitionSignatures)
      .where(and(eq(definitionSignatures.workspaceId, ctx.workspaceId), eq(definitionSignatures.version, version), isNull(definitionSignatures.voidedAt)));
    if (valid.some((s) => s.role === role)) throw new AppError('conflict', `Version ${version} is already signed for the ${ROLE_LABELS[role].toLowerCase()}s.`);
    await tx.insert(definitionSignatures).values({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), version, userId, role, contentHash: row.contentHash, signedAt: ctx.now });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'contract.sign', entityType: 'lead_definition', entityId: String(version), before: null, after: { role, contentHash: row.contentHash } });
    const activated = SIGNING_ROLES.every((r) => r === role || valid.some((s) => s.role === r));
    if (activated) await activate(tx, ctx, row);
    return { version, role, activated };
  });
}

async function activate(tx: Db, ctx: ServiceContext, row: DefinitionRow): Promise<void> {
  await tx
    .update(leadDefinitions)
    .set({ status: 'retired', retiredAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(leadDefinitions.workspaceId, ctx.workspaceId), eq(leadDefinitions.status, 'active'), ne(leadDefinitions.version, row.version)));
  await tx.update(leadDefinitions).set({ status: 'active', activatedAt: ctx.now, updatedAt: ctx.now }).where(byVersion(ctx, row.version));
  await notify(tx, {
    workspaceId: ctx.workspaceId,
    now: ctx.now,
    recipients: await membersWithRoles(tx, ctx.workspaceId, ['marketing', 'marketing_lead', 'sales_rep', 'sales_manager']),
    message: {
      event: 'definition_activated',
      title: `Lead contract v${row.version} is active`,
      body: `Both teams signed "${row.name}". Leads are scored by it from now on.`,
      link: `lead-contract/${row.version}`,
      data: { version: row.version },
    },
  });
}

export async function addComment(ctx: ServiceContext, version: number, body: string) {
  return ctx.db.transaction(async (tx) => {
    await versionRow(tx, ctx, version);
    const [row] = await tx
      .insert(definitionComments)
      .values({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), version, userId: personId(ctx.actor), body, createdAt: ctx.now })
      .returning();
    return row!;
  });
}

/**
 * Records a version both teams have already agreed on, signed and active at once: the demo
 * company's contract. Only for a workspace without any version yet.
 */
export async function adoptSignedContract(
  db: Db,
  input: { workspaceId: string; now: Date; name: string; definition: LeadDefinition; sla: SlaPolicy; signers: Record<SigningRole, string> },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ version: leadDefinitions.version }).from(leadDefinitions).where(eq(leadDefinitions.workspaceId, input.workspaceId)).limit(1);
    if (existing) return;
    const hash = contentHash(input.definition, input.sla);
    const at = { createdAt: input.now, updatedAt: input.now, proposedAt: input.now, activatedAt: input.now };
    await tx.insert(leadDefinitions).values({ workspaceId: input.workspaceId, version: 1, name: input.name, status: 'active', definition: input.definition, sla: input.sla, contentHash: hash, ...at });
    await tx.insert(definitionSignatures).values(
      SIGNING_ROLES.map((role) => ({ workspaceId: input.workspaceId, id: crypto.randomUUID(), version: 1, userId: input.signers[role], role, contentHash: hash, signedAt: input.now })),
    );
  });
}
