import { expect, it } from 'vitest';
import { ACTIONS } from '../../core/permissions.ts';
import { buildWorkspace, signIn } from '../testing/factories.ts';
import { describeOnEngines, type Harness } from '../testing/harness.ts';

/** A valid body for every route that takes one, so the request reaches the authorization step. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/v1/auth/sign-in': { email: 'nobody@example.com', password: 'whatever' },
  'POST /api/v1/auth/links/{secret}': { password: 'long enough password' },
  'POST /api/v1/invitations/{secret}/accept': { password: 'long enough password' },
  'POST /api/v1/workspaces': { name: 'Mine', slug: 'mine-too' },
  'PATCH /api/v1/workspaces/{workspaceId}': { name: 'Taken over' },
  'PATCH /api/v1/workspaces/{workspaceId}/members/{userId}': { role: 'sales_rep' },
  'POST /api/v1/workspaces/{workspaceId}/invitations': { email: 'spy@example.com', role: 'admin' },
  'POST /api/v1/workspaces/{workspaceId}/tokens': { name: 'spy', permissions: ['members.read'] },
};

type Operation = { method: string; path: string; key: string };

function operations(h: Harness): Operation[] {
  const doc = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}` })),
  );
}

async function snapshot(h: Harness, workspaceId: string, cookie: string) {
  const read = async (suffix: string) => (await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspaceId}${suffix}`, cookie })).json();
  return {
    workspace: await read(''),
    members: await read('/members'),
    invitations: await read('/invitations'),
    tokens: (await read('/tokens')).items.map((t: { id: string; revokedAt: string | null }) => [t.id, t.revokedAt]),
    audit: (await read('/audit?limit=200')).items.length,
  };
}

describeOnEngines('workspace isolation', (h) => {
  it('walks every route with another workspace’s ids and tokens and changes nothing there', async () => {
    const a = await buildWorkspace(h.db);
    const b = await buildWorkspace(h.db);
    const aCookie = await signIn(h, a.admin);
    const bCookie = await signIn(h, b.admin);
    const aToken = (
      await h.request({ method: 'POST', url: `/api/v1/workspaces/${a.workspace.id}/tokens`, cookie: aCookie, body: { name: 'all', permissions: ACTIONS } })
    ).json().secret;
    const bToken = (
      await h.request({ method: 'POST', url: `/api/v1/workspaces/${b.workspace.id}/tokens`, cookie: bCookie, body: { name: 'b', permissions: ['members.read'] } })
    ).json().token;
    const bInvitation = (
      await h.request({ method: 'POST', url: `/api/v1/workspaces/${b.workspace.id}/invitations`, cookie: bCookie, body: { email: 'b-rep@example.com', role: 'sales_rep' } })
    ).json().invitation;
    const before = await snapshot(h, b.workspace.id, bCookie);

    const bIds = { userId: b.admin.id, tokenId: bToken.id, invitationId: bInvitation.id };
    const workspaceRoutes = operations(h).filter((op) => op.path.includes('{workspaceId}'));
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(12);
    const fill = (path: string, workspaceId: string) =>
      path.replace('{workspaceId}', workspaceId).replace(/\{(\w+)\}/g, (_, name: keyof typeof bIds) => bIds[name]);

    for (const op of workspaceRoutes) {
      const body = SAMPLE_BODIES[op.key];
      if (['POST', 'PATCH', 'PUT'].includes(op.method) && !op.path.endsWith('reset-link')) {
        expect(body, `${op.key} needs a sample body in this test`).toBeDefined();
      }
      const attempts = [
        { who: 'A’s session on B’s workspace', cookie: aCookie, url: fill(op.path, b.workspace.id) },
        { who: 'A’s token on B’s workspace', token: aToken, url: fill(op.path, b.workspace.id) },
      ];
      if (/\{(userId|tokenId|invitationId)\}/.test(op.path)) {
        attempts.push({ who: 'A’s session on A’s workspace with B’s ids', cookie: aCookie, url: fill(op.path, a.workspace.id) });
      }
      for (const attempt of attempts) {
        const response = await h.request({ method: op.method as 'GET', url: attempt.url, cookie: attempt.cookie, token: attempt.token, body });
        expect(response.statusCode, `${op.key} as ${attempt.who}: ${response.body}`).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
    }
    expect(await snapshot(h, b.workspace.id, bCookie)).toEqual(before);
  });

  it('asks for sign-in on every route that is not public', async () => {
    const publicRoutes = ['POST /api/v1/auth/sign-in', 'POST /api/v1/auth/sign-out'];
    for (const op of operations(h)) {
      if (publicRoutes.includes(op.key) || op.path.includes('{secret}')) continue;
      const url = op.path.replace(/\{workspaceId\}|\{userId\}|\{tokenId\}|\{invitationId\}/g, crypto.randomUUID());
      const response = await h.request({ method: op.method as 'GET', url, body: SAMPLE_BODIES[op.key] });
      expect(response.statusCode, `${op.key}: ${response.body}`).toBe(401);
    }
  });
});
