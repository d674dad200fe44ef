import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startAccord, type RunningAccord } from './support.ts';

const PASSWORD = 'a long admin password';
let accord: RunningAccord;
let browser: Browser;
let admin: Page;

async function api(page: Page, path: string) {
  const response = await page.request.get(`${accord.url}${path}`);
  return { status: response.status(), body: response.ok() ? await response.json() : null };
}

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchBrowser();
  admin = await (await browser.newContext()).newPage();
});

afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('a new admin, as they would click it', () => {
  it('opens the first-start link, sets a password and lands in the Demo workspace', async () => {
    await admin.goto(accord.signInLink);
    await admin.getByLabel('Your name (optional)').fill('Olivia Owner');
    await admin.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await admin.getByLabel('Confirm password').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Set password and continue' }).click();
    await admin.waitForURL(/\/w\/demo/);
    await admin.getByRole('heading', { name: /Demo/ }).first().waitFor();
    await admin.screenshot({ path: 'e2e/screenshots/home.png' });
  });

  it('creates an API token in the page, and the token works over the API for what it grants', async () => {
    await admin.goto(`${accord.url}/w/demo/settings/tokens`);
    await admin.getByLabel('Token name').fill('CRM sync');
    await admin.getByLabel('See members').check();
    await admin.getByRole('button', { name: 'Create token' }).click();
    const secret = (await admin.getByTestId('token-secret').textContent())!.trim();
    expect(secret).toMatch(/^acc_/);
    const me = await api(admin, '/api/v1/auth/me');
    const workspaceId = me.body.workspaces[0].id as string;
    const members = await fetch(`${accord.url}/api/v1/workspaces/${workspaceId}/members`, { headers: { authorization: `Bearer ${secret}` } });
    expect(members.status).toBe(200);
    expect(((await members.json()) as { items: { name: string }[] }).items.map((m) => m.name)).toContain('Olivia Owner');
    const notGranted = await fetch(`${accord.url}/api/v1/workspaces/${workspaceId}/audit`, { headers: { authorization: `Bearer ${secret}` } });
    expect(notGranted.status).toBe(403);
  });

  it('invites a colleague whose name is script, which shows as plain text and never runs', async () => {
    await admin.goto(`${accord.url}/w/demo/settings/invitations`);
    await admin.getByLabel('Email').fill('mallory@example.com');
    await admin.getByRole('button', { name: 'Invite' }).click();
    const link = (await admin.getByTestId('invitation-url').textContent())!.trim();

    const guest = await (await browser.newContext()).newPage();
    const dialogs: string[] = [];
    guest.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    admin.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await guest.goto(link);
    await guest.getByLabel('Your name').fill('<script>alert(1)</script><img src=x onerror=alert(2)>');
    await guest.getByLabel('Password', { exact: true }).fill('mallory password 1');
    await guest.getByLabel('Confirm password').fill('mallory password 1');
    await guest.getByRole('button', { name: 'Accept invitation' }).click();
    await guest.waitForURL(/\/w\/demo/);

    await admin.goto(`${accord.url}/w/demo/settings/members`);
    await admin.getByText('<script>alert(1)</script><img src=x onerror=alert(2)>').first().waitFor();
    expect(await admin.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('signs out, after which the API no longer knows them, and a wrong password gets one plain message', async () => {
    await admin.getByRole('button', { name: /Account menu for/ }).click();
    await admin.getByRole('menuitem', { name: 'Sign out' }).click();
    await admin.waitForURL(/\/sign-in/);
    expect((await api(admin, '/api/v1/auth/me')).status).toBe(401);

    await admin.getByLabel('Email').fill('owner@example.com');
    await admin.getByLabel('Password').fill('not the password');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText('Email or password is incorrect.').waitFor();
  });
});
