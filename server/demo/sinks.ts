import { accounts, activities, deals, leads, stageTransitions, touchpoints, visitors } from '../modules/funnel/funnel.table.ts';
import { leadHandovers } from '../modules/sla/sla.table.ts';
import { CopyBatch } from './batch.ts';

/** The rows of one chunk in the workspace, table by table, in the order they must be written (parents before children). */
export function createSinks(workspaceId: string) {
  return {
    accounts: new CopyBatch(accounts, workspaceId, ['id', 'name', 'domain', 'industry', 'employees', 'country', 'createdAt', 'updatedAt']),
    leads: new CopyBatch(leads, workspaceId, [
      'id', 'email', 'firstName', 'lastName', 'title', 'phone', 'company', 'country', 'accountId', 'stage', 'stageChangedAt',
      'reachedLeadAt', 'reachedMqlAt', 'reachedSalAt', 'reachedSqlAt', 'reachedOpportunityAt', 'reachedCustomerAt',
      'ownerId', 'source', 'channel', 'campaignId', 'utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent', 'createdAt', 'updatedAt',
    ]),
    deals: new CopyBatch(deals, workspaceId, [
      'id', 'name', 'accountId', 'leadId', 'ownerId', 'amountMinor', 'listAmountMinor', 'discountRate', 'currency', 'status', 'stage',
      'lossReason', 'competitor', 'createdAt', 'closedAt', 'updatedAt',
    ]),
    transitions: new CopyBatch(stageTransitions, workspaceId, ['id', 'leadId', 'fromStage', 'toStage', 'at', 'actorId', 'reason', 'cause']),
    visitors: new CopyBatch(visitors, workspaceId, ['anonymousId', 'leadId', 'firstSeenAt', 'lastSeenAt']),
    touchpoints: new CopyBatch(touchpoints, workspaceId, ['id', 'dedupeKey', 'leadId', 'anonymousId', 'type', 'channel', 'campaignId', 'url', 'occurredAt', 'properties', 'createdAt']),
    activities: new CopyBatch(activities, workspaceId, ['id', 'leadId', 'dealId', 'type', 'outcome', 'notes', 'actorId', 'occurredAt', 'createdAt']),
    handovers: new CopyBatch(leadHandovers, workspaceId, [
      'leadId', 'version', 'mqlAt', 'ownerId', 'assignedAt', 'routingRule', 'note', 'firstContactDueAt', 'attemptsDueAt',
      'decision', 'decidedAt', 'decidedBy', 'rejectionReason', 'rejectionNote', 'firstContactBreachNotifiedAt', 'attemptsBreachNotifiedAt',
    ]),
  };
}

export type Sinks = ReturnType<typeof createSinks>;
