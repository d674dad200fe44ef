import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { apiTokens } from './tokens.table.ts';

async function createToken(h: Harness, workspaceId: string, cookie: string, permissions: string[]) {
  const response = await h.request({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/tokens`,
    cookie,
    body: { name: 'CRM sync', permissions },
  });
  return response;
}

describeOnEngines('API tokens', (h) => {
  it('shows the secret once, stores only its hash, and works as a bearer token for what it grants', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    const created = await createToken(h, workspace.id, cookie, ['members.read']);
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^acc_/);
    expect(token.prefix).toBe(secret.slice(0, 10));

    const [row] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/tokens`, cookie });
    expect(listed.body).not.toContain(secret);

    const members = await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/members`, token: secret });
    expect(members.statusCode).toBe(200);
    const notGranted = await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, token: secret });
    expect(notGranted.statusCode).toBe(403);
    const personal = await h.request({ method: 'GET', url: '/api/v1/auth/me', token: secret });
    expect(personal.statusCode).toBe(403);
  });

  it('stops working once revoked, and a made-up token is refused', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    const { token, secret } = (await createToken(h, workspace.id, cookie, ['workspace.read'])).json();
    expect((await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, token: secret })).statusCode).toBe(200);
    expect((await h.request({ method: 'DELETE', url: `/api/v1/workspaces/${workspace.id}/tokens/${token.id}`, cookie })).statusCode).toBe(204);
    const revoked = await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, token: secret });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.message).toMatch(/revoked/);
    const madeUp = await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, token: 'acc_madeup' });
    expect(madeUp.statusCode).toBe(401);
  });

  it('cannot grant more than its creator holds, and loses rights its creator loses', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const executive = await buildMember(h.db, workspace.id, 'executive');
    const adminCookie = await signIn(h, admin);
    const { secret } = (await createToken(h, workspace.id, adminCookie, ['audit.read', 'tokens.manage'])).json();

    const unknownPermission = await createToken(h, workspace.id, adminCookie, ['launch.missiles']);
    expect(unknownPermission.statusCode).toBe(400);
    expect(unknownPermission.json().error.details[0].field).toBe('permissions.0');

    const escalate = await h.request({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/tokens`,
      token: secret,
      body: { name: 'more', permissions: ['members.manage'] },
    });
    expect(escalate.statusCode).toBe(403);

    await h.request({ method: 'PATCH', url: `/api/v1/workspaces/${workspace.id}/members/${executive.id}`, cookie: adminCookie, body: { role: 'admin' } });
    await h.request({ method: 'PATCH', url: `/api/v1/workspaces/${workspace.id}/members/${admin.id}`, cookie: adminCookie, body: { role: 'sales_rep' } });
    const afterDemotion = await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/audit`, token: secret });
    expect(afterDemotion.statusCode).toBe(403);
  });

  it('records who used a token in the audit log', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    const { token, secret } = (await createToken(h, workspace.id, cookie, ['invitations.manage', 'audit.read'])).json();
    await h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/invitations`, token: secret, body: { email: 'bot@example.com', role: 'marketing' } });
    const events = (await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/audit?action=invitation.create`, token: secret })).json();
    expect(events.items[0]).toMatchObject({ actorId: admin.id, viaToken: token.id });
  });
});
