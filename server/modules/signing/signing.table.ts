import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn, type PgColumnBuilderBase, type PgTableWithColumns } from 'drizzle-orm/pg-core';
import type { BuildColumns } from 'drizzle-orm';
import type { SigningRole } from '../../../core/permissions.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * The tables of a document both teams sign, version by version (the lead contract, the credit
 * policy): each document has its versions (with its own content columns), signatures and comments.
 * The builders here give every document the same signature and comment tables.
 */

export const VERSION_STATUSES = ['draft', 'proposed', 'active', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** The workspace a row belongs to; deleted with it. */
export const workspaceColumn = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/** The columns every version of a co-signed document has, whatever its content. */
function versionColumns() {
  return {
    workspaceId: workspaceColumn(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<VersionStatus>().notNull(),
    contentHash: text('content_hash').notNull(),
    basedOn: integer('based_on'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    proposedAt: at('proposed_at'),
    activatedAt: at('activated_at'),
    retiredAt: at('retired_at'),
  };
}

/** A versions table as the signing mechanics see it: the common columns (the content columns are the document's own). */
export type VersionTable = PgTableWithColumns<{ name: string; schema: undefined; columns: BuildColumns<string, ReturnType<typeof versionColumns>, 'pg'>; dialect: 'pg' }>;

/**
 * A document's versions: the common columns and the document's content columns. A version becomes
 * active only when both sides signed its exact content (`content_hash`); one active version per workspace.
 */
export function versionTable<C extends Record<string, PgColumnBuilderBase>>(name: string, content: C) {
  return pgTable(name, { ...versionColumns(), ...content }, (t) => [
    primaryKey({ columns: [t.workspaceId, t.version] }),
    uniqueIndex(`${name}_one_active_idx`).on(t.workspaceId).where(sql`${t.status} = 'active'`),
  ]);
}

type VersionKey = { workspaceId: AnyPgColumn; version: AnyPgColumn };

/** What a signature and a comment share: one person's row about one version. */
function versionNoteColumns() {
  return { workspaceId: workspaceColumn(), id: uuid('id').notNull(), version: integer('version').notNull(), userId: uuid('user_id').notNull() };
}

/** Its key, and its version's foreign key: deleted with the version. */
function versionNoteKeys(name: string, t: { workspaceId: AnyPgColumn; id: AnyPgColumn; version: AnyPgColumn }, versions: VersionKey) {
  return [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ name: `${name}_version_fk`, columns: [t.workspaceId, t.version], foreignColumns: [versions.workspaceId, versions.version] }).onDelete('cascade'),
  ];
}

/** A signature binds one person, in one role, to one exact content of a version; an edit voids it. */
export function signatureTable(name: string, versions: VersionKey) {
  return pgTable(
    name,
    { ...versionNoteColumns(), role: text('role').$type<SigningRole>().notNull(), contentHash: text('content_hash').notNull(), signedAt: at('signed_at').notNull(), voidedAt: at('voided_at') },
    (t) => [...versionNoteKeys(name, t, versions), uniqueIndex(`${name}_valid_idx`).on(t.workspaceId, t.version, t.role).where(sql`${t.voidedAt} is null`)],
  );
}
export type SignatureTable = ReturnType<typeof signatureTable>;

/** Comments on a version, by anyone who reads it. */
export function commentTable(name: string, versions: VersionKey) {
  return pgTable(
    name,
    { ...versionNoteColumns(), body: text('body').notNull(), createdAt: at('created_at').notNull() },
    (t) => [...versionNoteKeys(name, t, versions), index(`${name}_version_idx`).on(t.workspaceId, t.version, t.createdAt)],
  );
}
export type CommentTable = ReturnType<typeof commentTable>;
