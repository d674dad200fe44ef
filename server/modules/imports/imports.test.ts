import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { parseCsv } from '../../../core/csv/parse.ts';
import { rejectedRowsCsv } from '../../../core/csv/rejected.ts';
import { buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';

const OLIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/olist');
const MQL = fs.readFileSync(path.join(OLIST, 'olist_marketing_qualified_leads_dataset.csv'));
const DEALS = fs.readFileSync(path.join(OLIST, 'olist_closed_deals_dataset.csv'));

async function setup(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  const cookie = await signIn(h, admin);
  const upload = (query: string, body: Buffer | string) =>
    h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/imports?${query}`, cookie, body, headers: { 'content-type': 'text/csv' } });
  const get = async (p: string) => (await h.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}/${p}`, cookie })).json();
  return { upload, get };
}

describeOnEngines('CSV import', (h) => {
  it('imports both Olist files, links deals to their leads, and a second import changes nothing', async () => {
    const { upload, get } = await setup(h);
    const refusedFirst = (await upload('preset=olist-deals', DEALS)).json();
    expect(refusedFirst).toMatchObject({ isCommitted: false, errorCount: 842 });
    expect(refusedFirst.errors[0]).toMatchObject({ line: 2, field: 'leadExternalId' });
    expect((await get('deals')).items).toEqual([]);

    const leads = (await upload('preset=olist-mql', MQL)).json();
    expect(leads).toMatchObject({ isCommitted: true, rowCount: 8000, errorCount: 0, counts: { lead: { created: 8000, updated: 0, unchanged: 0 } } });
    const deals = (await upload('preset=olist-deals', DEALS)).json();
    expect(deals).toMatchObject({ isCommitted: true, errorCount: 0, counts: { account: { created: 842 }, deal: { created: 842 } } });

    const again = (await upload('preset=olist-mql', MQL)).json();
    expect(again.counts.lead).toEqual({ created: 0, updated: 0, unchanged: 8000 });
    const customers = await get('leads?stage=customer&limit=200');
    expect(customers.items).toHaveLength(200);
    expect(customers.nextCursor).not.toBeNull();

    const funnel = await get('funnel?by=channel&from=2017-01-01&to=2018-12-31&windowDays=730');
    expect(funnel.total.reached).toMatchObject({ lead: 8000, mql: 8000, customer: 842 });
    expect(funnel.dataQuality.stageBeforeCreation).toBe(1);
    expect(funnel.groups.find((g: { group: string }) => g.group === 'organic').reached.lead).toBe(2296);
  });

  it('refuses a file with one bad row entirely, or imports the rest when asked, naming every bad row', async () => {
    const { upload, get } = await setup(h);
    const csv = 'mql_id,first_contact_date,landing_page_id,origin\nA1,01-02-2018,p1,organic_search\nA2,31-02-2018,p2,paid_search\nA3,03-02-2018,p3,social\n';
    const refused = (await upload('preset=olist-mql', csv)).json();
    expect(refused).toMatchObject({ isCommitted: false, errorCount: 1, rejectedLines: [3] });
    expect(refused.errors[0]).toMatchObject({ line: 3, field: 'first_contact_date', value: '31-02-2018' });
    expect((await get('leads')).items).toEqual([]);

    const preview = (await upload('preset=olist-mql&mode=valid_only&dryRun=true', csv)).json();
    expect(preview).toMatchObject({ isDryRun: true, isCommitted: false, counts: { lead: { created: 2 } } });
    expect((await get('leads')).items).toEqual([]);

    const partial = (await upload('preset=olist-mql&mode=valid_only', csv)).json();
    expect(partial).toMatchObject({ isCommitted: true, counts: { lead: { created: 2 } }, rejectedLines: [3] });
    const parsed = parseCsv(csv);
    expect(rejectedRowsCsv(parsed.header, parsed.rows, partial.errors)).toContain('A2,31-02-2018,p2,paid_search,"first_contact_date: must be');
  });

  it('reads a Windows-1252 Salesforce export with a BOM-less header and says what is missing in a wrong file', async () => {
    const { upload, get } = await setup(h);
    const header = 'Lead ID,First Name,Last Name,Title,Company,Email,Phone,Country,Lead Source,Lead Status,Created Date\n';
    const row = '00Q1,Ren\xe9,M\xfcller,CFO,Caf\xe9 Sol,rene@cafe.example,,France,Web,Open - Not Contacted,2025-03-14\n';
    const imported = (await upload('preset=salesforce-leads', Buffer.from(header + row, 'latin1'))).json();
    expect(imported).toMatchObject({ encoding: 'windows-1252', isCommitted: true });
    expect((await get('leads')).items[0]).toMatchObject({ name: 'René Müller', company: 'Café Sol' });

    const wrong = (await upload('preset=hubspot-contacts', 'foo,bar\n1,2\n')).json();
    expect(wrong.isCommitted).toBe(false);
    expect(wrong.errors[0].message).toContain('the file has: foo, bar');
    const unknown = await upload('preset=excel', 'a\n1\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ field: 'preset', message: 'is unknown' }]);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const { upload } = await setup(h);
    const response = await upload('preset=olist-mql', Buffer.alloc(51 * 1024 * 1024, 'a'));
    expect(response.statusCode).toBe(413);
  });
});
