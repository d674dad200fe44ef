import { expect, it } from 'vitest';
import { buildMember, buildUser, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines } from '../../testing/harness.ts';
import { addMember } from './workspaces.service.ts';

describeOnEngines('workspaces, members and invitations', (h) => {
  it('creates a workspace with its creator as admin and refuses a taken slug', async () => {
    const user = await buildUser(h.db);
    const cookie = await signIn(h, user);
    const created = await h.request({ method: 'POST', url: '/api/v1/workspaces', cookie, body: { name: 'Acme', slug: 'acme-corp' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Acme', slug: 'acme-corp', timeZone: 'UTC' });
    const list = await h.request({ method: 'GET', url: '/api/v1/workspaces', cookie });
    expect(list.json().items).toEqual([expect.objectContaining({ slug: 'acme-corp', role: 'admin' })]);
    const again = await h.request({ method: 'POST', url: '/api/v1/workspaces', cookie, body: { name: 'Acme 2', slug: 'acme-corp' } });
    expect(again.statusCode).toBe(409);
    const bad = await h.request({ method: 'POST', url: '/api/v1/workspaces', cookie, body: { name: 'X', slug: '-Bad Slug', timeZone: 'Mars/Olympus' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['slug', 'timeZone']);
  });

  it('lets an admin change roles but never remove the last admin', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const rep = await buildMember(h.db, workspace.id, 'sales_rep');
    const cookie = await signIn(h, admin);
    const base = `/api/v1/workspaces/${workspace.id}/members`;
    const promoted = await h.request({ method: 'PATCH', url: `${base}/${rep.id}`, cookie, body: { role: 'sales_manager' } });
    expect(promoted.json()).toMatchObject({ userId: rep.id, role: 'sales_manager' });
    const demoteSelf = await h.request({ method: 'PATCH', url: `${base}/${admin.id}`, cookie, body: { role: 'marketing' } });
    expect(demoteSelf.statusCode).toBe(409);
    expect((await h.request({ method: 'DELETE', url: `${base}/${admin.id}`, cookie })).statusCode).toBe(409);
    const badRole = await h.request({ method: 'PATCH', url: `${base}/${rep.id}`, cookie, body: { role: 'king' } });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.details[0].field).toBe('role');
    expect((await h.request({ method: 'DELETE', url: `${base}/${rep.id}`, cookie })).statusCode).toBe(204);
    const members = await h.request({ method: 'GET', url: base, cookie });
    expect(members.json().items.map((m: { userId: string }) => m.userId)).toEqual([admin.id]);
  });

  it('keeps a sales rep out of admin actions', async () => {
    const { workspace } = await buildWorkspace(h.db);
    const rep = await buildMember(h.db, workspace.id, 'sales_rep');
    const cookie = await signIn(h, rep);
    const members = await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/members`, cookie });
    expect(members.statusCode).toBe(200);
    const invite = await h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/invitations`, cookie, body: { email: 'x@example.com', role: 'admin' } });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().error.message).toContain('invitations.manage');
  });

  it('invites a new person who joins with the role and is signed in; the link works once', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    const created = await h.request({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/invitations`,
      cookie,
      body: { email: 'New.Rep@Example.com', role: 'sales_rep' },
    });
    expect(created.statusCode).toBe(201);
    const secret = created.json().url.split('/invite/')[1];
    const info = await h.request({ method: 'GET', url: `/api/v1/invitations/${secret}` });
    expect(info.json()).toEqual({ workspaceName: workspace.name, email: 'new.rep@example.com', role: 'sales_rep', hasAccount: false });
    const accepted = await h.request({ method: 'POST', url: `/api/v1/invitations/${secret}/accept`, body: { name: 'Nina Rep', password: 'nina is selling' } });
    expect(accepted.statusCode).toBe(200);
    const session = accepted.cookies.find((c) => c.name === 'accord_session')!;
    const me = await h.request({ method: 'GET', url: '/api/v1/auth/me', cookie: `accord_session=${session.value}` });
    expect(me.json().workspaces).toEqual([expect.objectContaining({ id: workspace.id, role: 'sales_rep' })]);
    const twice = await h.request({ method: 'POST', url: `/api/v1/invitations/${secret}/accept`, body: { name: 'Mallory', password: 'mallory wants in' } });
    expect(twice.statusCode).toBe(404);
  });

  it('asks a person who already has an account for their password, and stops a revoked invitation', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const existing = await buildUser(h.db);
    const cookie = await signIn(h, admin);
    const url = `/api/v1/workspaces/${workspace.id}/invitations`;
    const first = (await h.request({ method: 'POST', url, cookie, body: { email: existing.email, role: 'marketing' } })).json();
    const secret = first.url.split('/invite/')[1];
    const wrong = await h.request({ method: 'POST', url: `/api/v1/invitations/${secret}/accept`, body: { password: 'not my password' } });
    expect(wrong.statusCode).toBe(401);
    const right = await h.request({ method: 'POST', url: `/api/v1/invitations/${secret}/accept`, body: { password: existing.password } });
    expect(right.statusCode).toBe(200);

    const second = (await h.request({ method: 'POST', url, cookie, body: { email: 'someone@example.com', role: 'finance' } })).json();
    expect((await h.request({ method: 'DELETE', url: `${url}/${second.invitation.id}`, cookie })).statusCode).toBe(204);
    const revoked = await h.request({ method: 'GET', url: `/api/v1/invitations/${second.url.split('/invite/')[1]}` });
    expect(revoked.statusCode).toBe(404);
  });

  it('lets an admin reset a member password by link, unless the member belongs to a workspace they do not run', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const rep = await buildMember(h.db, workspace.id, 'sales_rep');
    const cookie = await signIn(h, admin);
    const link = await h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/members/${rep.id}/reset-link`, cookie });
    expect(link.statusCode).toBe(201);
    const secret = link.json().url.split('/link/')[1];
    expect((await h.request({ method: 'POST', url: `/api/v1/auth/links/${secret}`, body: { password: 'reset by my admin' } })).statusCode).toBe(200);
    await signIn(h, { email: rep.email, password: 'reset by my admin' });

    const other = await buildWorkspace(h.db);
    const shared = await buildMember(h.db, workspace.id, 'marketing');
    await addMember(h.db, { workspaceId: other.workspace.id, userId: shared.id, role: 'admin', now: new Date() });
    const refused = await h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/members/${shared.id}/reset-link`, cookie });
    expect(refused.statusCode).toBe(403);
  });

  it('records every change in the audit log with before and after, filterable and paginated', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    await h.request({ method: 'PATCH', url: `/api/v1/workspaces/${workspace.id}`, cookie, body: { name: 'Renamed Co' } });
    for (let i = 0; i < 3; i++) {
      await h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/invitations`, cookie, body: { email: `p${i}@example.com`, role: 'marketing' } });
    }
    const audit = `/api/v1/workspaces/${workspace.id}/audit`;
    const update = (await h.request({ method: 'GET', url: `${audit}?action=workspace.update`, cookie })).json();
    expect(update.items).toHaveLength(1);
    expect(update.items[0]).toMatchObject({
      actorId: admin.id,
      actorName: admin.name,
      entityType: 'workspace',
      before: expect.objectContaining({ name: workspace.name }),
      after: expect.objectContaining({ name: 'Renamed Co' }),
    });
    const invitationEvent = (await h.request({ method: 'GET', url: `${audit}?action=invitation.create&limit=1`, cookie })).json();
    expect(JSON.stringify(invitationEvent)).not.toMatch(/token_?hash/i);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `${audit}?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await h.request({ method: 'GET', url: query, cookie })).json();
      seen.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const badCursor = await h.request({ method: 'GET', url: `${audit}?cursor=garbage`, cookie });
    expect(badCursor.statusCode).toBe(400);
  });
});
