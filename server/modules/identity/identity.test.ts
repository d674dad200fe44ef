import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../testing/harness.ts';
import { buildUser, buildWorkspace, signIn } from '../../testing/factories.ts';
import { createOneTimeLink } from './identity.service.ts';
import { users } from './identity.table.ts';

describeOnEngines('sign-in and sessions', (h) => {
  it('signs in with the right password, knows who you are, and signs out', async () => {
    const { admin, workspace } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    const me = await h.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: admin.email }, workspaces: [{ id: workspace.id, role: 'admin' }] });

    const out = await h.request({ method: 'POST', url: '/api/v1/auth/sign-out', cookie });
    expect(out.statusCode).toBe(204);
    expect((await h.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });

  it('sets the session cookie httpOnly and SameSite=Lax, and stores only its hash', async () => {
    const user = await buildUser(h.db);
    const response = await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: user.email, password: user.password } });
    const cookie = response.cookies.find((c) => c.name === 'accord_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const dump = JSON.stringify(await h.db.execute('select * from sessions'));
    expect(dump).not.toContain(cookie.value);
  });

  it('gives one message for a wrong password and an unknown email', async () => {
    const user = await buildUser(h.db);
    const wrongPassword = await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: user.email, password: 'nope nope nope' } });
    const unknownEmail = await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: 'nobody@example.com', password: 'nope nope nope' } });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json().error.message).toBe('Email or password is incorrect.');
  });

  it('refuses an email after five failures, even with the right password, then lets it in again later', async () => {
    const user = await buildUser(h.db);
    for (let i = 0; i < 5; i++) {
      await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: user.email, password: `wrong ${i}` } });
    }
    const blocked = await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: user.email, password: user.password } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    h.now = new Date(Date.now() + 16 * 60_000);
    try {
      expect((await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: user.email, password: user.password } })).statusCode).toBe(200);
    } finally {
      h.now = null;
    }
  });

  it('tells an expired session to sign in again', async () => {
    const user = await buildUser(h.db);
    const cookie = await signIn(h, user);
    h.now = new Date(Date.now() + (h.config.sessionDays + 1) * 86_400_000);
    try {
      const response = await h.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toMatch(/expired/);
    } finally {
      h.now = null;
    }
  });

  it('refuses a change from another origin, and one with no origin', async () => {
    const { admin, workspace } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    const body = { name: 'Hijacked' };
    const url = `/api/v1/workspaces/${workspace.id}`;
    const crossSite = await h.request({ method: 'PATCH', url, cookie, body, headers: { origin: 'https://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
    const noOrigin = await h.app.inject({ method: 'PATCH', url, headers: { cookie }, payload: body });
    expect(noOrigin.statusCode).toBe(403);
    const after = await h.request({ method: 'GET', url, cookie });
    expect(after.json().name).toBe(workspace.name);
  });

  it('uses a one-time link once: sets the password, signs in, then the link is dead', async () => {
    const user = await buildUser(h.db);
    const { secret } = await createOneTimeLink(h.db, { userId: user.id, purpose: 'reset_password', now: new Date() });
    const info = await h.request({ method: 'GET', url: `/api/v1/auth/links/${secret}` });
    expect(info.json()).toMatchObject({ purpose: 'reset_password', email: user.email });

    const tooShort = await h.request({ method: 'POST', url: `/api/v1/auth/links/${secret}`, body: { password: 'short' } });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details).toEqual([{ field: 'password', message: 'must be at least 10 characters' }]);

    const used = await h.request({ method: 'POST', url: `/api/v1/auth/links/${secret}`, body: { password: 'a brand new secret' } });
    expect(used.statusCode).toBe(200);
    expect(used.cookies.some((c) => c.name === 'accord_session')).toBe(true);
    expect((await h.request({ method: 'POST', url: `/api/v1/auth/links/${secret}`, body: { password: 'another new secret' } })).statusCode).toBe(404);
    await signIn(h, { email: user.email, password: 'a brand new secret' });
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describeOnEngines('HTTP hygiene', (h) => {
  it('answers malformed JSON with the one error body', async () => {
    const response = await h.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });

  it('refuses a 10 MB body with 413 before reading it', async () => {
    const response = await h.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      body: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(10 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('names the field and the problem for invalid input', async () => {
    const response = await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: 'not-an-email', password: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'email', message: 'must be a valid email address' }] });
  });

  it('sends security headers', async () => {
    const response = await h.request({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves an OpenAPI 3.1 document and a docs page', async () => {
    const doc = (await h.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/workspaces/{workspaceId}/tokens'].post).toBeDefined();
    expect((await h.request({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });
});

describeOnEngines(
  'sign-in rate limit per address',
  (h) => {
    it('slows down a flood of sign-ins from one address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: `x${i}@example.com`, password: 'whatever' } });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  },
  { SIGN_IN_RATE_PER_MINUTE: '3' },
);

