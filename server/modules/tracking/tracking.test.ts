import { expect, it } from 'vitest';
import { buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';

async function setup(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  const cookie = await signIn(h, admin);
  const send = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) =>
    h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  const site = (await send('POST', 'tracking-sites', { name: 'www', allowedOrigins: ['https://www.brightwash.example/'] })).json();
  const beacon = (body: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/collect',
      headers: { 'content-type': 'text/plain', origin: 'https://www.brightwash.example', ...headers },
      payload: JSON.stringify(body),
    });
  return { send, site, beacon };
}

const pageView = (site: string, anonymousId = 'visitor-123456') => ({
  site,
  anonymousId,
  events: [{ type: 'page_view', url: 'https://www.brightwash.example/pricing?utm_source=google&utm_medium=cpc' }],
});

describeOnEngines('website tracking', (h) => {
  it('gives a site a public key and the snippet to paste', async () => {
    const { site } = await setup(h);
    expect(site.publicKey).toMatch(/^site_/);
    expect(site.allowedOrigins).toEqual(['https://www.brightwash.example']);
    expect(site.snippet).toBe(`<script src="http://accord.test/t.js" data-site="${site.publicKey}" async></script>`);
    const script = await h.app.inject({ method: 'GET', url: '/t.js' });
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(script.body).toContain('doNotTrack');
  });

  it('records page views, and a form fill identifies the visitor as a lead with their history', async () => {
    const { send, site, beacon } = await setup(h);
    expect((await beacon(pageView(site.publicKey))).statusCode).toBe(204);
    const form = await beacon({
      site: site.publicKey,
      anonymousId: 'visitor-123456',
      events: [{ type: 'form_submit', url: 'https://www.brightwash.example/demo', fields: { Email: ' Eva@Hotel.example ', first_name: 'Eva', company: 'Hotel Aurora', password: 'x' } }],
    });
    expect(form.statusCode).toBe(204);
    const lead = (await send('GET', 'leads?q=eva')).json().items[0];
    expect(lead).toMatchObject({ email: 'eva@hotel.example', name: 'Eva', company: 'Hotel Aurora', source: 'website', stage: 'lead' });
    const timeline = (await send('GET', `leads/${lead.id}`)).json().timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'touchpoint').map((e: { type: string }) => e.type).sort()).toEqual(['form_submit', 'page_view']);
    expect(JSON.stringify(timeline)).not.toContain('password');
  });

  it('ignores a browser that asks not to be tracked, and refuses other origins, bad keys and bad bodies', async () => {
    const { send, site, beacon } = await setup(h);
    expect((await beacon(pageView(site.publicKey, 'private-browser'), { dnt: '1' })).statusCode).toBe(204);
    expect((await beacon(pageView(site.publicKey), { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await beacon(pageView('site_doesnotexist'))).statusCode).toBe(404);
    const garbage = await h.app.inject({ method: 'POST', url: '/api/v1/collect', headers: { 'content-type': 'text/plain' }, payload: 'not json' });
    expect(garbage.statusCode).toBe(400);
    const tooMany = { ...pageView(site.publicKey), events: Array.from({ length: 21 }, () => ({ type: 'page_view', url: '/' })) };
    expect((await beacon(tooMany)).statusCode).toBe(400);
    await send('DELETE', `tracking-sites/${site.id}`);
    expect((await beacon(pageView(site.publicKey))).statusCode).toBe(404);
    const visitors = await h.db.execute("select count(*)::int as n from visitors where anonymous_id = 'private-browser'");
    expect(JSON.stringify(visitors)).toContain('"n":0');
  });
});
