import { expect, it } from 'vitest';
import { buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';

async function setup(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  const cookie = await signIn(h, admin);
  const send = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) =>
    h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  return { workspace, send };
}

/** Moves a lead at a given moment, as a person would have then. */
async function moveAt(h: Harness, send: Awaited<ReturnType<typeof setup>>['send'], leadId: string, stage: string, at: string) {
  h.now = new Date(at);
  try {
    const response = await send('POST', `leads/${leadId}/stage`, { stage, reason: 'test' });
    expect(response.statusCode).toBe(200);
  } finally {
    h.now = null;
  }
}

describeOnEngines('leads list', (h) => {
  it('searches by prefix, filters, sorts and pages without gaps or repeats', async () => {
    const { send } = await setup(h);
    for (let i = 0; i < 12; i++) {
      await send('POST', 'leads', {
        email: `${i % 2 ? 'maria' : 'jonas'}${i}@example.com`,
        lastName: i % 3 ? 'Berg' : 'Okafor',
        company: i < 6 ? 'Hotel Aurora' : 'Clinic 100%',
        source: i % 2 ? 'webinar' : 'paid_social',
        stage: i < 4 ? 'mql' : 'lead',
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      });
    }
    const q = async (query: string) => (await send('GET', `leads?${query}`)).json();
    expect((await q('q=MAR')).items).toHaveLength(6);
    expect((await q('q=okafor')).items).toHaveLength(4);
    expect((await q('q=clinic%20100%25')).items).toHaveLength(6);
    expect((await q('q=%25')).items).toHaveLength(0);
    expect((await q('stage=mql&source=webinar')).items.map((l: { email: string }) => l.email)).toEqual(['maria3@example.com', 'maria1@example.com']);
    expect((await q('sort=oldest&limit=1')).items[0].email).toBe('jonas0@example.com');
    expect((await q('createdFrom=2026-01-03&createdTo=2026-01-04')).items).toHaveLength(2);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await q(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const bad = await send('GET', 'leads?stage=hot&sort=sideways');
    expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['sort', 'stage']);
  });

  it('saves views per person', async () => {
    const { send } = await setup(h);
    const view = await send('POST', 'saved-views', { name: 'Webinar MQLs', filter: { stage: 'mql', source: 'webinar' } });
    expect(view.statusCode).toBe(201);
    expect((await send('GET', 'saved-views')).json().items).toEqual([{ id: view.json().id, name: 'Webinar MQLs', filter: { stage: 'mql', source: 'webinar', sort: 'newest' } }]);
    expect((await send('DELETE', `saved-views/${view.json().id}`)).statusCode).toBe(204);
    expect((await send('GET', 'saved-views')).json().items).toEqual([]);
  });
});

describeOnEngines('funnel report', (h) => {
  it('counts stages reached per source and cohort, with conversion and velocity', async () => {
    const { send } = await setup(h);
    const lead = async (source: string, createdAt: string) => (await send('POST', 'leads', { email: `${Math.random()}@example.com`, source, createdAt })).json().id as string;
    const web1 = await lead('webinar', '2026-01-05T09:00:00Z');
    const web2 = await lead('webinar', '2026-01-20T09:00:00Z');
    const web3 = await lead('webinar', '2026-02-03T09:00:00Z');
    const ads1 = await lead('paid_social', '2026-01-06T09:00:00Z');
    await lead('paid_social', '2026-02-07T09:00:00Z');
    await moveAt(h, send, web1, 'mql', '2026-01-07T09:00:00Z');
    await moveAt(h, send, web1, 'sql', '2026-01-11T09:00:00Z');
    await moveAt(h, send, web1, 'customer', '2026-03-01T09:00:00Z');
    await moveAt(h, send, web2, 'mql', '2026-01-21T09:00:00Z');
    await moveAt(h, send, web3, 'mql', '2026-02-13T09:00:00Z');
    await moveAt(h, send, ads1, 'mql', '2026-01-06T10:00:00Z');
    await moveAt(h, send, ads1, 'disqualified', '2026-01-08T10:00:00Z');

    const report = (await send('GET', 'funnel?by=source&from=2026-01-01&to=2026-03-01&windowDays=365')).json();
    const webinar = report.groups.find((g: { group: string }) => g.group === 'webinar');
    expect(webinar.reached).toEqual({ visitor: 3, lead: 3, mql: 3, sal: 1, sql: 1, opportunity: 1, customer: 1 });
    expect(webinar.leadToCustomer).toBeCloseTo(1 / 3);
    const ads = report.groups.find((g: { group: string }) => g.group === 'paid_social');
    expect(ads.reached).toMatchObject({ lead: 2, mql: 1, sal: 0, customer: 0 });
    expect(report.total.reached.mql).toBe(4);
    expect(report.cohorts.map((c: { cohort: string; reached: { lead: number } }) => [c.cohort, c.reached.lead])).toEqual([['2026-01', 3], ['2026-02', 2]]);

    const leadToMql = report.velocity.find((v: { group: string; from: string }) => v.group === 'webinar' && v.from === 'lead');
    expect(leadToMql).toMatchObject({ count: 3, medianDays: 2, p90Days: 10 });
    expect(report.period.entered).toMatchObject({ lead: 5, mql: 4, sql: 1, customer: 0 });

    const shortWindow = (await send('GET', 'funnel?by=source&from=2026-01-01&to=2026-03-01&windowDays=30')).json();
    expect(shortWindow.groups.find((g: { group: string }) => g.group === 'webinar').reached.customer).toBe(0);
    expect(JSON.stringify(report)).not.toContain('NaN');
  });

  it('reports a deal won before its lead’s first touch instead of failing', async () => {
    const { send } = await setup(h);
    const id = (await send('POST', 'leads', { externalId: 'early', email: 'early@example.com', createdAt: '2026-01-01T09:00:00Z' })).json().id;
    await send('POST', 'touchpoints/batch', { touchpoints: [{ leadId: id, type: 'page_view', occurredAt: '2026-01-10T09:00:00Z' }] });
    await send('POST', 'deals', { name: 'Too early', leadId: id, amountMinor: 100, status: 'won', createdAt: '2026-01-02T09:00:00Z', closedAt: '2026-01-08T09:00:00Z' });
    await send('POST', 'touchpoints/batch', { touchpoints: [{ anonymousId: 'just-browsing', type: 'page_view', occurredAt: '2026-01-12T09:00:00Z' }] });
    const report = (await send('GET', 'funnel?from=2026-01-01&to=2026-02-01')).json();
    expect(report.dataQuality).toMatchObject({ wonBeforeFirstTouch: 1 });
    expect(report.total.reached).toMatchObject({ visitor: 2, lead: 1 });
    expect(report.groups[0].reached.visitor).toBe(1);
    const midMonth = (await send('GET', 'funnel?from=2026-01-15&to=2026-01-20')).json();
    expect(midMonth).toMatchObject({ from: '2026-01-01', to: '2026-02-01', total: { reached: { lead: 1 } } });
    const empty = (await send('GET', 'funnel?from=2020-01-01&to=2020-02-01')).json();
    expect(empty.total.reached.lead).toBe(0);
    expect(empty.total.leadToCustomer).toBeNull();
  });
});

describeOnEngines('CSV export', (h) => {
  it('exports the filtered leads and all deals, with no cell a spreadsheet would run', async () => {
    const { send } = await setup(h);
    await send('POST', 'leads', { email: 'safe@example.com', firstName: '=HYPERLINK("http://evil.example")', company: '+cmd', source: 'webinar' });
    await send('POST', 'leads', { email: 'other@example.com', lastName: 'Plain, "Quoted"', source: 'ads' });
    await send('POST', 'deals', { name: '@SUM(A1)', amountMinor: 123_45, listAmountMinor: 150_00, currency: 'eur' });
    const leadsCsv = await send('GET', 'leads/export.csv?source=webinar');
    expect(leadsCsv.headers['content-type']).toContain('text/csv');
    expect(leadsCsv.headers['content-disposition']).toMatch(/attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = leadsCsv.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[1]).toContain(",'+cmd,");
    const all = (await send('GET', 'leads/export.csv')).body;
    expect(all).toContain('"Plain, ""Quoted"""');
    const dealsCsv = (await send('GET', 'deals/export.csv')).body.split('\r\n');
    expect(dealsCsv[1]).toContain(",'@SUM(A1),");
    expect(dealsCsv[1]).toContain(',123.45,150,0.177,EUR,open,');
  });
});
