import { and, eq, sql } from 'drizzle-orm';
import type { SlaPolicy } from '../../../core/schemas/sla.ts';
import type { Db } from '../../db/client.ts';
import { arrayParam } from '../../db/raw.ts';
import { leadDefinitions } from '../contract/contract.table.ts';
import { leadHandovers } from './sla.table.ts';

/** Query pieces the SLA services share. */

/**
 * The times of the sales activities on a handover's lead since it became an MQL, oldest first,
 * as a JSON array of timestamps: the contact attempts the SLA counts, whoever made them.
 */
export const contactTimes = sql<string[]>`(
  select coalesce(jsonb_agg(a.occurred_at order by a.occurred_at), '[]'::jsonb)
  from activities a
  where a.workspace_id = ${leadHandovers.workspaceId} and a.lead_id = ${leadHandovers.leadId} and a.occurred_at >= ${leadHandovers.mqlAt}
)`;

export function toDates(times: readonly string[]): Date[] {
  return times.map((time) => new Date(time));
}

/** The SLA policy of each lead contract version asked for. */
export async function slaPolicies(db: Db, workspaceId: string, versions: Iterable<number>): Promise<Map<number, SlaPolicy>> {
  const wanted = [...new Set(versions)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ version: leadDefinitions.version, sla: leadDefinitions.sla })
    .from(leadDefinitions)
    .where(and(eq(leadDefinitions.workspaceId, workspaceId), sql`${leadDefinitions.version} = any(${arrayParam(wanted, 'int')})`));
  return new Map(rows.map((row) => [row.version, row.sla]));
}
