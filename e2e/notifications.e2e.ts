import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInFirstAdmin, startAccord, type RunningAccord } from './support.ts';

let accord: RunningAccord;
let browser: Browser;
let admin: Page;
let mia: Page;
let api: string;

type Inbox = { items: { id: string; title: string; link: string | null; readAt: string | null }[]; unread: number };
type Preferences = { items: { event: string; channels: string[]; isDefault: boolean }[] };

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchBrowser();
  const signedIn = await signInFirstAdmin(browser, accord, { width: 1280, height: 900 });
  admin = signedIn.page;
  api = `${accord.url}/api/v1/workspaces/${signedIn.workspaceId}`;

  // A marketing lead joins: the lead contract asks her to sign what is proposed.
  const headers = { origin: accord.url };
  const invitation = (await (await admin.request.post(`${api}/invitations`, { data: { email: 'mia@example.com', role: 'marketing_lead' }, headers })).json()) as { url: string };
  const secret = invitation.url.split('/invite/')[1]!;
  mia = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const accepted = await mia.request.post(`${accord.url}/api/v1/invitations/${secret}/accept`, { data: { password: 'a long password for mia', name: 'Mia Marketing' }, headers });
  expect(accepted.status()).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('notifications, as a person receives them', () => {
  it('shows a new notification on the bell; opening it marks it read and the count drops', async () => {
    const headers = { origin: accord.url };
    await mia.goto(`${accord.url}/w/demo`);
    await mia.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

    const draft = (await (await admin.request.post(`${api}/lead-contract/versions`, { data: { name: 'Stricter fit' }, headers })).json()) as { version: number };
    expect((await admin.request.post(`${api}/lead-contract/versions/${draft.version}/propose`, { headers })).status()).toBe(200);

    await mia.reload();
    const bell = mia.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    expect(await mia.getByTestId('unread-count').textContent()).toBe('1');
    await bell.click();
    const popover = mia.getByRole('dialog', { name: 'Notifications' });
    const item = popover.getByRole('link', { name: new RegExp(`Lead contract v${draft.version} awaits your signature`) });
    await item.waitFor();
    await item.click();

    await mia.waitForURL(new RegExp(`/w/demo/lead-contract/${draft.version}$`));
    await mia.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    const inbox = (await (await mia.request.get(`${api}/notifications`)).json()) as Inbox;
    expect(inbox.unread).toBe(0);
    expect(inbox.items[0]).toMatchObject({ link: `/w/demo/lead-contract/${draft.version}` });
    expect(inbox.items[0]!.readAt).not.toBeNull();

    // The inbox page lists it, read, and the unread filter is empty.
    await mia.goto(`${accord.url}/w/demo/notifications`);
    await mia.getByText(`Lead contract v${draft.version} awaits your signature`).waitFor();
    await mia.getByText('Unread', { exact: true }).click();
    await mia.getByText('No unread notifications. You are all caught up.').waitFor();
  });

  it('turns off email for one event in Settings → Notifications, and the choice survives a reload', async () => {
    await mia.goto(`${accord.url}/w/demo`);
    await mia.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notifications' }).click();
    await mia.waitForURL(/\/settings\/notifications$/);
    const email = mia.getByRole('checkbox', { name: 'Email: A lead contract version awaits signatures' });
    expect(await email.isChecked()).toBe(true);
    await email.uncheck();
    await mia.getByRole('button', { name: 'Save preferences' }).click();
    await mia.getByText('Your notification preferences were saved.').waitFor();

    await mia.reload();
    await mia.getByRole('table', { name: 'Notification preferences' }).waitFor();
    expect(await mia.getByRole('checkbox', { name: 'Email: A lead contract version awaits signatures' }).isChecked()).toBe(false);
    expect(await mia.getByRole('checkbox', { name: 'In the app: A lead contract version awaits signatures' }).isChecked()).toBe(true);
    expect(await mia.getByRole('checkbox', { name: 'Email: An MQL is assigned to me' }).isChecked()).toBe(true);

    const saved = (await (await mia.request.get(`${api}/notification-preferences`)).json()) as Preferences;
    expect(saved.items.find((p) => p.event === 'definition_proposed')).toEqual(expect.objectContaining({ channels: ['in_app'], isDefault: false }));
    // Only the changed event was saved: the others still follow the defaults.
    expect(saved.items.find((p) => p.event === 'mql_assigned')).toEqual(expect.objectContaining({ isDefault: true }));
  });
});
