import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { fillDemoWorkspace } from './demo/demo.service.ts';
import { linkUrl } from './http/routes.ts';
import { rescoreWorkspace } from './modules/contract/scoring.service.ts';
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

/**
 * Scores the demo's leads by its signed contract, once the server is up: a few seconds of work
 * that the first page need not wait for.
 */
export function scoreDemoInBackground(db: Db, firstStart: FirstStart, log: FastifyBaseLogger): void {
  rescoreWorkspace({ db, actor: { kind: 'system', name: 'first start' }, workspaceId: firstStart.demoWorkspaceId, now: new Date() })
    .then((outcome) => log.info(outcome, 'scored the demo leads'))
    .catch((error: unknown) => log.error({ err: error }, 'scoring the demo leads failed; run `accord rescore --workspace demo`'));
}
