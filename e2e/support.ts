import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startAndWait, stopProcess } from '../server/testing/processes.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type RunningAccord = { url: string; signInLink: string; stop: () => Promise<void> };

/** Starts `accord serve` as a user would, on a fresh embedded data folder, and reads the first-start link it prints. */
export async function startAccord(): Promise<RunningAccord> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startAndWait([process.execPath, 'bin/accord.js', '--data', dataDir, 'serve'], {
    cwd: ROOT,
    env: { PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'warn', ADMIN_EMAIL: 'owner@example.com' },
    url: `${url}/api/health`,
  });
  const link = /(http:\/\/\S+\/link\/[\w-]+)/.exec(server.output());
  if (!link) throw new Error(`no sign-in link printed:\n${server.output()}`);
  return {
    url,
    signInLink: link[1]!,
    stop: async () => {
      await stopProcess(server.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * The first admin sets their password from the first-start link and lands in the Demo workspace;
 * returns their page and the workspace's id.
 */
export async function signInFirstAdmin(browser: Browser, accord: RunningAccord, viewport?: { width: number; height: number }): Promise<{ page: Page; workspaceId: string }> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await page.goto(accord.signInLink);
  await page.getByLabel('Password', { exact: true }).fill('a long admin password');
  await page.getByLabel('Confirm password').fill('a long admin password');
  await page.getByRole('button', { name: 'Set password and continue' }).click();
  await page.waitForURL(/\/w\/demo/);
  const me = (await (await page.request.get(`${accord.url}/api/v1/auth/me`)).json()) as { workspaces: { id: string }[] };
  return { page, workspaceId: me.workspaces[0]!.id };
}

export type Colleague = { email: string; role: string; name: string };

/** A colleague invited by the admin with a role, who accepts in their own browser and lands in the Demo workspace. */
export async function inviteColleague(
  browser: Browser,
  accord: RunningAccord,
  admin: { page: Page; workspaceId: string },
  colleague: Colleague,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const { email, role, name } = colleague;
  const response = await admin.page.request.post(`${accord.url}/api/v1/workspaces/${admin.workspaceId}/invitations`, { data: { email, role }, headers: { origin: accord.url } });
  if (response.status() !== 201) throw new Error(`inviting ${email}: ${response.status()} ${await response.text()}`);
  const { url } = (await response.json()) as { url: string };
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(`${role} password 1`);
  await page.getByLabel('Confirm password').fill(`${role} password 1`);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await page.waitForURL(/\/w\/demo/);
  return page;
}
