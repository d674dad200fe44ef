import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { funnelIndex, type FunnelStage } from '../../../core/funnel/stages.ts';
import { actorUserId } from '../../../core/permissions.ts';
import type { AccountInput, ActivityInput, CampaignInput, DealInput, LeadInput } from '../../../core/schemas/funnel.ts';
import { insertRows } from '../../db/bulk.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { decodeCursor, encodeCursor, type Page } from '../../http/pagination.ts';
import { UNSCHEDULED } from '../campaigns/plans.service.ts';
import { rescoreLeads } from '../contract/scoring.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { accounts, activities, campaigns, deals, leads } from './funnel.table.ts';
import { futureDateFields } from './checks.ts';
import { lookupRef, resolveRefs, type RefKind, type RefMap } from './refs.ts';
import { advanceLeads, logTransitions, reachedOnEntry, type Transition } from './stages.service.ts';

/** The records of the funnel that are created, updated and upserted by external id. */
export type RecordKind = 'account' | 'campaign' | 'lead' | 'deal' | 'activity';
export type RecordInputs = { account: AccountInput; campaign: CampaignInput; lead: LeadInput; deal: DealInput; activity: ActivityInput };

/** One record to save; `ref` is the caller's handle for errors (a CSV line, a batch index). */
export type RecordItem<K extends RecordKind> = { ref: number; input: RecordInputs[K]; id?: string };
export type RecordError = { ref: number; field: string; message: string };
export type SaveResult = { created: number; updated: number; unchanged: number; ids: Map<number, string>; errors: RecordError[] };

type Row = Record<string, unknown> & { id: string; externalId: string | null; createdAt: Date };
type Ids = Partial<Record<RefKind, string | null>>;

type Spec<K extends RecordKind> = {
  table: PgTable & { workspaceId: never; id: never; externalId: never };
  refs: readonly RefKind[];
  refRequest: (input: RecordInputs[K], kind: RefKind) => { id?: string | null | undefined; externalId?: string | null | undefined };
  /** Column values from the input and the resolved references; createdAt and ids are added by the caller. */
  values: (input: RecordInputs[K], ids: Ids, now: Date) => Record<string, unknown>;
};

const refOf = (input: Record<string, unknown>, kind: RefKind) => ({
  id: input[`${kind}Id`] as string | null | undefined,
  externalId: input[`${kind}ExternalId`] as string | null | undefined,
});

function discountRate(amount: number, list: number): number {
  return list > 0 ? Math.round((1 - amount / list) * 10_000) / 10_000 : 0;
}

const SPECS: { [K in RecordKind]: Spec<K> } = {
  account: {
    table: accounts as never,
    refs: [],
    refRequest: () => ({}),
    values: (i) => ({ name: i.name, domain: i.domain ?? null, industry: i.industry ?? null, employees: i.employees ?? null, country: i.country ?? null, custom: i.custom ?? {} }),
  },
  campaign: {
    table: campaigns as never,
    refs: [],
    refRequest: () => ({}),
    values: (i) => ({
      name: i.name,
      channel: i.channel ?? null,
      type: i.type ?? null,
      startsOn: i.startsOn ?? null,
      endsOn: i.endsOn ?? null,
      budgetMinor: i.budgetMinor ?? null,
      spendMinor: i.spendMinor ?? null,
      currency: i.currency,
    }),
  },
  lead: {
    table: leads as never,
    refs: ['account', 'campaign'],
    refRequest: (i, kind) => refOf(i, kind),
    values: (i, ids) => ({
      email: i.email ?? null,
      firstName: i.firstName ?? null,
      lastName: i.lastName ?? null,
      title: i.title ?? null,
      phone: i.phone ?? null,
      company: i.company ?? null,
      country: i.country ?? null,
      accountId: ids.account ?? null,
      stage: i.stage,
      ownerId: i.ownerId ?? null,
      source: i.source ?? null,
      channel: i.channel ?? null,
      campaignId: ids.campaign ?? null,
      utmSource: i.utmSource ?? null,
      utmMedium: i.utmMedium ?? null,
      utmCampaign: i.utmCampaign ?? null,
      utmTerm: i.utmTerm ?? null,
      utmContent: i.utmContent ?? null,
      custom: i.custom ?? {},
    }),
  },
  deal: {
    table: deals as never,
    refs: ['account', 'lead'],
    refRequest: (i, kind) => refOf(i, kind),
    values: (i, ids, now) => {
      const list = i.listAmountMinor ?? i.amountMinor;
      return {
        name: i.name,
        accountId: ids.account ?? null,
        leadId: ids.lead ?? null,
        ownerId: i.ownerId ?? null,
        amountMinor: i.amountMinor,
        listAmountMinor: list,
        discountRate: discountRate(i.amountMinor, list),
        currency: i.currency,
        status: i.status,
        stage: i.stage ?? null,
        lossReason: i.lossReason ?? null,
        competitor: i.competitor ?? null,
        closedAt: i.status === 'open' ? null : i.closedAt ? new Date(i.closedAt) : now,
      };
    },
  },
  activity: {
    table: activities as never,
    refs: ['lead', 'deal'],
    refRequest: (i, kind) => refOf(i, kind),
    values: (i, ids) => ({
      leadId: ids.lead ?? null,
      dealId: ids.deal ?? null,
      type: i.type,
      outcome: i.outcome ?? null,
      notes: i.notes ?? null,
      actorId: i.actorId ?? null,
      occurredAt: new Date(i.occurredAt),
    }),
  },
};

const TIMESTAMPED: Record<RecordKind, boolean> = { account: true, campaign: true, lead: true, deal: true, activity: false };

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b || (a == null && b == null);
}

function isUnchanged(existing: Row, values: Record<string, unknown>): boolean {
  return Object.entries(values).every(([key, value]) => sameValue(existing[key], value));
}

async function loadExisting(tx: Db, spec: Spec<RecordKind>, workspaceId: string, items: RecordItem<RecordKind>[]): Promise<{ byId: Map<string, Row>; byExternalId: Map<string, Row> }> {
  const table = spec.table as unknown as typeof leads;
  const ids = items.map((item) => item.id).filter((v): v is string => Boolean(v));
  const externalIds = items.map((item) => item.input.externalId).filter((v): v is string => Boolean(v));
  const byId = new Map<string, Row>();
  const byExternalId = new Map<string, Row>();
  for (const [column, keys] of [
    [table.id, ids],
    [table.externalId, externalIds],
  ] as const) {
    for (let i = 0; i < keys.length; i += 5_000) {
      const rows = (await tx
        .select()
        .from(table)
        .where(and(eq(table.workspaceId, workspaceId), inArray(column, keys.slice(i, i + 5_000))))) as unknown as Row[];
      for (const row of rows) {
        byId.set(row.id, row);
        if (row.externalId) byExternalId.set(row.externalId, row);
      }
    }
  }
  return { byId, byExternalId };
}

function createdAtOf(input: RecordInputs[RecordKind], existing: Row | undefined, now: Date): Date {
  const given = (input as { createdAt?: string | null }).createdAt;
  return given ? new Date(given) : (existing?.createdAt ?? now);
}

/**
 * A record sent again (a re-import, a CRM sync) never moves a lead back down the funnel: an
 * opportunity stays one when the CRM still calls it an MQL. Moving back is a person's decision,
 * made through the stage endpoint with a reason. Side stages (nurture, disqualified) still apply.
 */
function forwardOnly(current: LeadInput['stage'] | undefined, sent: LeadInput['stage']): LeadInput['stage'] {
  if (!current || funnelIndex(sent) < 0 || funnelIndex(current) < 0) return sent;
  return funnelIndex(sent) < funnelIndex(current) ? current : sent;
}

/** What saving a batch of leads did to their stages: the log rows to append. */
function leadTransitions(existing: Row | undefined, row: Record<string, unknown>, cause: string, now: Date, actorId: string | null): Transition[] {
  const to = row.stage as LeadInput['stage'];
  if (existing && existing.stage === to) return [];
  const at = existing ? now : (row.createdAt as Date);
  return [{ leadId: row.id as string, from: (existing?.stage as LeadInput['stage']) ?? null, to, at, cause, reason: existing ? `Stage set by ${cause}` : `Created by ${cause}`, actorId }];
}

function dealMoves(rows: Record<string, unknown>[]): { leadId: string; to: FunnelStage; at: Date; cause: string; reason: string }[] {
  return rows
    .filter((deal) => deal.leadId)
    .map((deal) =>
      deal.status === 'won'
        ? { leadId: deal.leadId as string, to: 'customer' as const, at: deal.closedAt as Date, cause: 'deal_won', reason: `Deal "${deal.name}" won` }
        : { leadId: deal.leadId as string, to: 'opportunity' as const, at: deal.createdAt as Date, cause: 'deal_opened', reason: `Deal "${deal.name}" opened` },
    );
}

/** A scheduled campaign whose days move goes back to draft, as a change of its plan does: the launch gate has to be passed again. */
function gateReopened(before: Row, row: Record<string, unknown>) {
  const moved = before.startsOn !== row.startsOn || before.endsOn !== row.endsOn;
  return before.status === 'scheduled' && moved ? UNSCHEDULED : {};
}

/**
 * Saves records of one kind: each item is matched to an existing record by `id` (update) or
 * external id (upsert), else created. References are resolved in bulk; an item whose
 * reference does not resolve in this workspace is not saved and comes back as an error.
 * Unchanged records are not written. Stage changes of leads are logged, saved leads are
 * rescored by the active lead contract, and deals move their leads forward in the funnel. Runs inside the caller's transaction.
 */
export async function saveRecords<K extends RecordKind>(
  tx: Db,
  ctx: ServiceContext,
  kind: K,
  items: RecordItem<K>[],
  options: { cause: string; audit: boolean },
): Promise<SaveResult> {
  const spec = SPECS[kind] as unknown as Spec<RecordKind>;
  const result: SaveResult = { created: 0, updated: 0, unchanged: 0, ids: new Map(), errors: [] };
  const refMaps = new Map<RefKind, RefMap>();
  for (const refKind of spec.refs) {
    refMaps.set(refKind, await resolveRefs(tx, ctx.workspaceId, refKind, items.map((item) => spec.refRequest(item.input, refKind))));
  }
  const existing = await loadExisting(tx, spec, ctx.workspaceId, items as RecordItem<RecordKind>[]);
  const actorId = actorUserId(ctx.actor);
  const inserts: Record<string, unknown>[] = [];
  const updates: { before: Row; row: Record<string, unknown> }[] = [];
  const transitions: Transition[] = [];

  for (const item of items) {
    const ids: Ids = {};
    const problems = spec.refs.flatMap((refKind) => {
      const outcome = lookupRef(refMaps.get(refKind)!, refKind, spec.refRequest(item.input, refKind));
      if (outcome.ok) ids[refKind] = outcome.id;
      return outcome.ok ? [] : [{ ref: item.ref, field: outcome.field, message: outcome.message }];
    });
    problems.push(...futureDateFields(item.input, ctx.now).map((problem) => ({ ref: item.ref, ...problem })));
    if (item.id && !existing.byId.has(item.id)) problems.push({ ref: item.ref, field: 'id', message: `no ${kind} with this id in this workspace` });
    if (problems.length > 0) {
      result.errors.push(...problems);
      continue;
    }
    const before = item.id ? existing.byId.get(item.id) : item.input.externalId ? existing.byExternalId.get(item.input.externalId) : undefined;
    const row: Record<string, unknown> = {
      ...spec.values(item.input, ids, ctx.now),
      externalId: item.input.externalId ?? before?.externalId ?? null,
      createdAt: createdAtOf(item.input, before, ctx.now),
    };
    if (kind === 'lead') row.stage = forwardOnly(before?.stage as LeadInput['stage'] | undefined, row.stage as LeadInput['stage']);
    if (before && isUnchanged(before, row)) {
      result.unchanged += 1;
      result.ids.set(item.ref, before.id);
      continue;
    }
    row.id = before?.id ?? crypto.randomUUID();
    if (TIMESTAMPED[kind]) row.updatedAt = ctx.now;
    if (kind === 'lead') {
      const moved = leadTransitions(before, row, options.cause, ctx.now, actorId);
      transitions.push(...moved);
      row.stageChangedAt = moved[0]?.at ?? before?.stageChangedAt;
      Object.assign(row, reachedOnEntry((before ?? {}) as Partial<typeof leads.$inferSelect>, row.stage as LeadInput['stage'], (moved[0]?.at ?? ctx.now) as Date));
    }
    if (kind === 'campaign' && before) Object.assign(row, gateReopened(before, row));
    result.ids.set(item.ref, row.id as string);
    if (before) updates.push({ before, row });
    else inserts.push({ ...row, workspaceId: ctx.workspaceId });
    if (before) existing.byExternalId.set(String(row.externalId), { ...before, ...row } as Row);
    else if (row.externalId) existing.byExternalId.set(String(row.externalId), row as Row);
  }

  const table = spec.table as unknown as typeof leads;
  await insertRows(tx, table, inserts as (typeof leads.$inferInsert)[]);
  for (const { row } of updates) {
    await tx.update(table).set(row as Partial<typeof leads.$inferInsert>).where(and(eq(table.workspaceId, ctx.workspaceId), eq(table.id, row.id as string)));
  }
  result.created = inserts.length;
  result.updated = updates.length;
  await logTransitions(tx, ctx.workspaceId, transitions);
  if (kind === 'lead') await rescoreLeads(tx, ctx, [...inserts, ...updates.map((u) => u.row)].map((row) => row.id as string));
  if (kind === 'deal') await advanceLeads(tx, ctx.workspaceId, dealMoves([...inserts, ...updates.map((u) => u.row)]));
  if (options.audit) {
    for (const row of inserts) await recordAudit(tx, { ...ctx, db: tx }, { action: `${kind}.create`, entityType: kind, entityId: row.id as string, after: row });
    for (const { before, row } of updates) {
      await recordAudit(tx, { ...ctx, db: tx }, { action: `${kind}.update`, entityType: kind, entityId: row.id as string, before, after: row });
    }
  }
  return result;
}

/** Plural path segment and label of each kind, for routes and messages. */
export const RECORD_PATHS: Record<RecordKind, string> = { account: 'accounts', campaign: 'campaigns', lead: 'leads', deal: 'deals', activity: 'activities' };

export type SaveMode = 'create' | 'update' | 'upsert';

/**
 * Saves one record through the API: `create` refuses an external id that exists, `update`
 * needs the id, `upsert` matches by external id. Errors name the field; nothing is half-saved.
 */
export async function saveOneRecord<K extends RecordKind>(
  ctx: ServiceContext,
  kind: K,
  input: RecordInputs[K],
  target: { mode: SaveMode; id?: string },
): Promise<{ id: string; isNew: boolean }> {
  return ctx.db.transaction(async (tx) => {
    if (target.mode === 'create' && input.externalId) {
      const table = SPECS[kind].table as unknown as typeof leads;
      const [taken] = await tx.select({ id: table.id }).from(table).where(and(eq(table.workspaceId, ctx.workspaceId), eq(table.externalId, input.externalId)));
      if (taken) {
        throw new AppError('conflict', `A ${kind} with external id "${input.externalId}" exists (id ${taken.id}); update it with PUT /${RECORD_PATHS[kind]}/external/{externalId}.`);
      }
    }
    const item: RecordItem<K> = { ref: 0, input, ...(target.id ? { id: target.id } : {}) };
    const result = await saveRecords(tx, ctx, kind, [item], { cause: ctx.actor.kind === 'token' ? 'api' : 'web', audit: true });
    if (result.errors.length > 0) {
      const details = result.errors.map((e) => ({ field: e.field, message: e.message }));
      const status = details.some((d) => d.field === 'id') ? 'not_found' : 'validation_failed';
      throw new AppError(status, details.map((d) => `${d.field} ${d.message}`).join('; '), details);
    }
    return { id: result.ids.get(0)!, isNew: result.created === 1 };
  });
}

/** One record of a kind as stored, or not found. */
export async function getRecord(ctx: ServiceContext, kind: RecordKind, id: string): Promise<Record<string, unknown>> {
  const table = SPECS[kind].table as unknown as typeof leads;
  const [row] = await ctx.db.select().from(table).where(and(eq(table.workspaceId, ctx.workspaceId), eq(table.id, id)));
  if (!row) throw new AppError('not_found', `No ${kind} with this id in this workspace.`);
  return row;
}

/** Records of a kind, newest first, by cursor. */
export async function listRecords(ctx: ServiceContext, kind: RecordKind, page: { limit: number; cursor?: string | undefined }): Promise<Page<Record<string, unknown>>> {
  const table = SPECS[kind].table as unknown as typeof leads;
  const after = decodeCursor(page.cursor);
  const conditions: SQL[] = [eq(table.workspaceId, ctx.workspaceId)];
  if (after) conditions.push(or(lt(table.createdAt, after.at), and(eq(table.createdAt, after.at), lt(table.id, after.id)))!);
  const rows = await ctx.db
    .select()
    .from(table)
    .where(and(...conditions))
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(page.limit + 1);
  const last = rows.length > page.limit ? rows[page.limit - 1]! : null;
  return { items: rows.slice(0, page.limit), nextCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}
