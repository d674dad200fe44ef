import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, campaigns, deals, leads } from './funnel.table.ts';

/** Records that others point to, by Accord id or by the sender's external id. */
export type RefKind = 'account' | 'campaign' | 'lead' | 'deal';

const REF_TABLES = { account: accounts, campaign: campaigns, lead: leads, deal: deals } as const;
const CHUNK = 5_000;

export type RefRequest = { id?: string | null | undefined; externalId?: string | null | undefined };

/** Resolved references of one kind: look up an id or external id, get the workspace's own id or undefined. */
export type RefMap = { byId: Set<string>; byExternalId: Map<string, string> };

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Finds which of the referenced records exist in this workspace, in a few queries for any
 * number of references. An id from another workspace is simply not found. With `trustIds`, ids
 * are taken as found without a query: for a caller whose write a foreign key checks anyway, and
 * who looks again only when it fails.
 */
export async function resolveRefs(db: Db, workspaceId: string, kind: RefKind, requests: RefRequest[], options: { trustIds?: boolean } = {}): Promise<RefMap> {
  const table = REF_TABLES[kind];
  const ids = [...new Set(requests.map((r) => r.id).filter((v): v is string => Boolean(v)))];
  const externalIds = [...new Set(requests.map((r) => r.externalId).filter((v): v is string => Boolean(v)))];
  const map: RefMap = { byId: new Set(options.trustIds ? ids : []), byExternalId: new Map() };
  const lookups: SQL[] = [
    ...(options.trustIds ? [] : chunks(ids).map((part) => inArray(table.id, part))),
    ...chunks(externalIds).map((part) => inArray(table.externalId, part)),
  ];
  for (const lookup of lookups) {
    const rows = await db
      .select({ id: table.id, externalId: table.externalId })
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), or(lookup)));
    for (const row of rows) {
      map.byId.add(row.id);
      if (row.externalId) map.byExternalId.set(row.externalId, row.id);
    }
  }
  return map;
}

export type RefOutcome = { ok: true; id: string | null } | { ok: false; field: string; message: string };

/** The id a reference resolves to (null when none was given), or why it does not resolve. */
export function lookupRef(map: RefMap, kind: RefKind, request: RefRequest): RefOutcome {
  if (request.id) {
    return map.byId.has(request.id)
      ? { ok: true, id: request.id }
      : { ok: false, field: `${kind}Id`, message: `no ${kind} with this id in this workspace` };
  }
  if (request.externalId) {
    const id = map.byExternalId.get(request.externalId);
    return id ? { ok: true, id } : { ok: false, field: `${kind}ExternalId`, message: `no ${kind} with external id "${request.externalId}"` };
  }
  return { ok: true, id: null };
}
