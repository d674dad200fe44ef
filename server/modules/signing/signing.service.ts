import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNull, max, ne } from 'drizzle-orm';
import type { NotificationEvent } from '../../../core/notifications/events.ts';
import { personId, ROLE_LABELS, SIGNING_ROLES, type SigningRole } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../identity/identity.table.ts';
import { membersWithRoles, notify, workspaceLink } from '../notifications/notify.ts';
import { memberships } from '../workspaces/workspaces.table.ts';
import type { CommentTable, SignatureTable, VersionTable } from './signing.table.ts';

/**
 * The signing mechanics of a document both teams sign (the lead contract, the credit policy): a
 * draft is edited, proposed, then signed by a marketing lead and a sales manager; each signature
 * binds the exact content (its SHA-256 hash), an edit voids the signatures given so far, and the
 * second valid signature makes the version the one active version (the previous one retires).
 */

type Content = Record<string, unknown>;
type Message = { title: string; body: string };
export type VersionRow = VersionTable['$inferSelect'];

/** One kind of co-signed document: its tables, its words, and its content (the columns signatures bind). */
export type CoSignedDocument<C extends Content> = {
  /** What people call it, in lower case: 'lead contract'. */
  label: string;
  /** The audit log's entity type, and the prefix of its actions (`contract.sign`). */
  entityType: string;
  auditPrefix: string;
  versions: VersionTable;
  signatures: SignatureTable;
  comments: CommentTable;
  events: { proposed: NotificationEvent; activated: NotificationEvent };
  /** The web page of a version, relative to the workspace. */
  link: (version: number) => string;
  messages: { proposed: (row: VersionRow) => Message; activated: (row: VersionRow) => Message };
  /** The content of a new draft when there is no version to start from. */
  defaultContent: C;
  /** The content columns of a version row, keys in a fixed order (they are hashed). */
  contentOf: (row: C) => C;
};

/** The people told when a version becomes active: both teams. */
const TEAM_ROLES = ['marketing', 'marketing_lead', 'sales_rep', 'sales_manager'] as const;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What signatures bind to: the exact content, as validated (keys in schema order). */
function contentHash(content: Content): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function byVersion<C extends Content>(doc: CoSignedDocument<C>, workspaceId: string, version: number) {
  return and(eq(doc.versions.workspaceId, workspaceId), eq(doc.versions.version, version));
}

/** One version with its content, or 404. */
export async function versionRow<C extends Content>(tx: Db, doc: CoSignedDocument<C>, ctx: ServiceContext, version: number): Promise<VersionRow & C> {
  const [row] = await tx.select().from(doc.versions).where(byVersion(doc, ctx.workspaceId, version));
  if (!row) throw notFound(`${capitalized(doc.label)} version ${version}`);
  return row as VersionRow & C;
}

/** The active version with its content, if both teams have signed one. */
export async function activeVersion<C extends Content>(db: Db, doc: CoSignedDocument<C>, workspaceId: string): Promise<(VersionRow & C) | null> {
  const [row] = await db.select().from(doc.versions).where(and(eq(doc.versions.workspaceId, workspaceId), eq(doc.versions.status, 'active')));
  return (row as VersionRow & C | undefined) ?? null;
}

/** Signatures with the signer's name, oldest first; of one version, or of every version. */
async function listSignatures<C extends Content>(db: Db, doc: CoSignedDocument<C>, ctx: ServiceContext, version?: number) {
  const s = doc.signatures;
  return db
    .select({ id: s.id, version: s.version, userId: s.userId, userName: users.name, role: s.role, signedAt: s.signedAt, voidedAt: s.voidedAt })
    .from(s)
    .innerJoin(users, eq(users.id, s.userId))
    .where(and(eq(s.workspaceId, ctx.workspaceId), version === undefined ? undefined : eq(s.version, version)))
    .orderBy(asc(s.signedAt));
}

/** The versions, newest first, without their content, each with its valid signatures. */
export async function listVersions<C extends Content>(doc: CoSignedDocument<C>, ctx: ServiceContext) {
  const v = doc.versions;
  const versions = await ctx.db
    .select({
      workspaceId: v.workspaceId, version: v.version, name: v.name, status: v.status, contentHash: v.contentHash, basedOn: v.basedOn, createdBy: v.createdBy,
      createdAt: v.createdAt, updatedAt: v.updatedAt, proposedAt: v.proposedAt, activatedAt: v.activatedAt, retiredAt: v.retiredAt,
    })
    .from(v)
    .where(eq(v.workspaceId, ctx.workspaceId))
    .orderBy(desc(v.version));
  const signatures = await listSignatures(ctx.db, doc, ctx);
  return versions.map((row) => ({ ...row, signatures: signatures.filter((s) => s.version === row.version && !s.voidedAt) }));
}

/** One version whole: content, signatures (voided ones too), comments, and the roles whose signature it awaits. */
export async function versionDetail<C extends Content>(doc: CoSignedDocument<C>, ctx: ServiceContext, version: number) {
  const row = await versionRow(ctx.db, doc, ctx, version);
  const c = doc.comments;
  const [signatures, comments] = await Promise.all([
    listSignatures(ctx.db, doc, ctx, version),
    ctx.db
      .select({ id: c.id, userId: c.userId, userName: users.name, body: c.body, createdAt: c.createdAt })
      .from(c)
      .innerJoin(users, eq(users.id, c.userId))
      .where(and(eq(c.workspaceId, ctx.workspaceId), eq(c.version, version)))
      .orderBy(asc(c.createdAt)),
  ]);
  const missing = SIGNING_ROLES.filter((role) => !signatures.some((s) => s.role === role && !s.voidedAt));
  return { ...row, signatures, comments, awaiting: row.status === 'proposed' ? missing : [] };
}

/** A new draft, copied from a version (by default the active one; the document's default content when there is none). */
export async function createDraft<C extends Content>(doc: CoSignedDocument<C>, ctx: ServiceContext, input: { basedOn?: number | undefined; name?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const source = input.basedOn !== undefined ? await versionRow(tx, doc, ctx, input.basedOn) : await activeVersion(tx, doc, ctx.workspaceId);
    const content = doc.contentOf(source ?? doc.defaultContent);
    const [{ latest } = { latest: 0 }] = await tx.select({ latest: max(doc.versions.version) }).from(doc.versions).where(eq(doc.versions.workspaceId, ctx.workspaceId));
    const version = (latest ?? 0) + 1;
    const values = {
      workspaceId: ctx.workspaceId,
      version,
      name: input.name ?? `Version ${version}`,
      status: 'draft' as const,
      ...content,
      contentHash: contentHash(content),
      basedOn: source?.version ?? null,
      createdBy: personId(ctx.actor),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    const [row] = await tx.insert(doc.versions).values(values as VersionTable['$inferInsert']).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: `${doc.auditPrefix}.draft`, entityType: doc.entityType, entityId: String(version), before: null, after: { basedOn: values.basedOn } });
    return row as VersionRow & C;
  });
}

function assertEditable(row: VersionRow): void {
  if (row.status === 'active' || row.status === 'retired') {
    throw new AppError('conflict', `Version ${row.version} is ${row.status} and cannot change; start a new draft from it.`);
  }
}

/** Changes a draft or proposed version. A change of content voids the signatures given so far. */
export async function updateVersion<C extends Content>(doc: CoSignedDocument<C>, ctx: ServiceContext, version: number, input: { name: string } & C) {
  return ctx.db.transaction(async (tx) => {
    const before = await versionRow(tx, doc, ctx, version);
    assertEditable(before);
    const content = doc.contentOf(input);
    const hash = contentHash(content);
    const changes = { name: input.name, ...content, contentHash: hash, updatedAt: ctx.now };
    const [after] = await tx.update(doc.versions).set(changes as Partial<VersionRow>).where(byVersion(doc, ctx.workspaceId, version)).returning();
    const s = doc.signatures;
    const voided = hash === before.contentHash ? [] : await tx
      .update(s)
      .set({ voidedAt: ctx.now })
      .where(and(eq(s.workspaceId, ctx.workspaceId), eq(s.version, version), isNull(s.voidedAt)))
      .returning({ role: s.role });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: `${doc.auditPrefix}.edit`,
      entityType: doc.entityType,
      entityId: String(version),
      before: { name: before.name, ...doc.contentOf(before) },
      after: { name: input.name, ...content, voidedSignatures: voided.map((v) => v.role) },
    });
    return { ...(after as VersionRow & C), voidedSignatures: voided.map((v) => v.role) };
  });
}

/** Puts a draft up for signature and asks both signing roles for it. */
export async function proposeVersion<C extends Content>(doc: CoSignedDocument<C>, ctx: ServiceContext, version: number) {
  return ctx.db.transaction(async (tx) => {
    const row = await versionRow(tx, doc, ctx, version);
    if (row.status !== 'draft') throw new AppError('conflict', `Version ${version} is ${row.status}; only a draft can be proposed.`);
    const [after] = await tx.update(doc.versions).set({ status: 'proposed', proposedAt: ctx.now, updatedAt: ctx.now }).where(byVersion(doc, ctx.workspaceId, version)).returning();
    await notify(tx, {
      workspaceId: ctx.workspaceId,
      now: ctx.now,
      recipients: await membersWithRoles(tx, ctx.workspaceId, SIGNING_ROLES),
      message: { event: doc.events.proposed, ...doc.messages.proposed(row), link: await workspaceLink(tx, ctx.workspaceId, doc.link(version)), data: { version } },
    });
    await recordAudit(tx, { ...ctx, db: tx }, { action: `${doc.auditPrefix}.propose`, entityType: doc.entityType, entityId: String(version), before: { status: row.status }, after: { status: 'proposed' } });
    return after as VersionRow & C;
  });
}

/** The role a person acts in for their team (`act`: 'signs a lead contract'): their role here, which must be a signing role. */
export async function signerRole(tx: Db, ctx: ServiceContext, userId: string, act: string): Promise<SigningRole> {
  const [member] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  const role = member?.role;
  if (!role || !(SIGNING_ROLES as readonly string[]).includes(role)) {
    throw new AppError('forbidden', `Only a ${ROLE_LABELS.marketing_lead.toLowerCase()} or a ${ROLE_LABELS.sales_manager.toLowerCase()} ${act}.`);
  }
  return role as SigningRole;
}

/** The version becomes the one active version; the previous one retires; both teams are told. */
async function activate<C extends Content>(tx: Db, doc: CoSignedDocument<C>, ctx: ServiceContext, row: VersionRow): Promise<void> {
  const v = doc.versions;
  await tx
    .update(v)
    .set({ status: 'retired', retiredAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(v.workspaceId, ctx.workspaceId), eq(v.status, 'active'), ne(v.version, row.version)));
  await tx.update(v).set({ status: 'active', activatedAt: ctx.now, updatedAt: ctx.now }).where(byVersion(doc, ctx.workspaceId, row.version));
  await notify(tx, {
    workspaceId: ctx.workspaceId,
    now: ctx.now,
    recipients: await membersWithRoles(tx, ctx.workspaceId, TEAM_ROLES),
    message: { event: doc.events.activated, ...doc.messages.activated(row), link: await workspaceLink(tx, ctx.workspaceId, doc.link(row.version)), data: { version: row.version } },
  });
}

/** The person acting for their team: a signed-in member, never an API token (`what`: 'A lead contract is signed'). */
export function signingPerson(ctx: ServiceContext, what: string): string {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden', `${what} by a person, not an API token.`);
  return ctx.actor.userId;
}

/**
 * Signs a proposed version for the signer's team. When both teams have signed this exact content,
 * the version becomes the one active version. Returns whether it became active.
 */
export async function signVersion<C extends Content>(doc: CoSignedDocument<C>, ctx: ServiceContext, version: number) {
  const userId = signingPerson(ctx, `A ${doc.label} is signed`);
  const s = doc.signatures;
  return ctx.db.transaction(async (tx) => {
    const row = await versionRow(tx, doc, ctx, version);
    if (row.status !== 'proposed') throw new AppError('conflict', `Version ${version} is ${row.status}; only a proposed version can be signed.`);
    const role = await signerRole(tx, ctx, userId, `signs a ${doc.label}`);
    const valid = await tx
      .select({ role: s.role })
      .from(s)
      .where(and(eq(s.workspaceId, ctx.workspaceId), eq(s.version, version), isNull(s.voidedAt)));
    if (valid.some((signature) => signature.role === role)) throw new AppError('conflict', `Version ${version} is already signed for the ${ROLE_LABELS[role].toLowerCase()}s.`);
    await tx.insert(s).values({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), version, userId, role, contentHash: row.contentHash, signedAt: ctx.now });
    await recordAudit(tx, { ...ctx, db: tx }, { action: `${doc.auditPrefix}.sign`, entityType: doc.entityType, entityId: String(version), before: null, after: { role, contentHash: row.contentHash } });
    const activated = SIGNING_ROLES.every((r) => r === role || valid.some((signature) => signature.role === r));
    if (activated) await activate(tx, doc, ctx, row);
    return { version, role, activated };
  });
}

export async function addComment<C extends Content>(doc: CoSignedDocument<C>, ctx: ServiceContext, version: number, body: string) {
  return ctx.db.transaction(async (tx) => {
    await versionRow(tx, doc, ctx, version);
    const [row] = await tx
      .insert(doc.comments)
      .values({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), version, userId: personId(ctx.actor), body, createdAt: ctx.now })
      .returning();
    return row!;
  });
}

/**
 * Records a version both teams have already agreed on, signed and active at once (the demo
 * company's documents). Only for a workspace without any version yet.
 */
export async function adoptSignedVersion<C extends Content>(
  db: Db,
  doc: CoSignedDocument<C>,
  input: { workspaceId: string; now: Date; name: string; content: C; signers: Record<SigningRole, string> },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ version: doc.versions.version }).from(doc.versions).where(eq(doc.versions.workspaceId, input.workspaceId)).limit(1);
    if (existing) return;
    const content = doc.contentOf(input.content);
    const hash = contentHash(content);
    const at = { createdAt: input.now, updatedAt: input.now, proposedAt: input.now, activatedAt: input.now };
    const values = { workspaceId: input.workspaceId, version: 1, name: input.name, status: 'active' as const, ...content, contentHash: hash, ...at };
    await tx.insert(doc.versions).values(values as VersionTable['$inferInsert']);
    await tx.insert(doc.signatures).values(
      SIGNING_ROLES.map((role) => ({ workspaceId: input.workspaceId, id: crypto.randomUUID(), version: 1, userId: input.signers[role], role, contentHash: hash, signedAt: input.now })),
    );
  });
}
