import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { bootstrapFirstStart } from './bootstrap.ts';
import { findUserByEmail } from './modules/identity/identity.service.ts';
import { findWorkspaceBySlug } from './modules/workspaces/workspaces.service.ts';
import { describeOnEngines } from './testing/harness.ts';

describeOnEngines('first start', (h) => {
  it('creates the admin and the Demo workspace with the demo company once, with a one-time sign-in link', async () => {
    const first = await bootstrapFirstStart(h.db, h.config, new Date());
    const link = first?.signInLink;
    expect(link).toMatch(/^http:\/\/accord\.test\/link\/[\w-]+$/);
    const admin = await findUserByEmail(h.db, h.config.adminEmail);
    expect(admin).not.toBeNull();
    const demo = await findWorkspaceBySlug(h.db, 'demo');
    expect(demo).toMatchObject({ name: 'Demo', id: first!.demoWorkspaceId });
    const leads = await h.db.execute(sql`select count(*)::int as n from leads where workspace_id = ${demo!.id}`);
    expect(JSON.stringify(leads)).toContain(`"n":${h.config.demoLeads}`);

    const info = await h.request({ method: 'GET', url: `/api/v1/auth/links/${link!.split('/link/')[1]}` });
    expect(info.json()).toMatchObject({ purpose: 'sign_in', email: h.config.adminEmail });
    expect(await bootstrapFirstStart(h.db, h.config, new Date())).toBeNull();
  });
});
