import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { fillDemoWorkspace } from './demo/demo.service.ts';
import { linkUrl } from './http/routes.ts';
import { createOneTimeLink, createUser } from './modules/identity/identity.service.ts';
import { users } from './modules/identity/identity.table.ts';
import { createWorkspace } from './modules/workspaces/workspaces.service.ts';

export type FirstStart = { signInLink: string; demoWorkspaceId: string };

/**
 * On the very first start (no users yet): creates the admin and the Demo workspace filled
 * with the demo company (DEMO_LEADS leads), and returns the one-time sign-in link to print.
 * Later starts return null.
 */
export async function bootstrapFirstStart(db: Db, config: Config, now: Date): Promise<FirstStart | null> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (Number(count) > 0) return null;
  const admin = await createUser(db, { email: config.adminEmail, name: 'Admin', now });
  const demo = await createWorkspace(db, { name: 'Demo', slug: 'demo', timeZone: 'UTC', ownerId: admin.id, now });
  if (config.demoLeads > 0) await fillDemoWorkspace(db, demo.id, config.demoLeads, now);
  const link = await createOneTimeLink(db, { userId: admin.id, purpose: 'sign_in', now });
  return { signInLink: linkUrl(config, 'link', link.secret), demoWorkspaceId: demo.id };
}
