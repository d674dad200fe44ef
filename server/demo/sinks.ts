import { accounts, activities, deals, leads, stageTransitions, touchpoints, visitors } from '../modules/funnel/funnel.table.ts';
import { leadHandovers } from '../modules/sla/sla.table.ts';
import { ColumnBatch } from './batch.ts';

/** The rows of one chunk, table by table, in the order they must be written (parents before children). */
export function createSinks() {
  return {
    accounts: new ColumnBatch(accounts, ['id', 'name', 'domain', 'industry', 'employees', 'country', 'createdAt', 'updatedAt']),
    leads: new ColumnBatch(leads, [
      'id', 'email', 'firstName', 'lastName', 'title', 'phone', 'company', 'country', 'accountId', 'stage', 'stageChangedAt',
      'reachedLeadAt', 'reachedMqlAt', 'reachedSalAt', 'reachedSqlAt', 'reachedOpportunityAt', 'reachedCustomerAt',
      'ownerId', 'source', 'channel', 'campaignId', 'utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent', 'createdAt', 'updatedAt',
    ]),
    deals: new ColumnBatch(deals, [
      'id', 'name', 'accountId', 'leadId', 'ownerId', 'amountMinor', 'listAmountMinor', 'discountRate', 'currency', 'status', 'stage',
      'lossReason', 'competitor', 'createdAt', 'closedAt', 'updatedAt',
    ]),
    transitions: new ColumnBatch(stageTransitions, ['id', 'leadId', 'fromStage', 'toStage', 'at', 'actorId', 'reason', 'cause']),
    visitors: new ColumnBatch(visitors, ['anonymousId', 'leadId', 'firstSeenAt', 'lastSeenAt']),
    touchpoints: new ColumnBatch(touchpoints, ['id', 'dedupeKey', 'leadId', 'anonymousId', 'type', 'channel', 'campaignId', 'url', 'occurredAt', 'properties', 'createdAt']),
    activities: new ColumnBatch(activities, ['id', 'leadId', 'dealId', 'type', 'outcome', 'notes', 'actorId', 'occurredAt', 'createdAt']),
    handovers: new ColumnBatch(leadHandovers, [
      'leadId', 'version', 'mqlAt', 'ownerId', 'assignedAt', 'routingRule', 'note', 'firstContactDueAt', 'attemptsDueAt',
      'decision', 'decidedAt', 'decidedBy', 'rejectionReason', 'rejectionNote', 'firstContactBreachNotifiedAt', 'attemptsBreachNotifiedAt',
    ]),
  };
}

export type Sinks = ReturnType<typeof createSinks>;
