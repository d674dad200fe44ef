import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { diffDefinitions } from '../../../core/scoring/diff.ts';
import { compileDefinition, type LeadScorer } from '../../../core/scoring/evaluate.ts';
import { DEFAULT_LEAD_DEFINITION, ZLeadDefinition, type LeadDefinition } from '../../../core/schemas/scoring.ts';
import { DEFAULT_SLA_POLICY, ZSlaPolicy, type SlaPolicy } from '../../../core/schemas/sla.ts';
import type { SigningRole } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import * as signing from '../signing/signing.service.ts';
import { definitionComments, definitionSignatures, leadDefinitions } from './contract.table.ts';

/** A version's content with its scorer compiled (regexes and all). */
export type CompiledContent = { definition: LeadDefinition; sla: SlaPolicy; scorer: LeadScorer };
export type Contract = CompiledContent & { version: number; contentHash: string };

export const ZVersionContent = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(120, { error: 'must be at most 120 characters' }),
  definition: ZLeadDefinition,
  sla: ZSlaPolicy,
});
export type VersionContent = z.infer<typeof ZVersionContent>;

type ContractContent = { definition: LeadDefinition; sla: SlaPolicy };

/** The lead contract as a co-signed document: signatures bind the definition and the SLA. */
export const LEAD_CONTRACT: signing.CoSignedDocument<ContractContent> = {
  label: 'lead contract',
  entityType: 'lead_definition',
  auditPrefix: 'contract',
  versions: leadDefinitions,
  signatures: definitionSignatures,
  comments: definitionComments,
  events: { proposed: 'definition_proposed', activated: 'definition_activated' },
  link: (version) => `lead-contract/${version}`,
  messages: {
    proposed: (row) => ({ title: `Lead contract v${row.version} awaits your signature`, body: `"${row.name}" was proposed. Read the changes and the backtest, then sign or comment.` }),
    activated: (row) => ({ title: `Lead contract v${row.version} is active`, body: `Both teams signed "${row.name}". Leads are scored by it from now on.` }),
  },
  defaultContent: { definition: DEFAULT_LEAD_DEFINITION, sla: DEFAULT_SLA_POLICY },
  contentOf: (row) => ({ definition: row.definition, sla: row.sla }),
};

/** Which version is active, by number and content hash; null when none is. */
export type ActiveContractRef = { version: number; contentHash: string } | null;

/**
 * The active version's number and content hash as one scalar column, for a statement that runs
 * anyway (storing touchpoints) to carry, which saves scoring a round trip.
 */
export function activeContractRef(workspaceId: string): SQL {
  return sql`(select json_build_object('version', d.version, 'contentHash', d.content_hash)
    from ${leadDefinitions} d where d.workspace_id = ${workspaceId}::uuid and d.status = 'active')`;
}

const COMPILED_KEPT = 64;
/** Compiled contents by content hash: a hash names one content for good, so any process may keep it. */
const compiledContents = new Map<string, CompiledContent>();

/** The content of a version, compiled once per process and reused across requests. */
export function compiledContent(contentHash: string, content: { definition: LeadDefinition; sla: SlaPolicy }): CompiledContent {
  let compiled = compiledContents.get(contentHash);
  if (!compiled) {
    if (compiledContents.size >= COMPILED_KEPT) compiledContents.delete(compiledContents.keys().next().value!);
    compiled = { definition: content.definition, sla: content.sla, scorer: compileDefinition(content.definition) };
    compiledContents.set(contentHash, compiled);
  }
  return compiled;
}

/**
 * The version that scores leads now, if the two teams have signed one. Given which version is
 * active (from `activeContractRef`), a content seen before is not read again.
 */
export async function activeContract(db: Db, workspaceId: string, known?: ActiveContractRef): Promise<Contract | null> {
  if (known === null) return null;
  const kept = known && compiledContents.get(known.contentHash);
  if (known && kept) return { ...kept, ...known };
  const [row] = await db
    .select({ version: leadDefinitions.version, definition: leadDefinitions.definition, sla: leadDefinitions.sla, contentHash: leadDefinitions.contentHash })
    .from(leadDefinitions)
    .where(and(eq(leadDefinitions.workspaceId, workspaceId), eq(leadDefinitions.status, 'active')));
  return row ? { ...compiledContent(row.contentHash, row), version: row.version, contentHash: row.contentHash } : null;
}

/** One version whole: content, signatures (voided ones too), comments, and what changed since the active version. */
export async function getVersion(ctx: ServiceContext, version: number) {
  const [detail, active] = await Promise.all([signing.versionDetail(LEAD_CONTRACT, ctx, version), activeContract(ctx.db, ctx.workspaceId)]);
  return { ...detail, changesFromActive: active && active.version !== version ? diffDefinitions(active.definition, detail.definition) : [] };
}

export async function diffVersions(ctx: ServiceContext, from: number, to: number) {
  const [a, b] = await Promise.all([signing.versionRow(ctx.db, LEAD_CONTRACT, ctx, from), signing.versionRow(ctx.db, LEAD_CONTRACT, ctx, to)]);
  return { from, to, changes: diffDefinitions(a.definition, b.definition), slaChanges: slaChanges(a.sla, b.sla) };
}

function slaChanges(a: SlaPolicy, b: SlaPolicy) {
  return (Object.keys(a) as (keyof SlaPolicy)[]).filter((key) => a[key] !== b[key]).map((key) => ({ property: key, before: a[key], after: b[key] }));
}

/**
 * Records a version both teams have already agreed on, signed and active at once: the demo
 * company's contract. Only for a workspace without any version yet.
 */
export async function adoptSignedContract(
  db: Db,
  input: { workspaceId: string; now: Date; name: string; definition: LeadDefinition; sla: SlaPolicy; signers: Record<SigningRole, string> },
): Promise<void> {
  await signing.adoptSignedVersion(db, LEAD_CONTRACT, { workspaceId: input.workspaceId, now: input.now, name: input.name, content: { definition: input.definition, sla: input.sla }, signers: input.signers });
}
