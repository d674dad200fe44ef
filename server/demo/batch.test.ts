import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { copyBinary } from '../db/bulk.ts';
import { queryRows } from '../db/raw.ts';
import { deals, touchpoints } from '../modules/funnel/funnel.table.ts';
import { buildWorkspace } from '../testing/factories.ts';
import { describeOnEngines } from '../testing/harness.ts';
import { CopyBatch } from './batch.ts';

const AT = Date.UTC(2026, 2, 15, 10, 30, 5) / 1000;

describeOnEngines('demo batches (binary COPY)', (h) => {
  let ws = '';

  beforeAll(async () => {
    ws = (await buildWorkspace(h.db)).workspace.id;
  });

  it('writes every type of the demo tables as the database reads it back', async () => {
    const batch = new CopyBatch(deals, ws, ['id', 'name', 'amountMinor', 'listAmountMinor', 'discountRate', 'currency', 'status', 'stage', 'lossReason', 'createdAt', 'closedAt', 'updatedAt']);
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const row = { name: 'Plain', amountMinor: 0, listAmountMinor: 0, discountRate: 0, currency: 'EUR', status: 'open', stage: 'proposal', lossReason: null, createdAt: AT, closedAt: null, updatedAt: AT } as const;
    batch.push({ ...row, id: ids[0]!, name: 'Ünïcode — "quoted", tab\there\nand a line', amountMinor: 9_007_199_254_740_991, listAmountMinor: 12_345, discountRate: 0.1234 });
    batch.push({ ...row, id: ids[1]!, amountMinor: -4_294_967_297, discountRate: 12.5, status: 'lost', lossReason: 'price', closedAt: AT + 86_400.5 });
    batch.push({ ...row, id: ids[2]!, createdAt: 0, updatedAt: 946_684_799 });
    await h.db.transaction((tx) => copyBinary(tx, batch.toCopy()));
    const written = await queryRows<Record<string, unknown>>(
      h.db,
      sql`select name, amount_minor::text as amount, list_amount_minor::text as list, discount_rate::text as rate, loss_reason as "lossReason",
            extract(epoch from created_at)::text as created, extract(epoch from closed_at)::text as closed, extract(epoch from updated_at)::text as updated
          from deals where workspace_id = ${ws} order by array_position(${`{${ids.join(',')}}`}::uuid[], id)`,
    );
    expect(written).toEqual([
      { name: 'Ünïcode — "quoted", tab\there\nand a line', amount: '9007199254740991', list: '12345', rate: '0.1234', lossReason: null, created: '1773570605.000000', closed: null, updated: '1773570605.000000' },
      { name: 'Plain', amount: '-4294967297', list: '0', rate: '12.5000', lossReason: 'price', created: '1773570605.000000', closed: '1773657005.500000', updated: '1773570605.000000' },
      { name: 'Plain', amount: '0', list: '0', rate: '0.0000', lossReason: null, created: '0.000000', closed: null, updated: '946684799.000000' },
    ]);
  });

  it('writes JSON and leaves out-of-batch columns to their defaults', async () => {
    const batch = new CopyBatch(touchpoints, ws, ['id', 'dedupeKey', 'leadId', 'anonymousId', 'type', 'channel', 'campaignId', 'url', 'occurredAt', 'properties', 'createdAt']);
    const properties = { form: 'demo_request', nested: { quote: 'a "b" \\ c', list: [1, 2.5, null] } };
    batch.push({ id: crypto.randomUUID(), dedupeKey: 'batch-test-1', leadId: null, anonymousId: 'anon-1', type: 'form_submit', channel: 'web', campaignId: null, url: '/demo', occurredAt: AT, properties, createdAt: AT });
    await h.db.transaction((tx) => copyBinary(tx, batch.toCopy()));
    const [written] = await queryRows<{ properties: unknown; externalId: string | null }>(
      h.db,
      sql`select properties, external_id as "externalId" from touchpoints where workspace_id = ${ws} and dedupe_key = 'batch-test-1'`,
    );
    expect(written).toEqual({ properties, externalId: null });
  });

  it('refuses an id that is not a UUID', () => {
    const batch = new CopyBatch(touchpoints, ws, ['id', 'dedupeKey', 'type', 'occurredAt', 'createdAt']);
    for (const id of ['not-a-uuid', `${crypto.randomUUID()}0`, crypto.randomUUID().slice(1)]) {
      expect(() => batch.push({ id, dedupeKey: 'k', type: 'other', occurredAt: AT, createdAt: AT })).toThrow(`Not a UUID: "${id}"`);
    }
  });

  it('copies only inside a transaction', async () => {
    const batch = new CopyBatch(touchpoints, ws, ['id', 'dedupeKey', 'type', 'occurredAt', 'createdAt']);
    await expect(copyBinary(h.db, batch.toCopy())).rejects.toThrow(/inside a transaction/);
  });
});
