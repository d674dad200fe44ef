import { expect } from 'vitest';
import type { Role } from '../../../core/permissions.ts';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import type { Harness } from '../../testing/harness.ts';

/** Test data for the attribution suites: people in every role of one workspace, and a January of deals and touches. */

type Method = 'GET' | 'POST' | 'PUT';
export type Caller = (method: Method, path: string, body?: unknown) => ReturnType<Harness['request']>;

/** A workspace and one signed-in caller per role (the admin is the workspace's own). */
export async function workspaceWithRoles(h: Harness, roles: readonly Exclude<Role, 'admin'>[]) {
  const { workspace, admin } = await buildWorkspace(h.db);
  const callerFor = (cookie: string): Caller => (method, path, body) => h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  const callers: Partial<Record<Role, Caller>> & { admin: Caller } = { admin: callerFor(await signIn(h, admin)) };
  const users: Partial<Record<Role, string>> = { admin: admin.id };
  for (const role of roles) {
    const member = await buildMember(h.db, workspace.id, role);
    callers[role] = callerFor(await signIn(h, member));
    users[role] = member.id;
  }
  return { workspace, as: (role: Role) => callers[role]!, userOf: (role: Role) => users[role]! };
}

/** The JSON of a response with the expected status. */
export async function expectStatus(response: ReturnType<Caller>, status: number) {
  const settled = await response;
  expect(settled.statusCode, settled.body).toBe(status);
  return settled.json();
}

/**
 * January 2026 at a small company:
 * - Ada (paid search, campaign "Search ads") clicked an ad on the 4th, read a guide on the 10th, attended
 *   the webinar on the 12th; her deal (1,000.00) opened on the 15th and was won on the 25th.
 * - Ben (referral) called on the 8th; his deal (500.00) opened on the 20th, still open.
 * - A deal without a lead (200.00) opened on the 2nd and was won on the 3rd.
 * - Cy only browsed (the 9th): a journey without conversion.
 */
export async function seedJanuary(call: Caller) {
  const post = (path: string, body: unknown) => expectStatus(call('POST', path, body), 201);
  const ads = await post('campaigns', { name: 'Search ads', channel: 'paid_search', startsOn: '2026-01-01', endsOn: '2026-01-31', budgetMinor: 100_000, spendMinor: 62_000 });
  const webinar = await post('campaigns', { name: 'Webinar', channel: 'webinar' });
  const ada = await post('leads', { email: 'ada@hotel.example', channel: 'paid_search', campaignId: ads.id, createdAt: '2026-01-05T09:00:00Z' });
  const ben = await post('leads', { email: 'ben@clinic.example', channel: 'referral', createdAt: '2026-01-08T09:00:00Z' });
  const cy = await post('leads', { email: 'cy@school.example', channel: 'organic_search', createdAt: '2026-01-09T09:00:00Z' });
  const touch = (leadId: string, type: string, day: string, extra: Record<string, string> = {}) => ({ leadId, type, occurredAt: `2026-01-${day}T10:00:00Z`, ...extra });
  await expectStatus(call('POST', 'touchpoints/batch', {
    touchpoints: [
      touch(ada.id, 'ad_click', '04', { campaignId: ads.id }),
      touch(ada.id, 'page_view', '10', { channel: 'organic_search' }),
      touch(ada.id, 'event', '12', { campaignId: webinar.id }),
      touch(ben.id, 'call', '08', { channel: 'referral' }),
      touch(cy.id, 'page_view', '09', { channel: 'organic_search' }),
    ],
  }), 200);
  const adaDeal = await post('deals', { name: 'Hotel Aurora', leadId: ada.id, amountMinor: 100_000, listAmountMinor: 110_000, status: 'won', createdAt: '2026-01-15T10:00:00Z', closedAt: '2026-01-25T10:00:00Z' });
  const benDeal = await post('deals', { name: 'Clinic Nord', leadId: ben.id, amountMinor: 50_000, createdAt: '2026-01-20T10:00:00Z' });
  const orphan = await post('deals', { name: 'Walk-in', amountMinor: 20_000, status: 'won', createdAt: '2026-01-02T10:00:00Z', closedAt: '2026-01-03T10:00:00Z' });
  return { ads, webinar, ada, ben, cy, adaDeal, benDeal, orphan };
}
