import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TouchpointInput } from '../../../core/schemas/funnel.ts';
import type { Db } from '../../db/client.ts';
import { FOREIGN_KEY_VIOLATION, queryRows, sqlState } from '../../db/raw.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { touchpoints, visitors } from './funnel.table.ts';
import { futureDateFields } from './checks.ts';
import { lookupRef, resolveRefs } from './refs.ts';
import { activeContractRef, type ActiveContractRef } from '../contract/contract.service.ts';
import { rescoreLeads } from '../contract/scoring.service.ts';

export type IngestResult = { received: number; stored: number; duplicates: number };
export type TouchpointError = { index: number; field: string; message: string };

type TouchpointRow = {
  id: string;
  dedupe_key: string;
  external_id: string | null;
  lead_id: string | null;
  anonymous_id: string | null;
  type: string;
  channel: string | null;
  campaign_id: string | null;
  url: string | null;
  occurred_at: string;
  properties: Record<string, unknown> | null;
};

/**
 * The identity of a touchpoint: its external id when the sender has one, else a hash of what
 * it says happened. Sending the same batch twice therefore stores it once.
 */
function dedupeKey(input: TouchpointInput, leadId: string | null, campaignId: string | null): string {
  if (input.externalId) return `x:${input.externalId}`;
  const content = [leadId, input.anonymousId ?? null, input.type, new Date(input.occurredAt).toISOString(), input.url ?? null, input.channel ?? null, campaignId, input.properties ?? null];
  return `h:${createHash('sha1').update(JSON.stringify(content)).digest('base64url')}`;
}

function duplicateExternalIds(inputs: TouchpointInput[]): TouchpointError[] {
  const firstSeen = new Map<string, number>();
  const errors: TouchpointError[] = [];
  inputs.forEach((input, index) => {
    if (!input.externalId) return;
    const first = firstSeen.get(input.externalId);
    if (first === undefined) firstSeen.set(input.externalId, index);
    else errors.push({ index, field: 'externalId', message: `duplicates touchpoint ${first} of this batch` });
  });
  return errors;
}

async function stitchedLeads(tx: Db, workspaceId: string, anonymousIds: string[]): Promise<Map<string, string>> {
  if (anonymousIds.length === 0) return new Map();
  const rows = await tx
    .select({ anonymousId: visitors.anonymousId, leadId: visitors.leadId })
    .from(visitors)
    .where(and(eq(visitors.workspaceId, workspaceId), inArray(visitors.anonymousId, anonymousIds)));
  return new Map(rows.filter((r) => r.leadId).map((r) => [r.anonymousId, r.leadId!]));
}

/**
 * Resolves every reference of a batch and builds its rows, or lists what is wrong with it. With
 * `trustLeadIds`, lead ids are left to the touchpoints' foreign key.
 */
async function buildRows(tx: Db, workspaceId: string, inputs: TouchpointInput[], now: Date, trustLeadIds: boolean): Promise<{ rows: TouchpointRow[]; errors: TouchpointError[] }> {
  const leadRefs = await resolveRefs(tx, workspaceId, 'lead', inputs.map((i) => ({ id: i.leadId, externalId: i.leadExternalId })), { trustIds: trustLeadIds });
  const campaignRefs = await resolveRefs(tx, workspaceId, 'campaign', inputs.map((i) => ({ id: i.campaignId, externalId: i.campaignExternalId })));
  const anonymousIds = [...new Set(inputs.map((i) => i.anonymousId).filter((v): v is string => Boolean(v)))];
  const stitched = await stitchedLeads(tx, workspaceId, anonymousIds);
  const errors = duplicateExternalIds(inputs);
  const rows: TouchpointRow[] = [];
  inputs.forEach((input, index) => {
    const lead = lookupRef(leadRefs, 'lead', { id: input.leadId, externalId: input.leadExternalId });
    const campaign = lookupRef(campaignRefs, 'campaign', { id: input.campaignId, externalId: input.campaignExternalId });
    for (const outcome of [lead, campaign]) if (!outcome.ok) errors.push({ index, field: outcome.field, message: outcome.message });
    const future = futureDateFields(input, now);
    errors.push(...future.map((problem) => ({ index, ...problem })));
    if (!lead.ok || !campaign.ok || future.length > 0) return;
    const leadId = lead.id ?? (input.anonymousId ? (stitched.get(input.anonymousId) ?? null) : null);
    rows.push({
      id: crypto.randomUUID(),
      dedupe_key: dedupeKey(input, leadId, campaign.id),
      external_id: input.externalId ?? null,
      lead_id: leadId,
      anonymous_id: input.anonymousId ?? null,
      type: input.type,
      channel: input.channel ?? null,
      campaign_id: campaign.id,
      url: input.url ?? null,
      occurred_at: new Date(input.occurredAt).toISOString(),
      properties: input.properties ?? null,
    });
  });
  return { rows, errors };
}

/**
 * Inserts rows through one JSON parameter (same statement on PGlite and PostgreSQL); returns how
 * many were new, the leads they belong to, and which lead contract version will rescore them.
 */
async function insertRows(tx: Db, workspaceId: string, rows: TouchpointRow[], now: Date): Promise<{ stored: number; leadIds: string[]; contract: ActiveContractRef }> {
  const [result] = await queryRows<{ stored: number; lead_ids: string[] | null; contract: ActiveContractRef }>(tx, sql`
    with incoming as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
        id uuid, dedupe_key text, external_id text, lead_id uuid, anonymous_id text, type text,
        channel text, campaign_id uuid, url text, occurred_at timestamptz, properties jsonb)
    ), stored as (
      insert into touchpoints (workspace_id, id, dedupe_key, external_id, lead_id, anonymous_id, type, channel, campaign_id, url, occurred_at, properties, created_at)
      select ${workspaceId}::uuid, id, dedupe_key, external_id, lead_id, anonymous_id, type, channel, campaign_id, url, occurred_at, properties, ${now.toISOString()}::timestamptz
      from incoming
      on conflict (workspace_id, dedupe_key) do nothing
      returning lead_id
    )
    select count(*)::int as stored, array_agg(distinct lead_id::text) filter (where lead_id is not null) as lead_ids,
      ${activeContractRef(workspaceId)} as contract
    from stored`);
  return { stored: Number(result!.stored), leadIds: result!.lead_ids ?? [], contract: result!.contract };
}

/** Remembers every anonymous browser of the batch with when it was first and last seen. */
async function touchVisitors(tx: Db, workspaceId: string, rows: TouchpointRow[]): Promise<void> {
  const seen = new Map<string, { first: string; last: string }>();
  for (const row of rows) {
    if (!row.anonymous_id) continue;
    const span = seen.get(row.anonymous_id);
    if (!span) seen.set(row.anonymous_id, { first: row.occurred_at, last: row.occurred_at });
    else {
      if (row.occurred_at < span.first) span.first = row.occurred_at;
      if (row.occurred_at > span.last) span.last = row.occurred_at;
    }
  }
  if (seen.size === 0) return;
  const payload = [...seen.entries()].map(([anonymous_id, span]) => ({ anonymous_id, first: span.first, last: span.last }));
  await tx.execute(sql`
    insert into visitors (workspace_id, anonymous_id, first_seen_at, last_seen_at)
    select ${workspaceId}::uuid, anonymous_id, first, last
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(anonymous_id text, first timestamptz, last timestamptz)
    on conflict (workspace_id, anonymous_id) do update
      set first_seen_at = least(visitors.first_seen_at, excluded.first_seen_at),
          last_seen_at = greatest(visitors.last_seen_at, excluded.last_seen_at)`);
}

/**
 * Stores a batch of touchpoints all-or-nothing: every reference must resolve in this
 * workspace, external ids must be unique within the batch, and a touchpoint already stored
 * (same external id, or same content) is counted as a duplicate, not stored again. The leads
 * that got new touchpoints are rescored in the same transaction. Lead ids are first left to the
 * foreign key, which saves a statement per batch; if it finds one that is not this workspace's,
 * the batch is checked again, reference by reference, to say which.
 */
export async function ingestTouchpoints(ctx: ServiceContext, inputs: TouchpointInput[]): Promise<IngestResult> {
  try {
    return await storeTouchpoints(ctx, inputs, true);
  } catch (error) {
    if (sqlState(error) !== FOREIGN_KEY_VIOLATION) throw error;
    return storeTouchpoints(ctx, inputs, false);
  }
}

function storeTouchpoints(ctx: ServiceContext, inputs: TouchpointInput[], trustLeadIds: boolean): Promise<IngestResult> {
  return ctx.db.transaction(async (tx) => {
    const { rows, errors } = await buildRows(tx, ctx.workspaceId, inputs, ctx.now, trustLeadIds);
    if (errors.length > 0) {
      const details = errors.slice(0, 100).map((e) => ({ field: `touchpoints.${e.index}.${e.field}`, message: e.message }));
      throw new AppError('validation_failed', `${errors.length} touchpoint(s) have errors; nothing was stored. First: ${details[0]!.field} ${details[0]!.message}`, details);
    }
    await touchVisitors(tx, ctx.workspaceId, rows);
    const { stored, leadIds, contract } = await insertRows(tx, ctx.workspaceId, rows, ctx.now);
    await rescoreLeads(tx, ctx, leadIds, contract);
    return { received: inputs.length, stored, duplicates: inputs.length - stored };
  });
}

/** Links an anonymous browser to a lead, and gives the lead every touchpoint the browser left before. */
export async function stitchVisitor(tx: Db, workspaceId: string, anonymousId: string, leadId: string, now: Date): Promise<number> {
  await tx
    .insert(visitors)
    .values({ workspaceId, anonymousId, leadId, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: [visitors.workspaceId, visitors.anonymousId], set: { leadId } });
  const moved = await tx
    .update(touchpoints)
    .set({ leadId })
    .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.anonymousId, anonymousId), isNull(touchpoints.leadId)))
    .returning({ id: touchpoints.id });
  return moved.length;
}
