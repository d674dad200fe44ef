import { eq } from 'drizzle-orm';
import { actorUserId } from '../../../core/permissions.ts';
import { DEFAULT_LOOKBACK_DAYS } from '../../../core/schemas/attribution.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { attributionSettings } from './attribution.table.ts';

export type AttributionSettingsDto = { lookbackDays: number; isDefault: boolean; updatedAt: Date | null; updatedBy: string | null };

/** The workspace's lookback window and who set it; 90 days until someone does. */
export async function getAttributionSettings(db: Db, workspaceId: string): Promise<AttributionSettingsDto> {
  const [row] = await db.select().from(attributionSettings).where(eq(attributionSettings.workspaceId, workspaceId));
  return row
    ? { lookbackDays: row.lookbackDays, isDefault: false, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
    : { lookbackDays: DEFAULT_LOOKBACK_DAYS, isDefault: true, updatedAt: null, updatedBy: null };
}

/** Sets the lookback window (1 to 365 days, checked by the contract), with its audit row. */
export async function saveAttributionSettings(ctx: ServiceContext, input: { lookbackDays: number }): Promise<AttributionSettingsDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await getAttributionSettings(tx, ctx.workspaceId);
    const values = { lookbackDays: input.lookbackDays, updatedBy: actorUserId(ctx.actor), updatedAt: ctx.now };
    await tx.insert(attributionSettings).values({ workspaceId: ctx.workspaceId, ...values }).onConflictDoUpdate({ target: attributionSettings.workspaceId, set: values });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'attribution_settings.update',
      entityType: 'workspace',
      entityId: ctx.workspaceId,
      before: { lookbackDays: before.lookbackDays },
      after: { lookbackDays: input.lookbackDays },
    });
    return getAttributionSettings(tx, ctx.workspaceId);
  });
}
