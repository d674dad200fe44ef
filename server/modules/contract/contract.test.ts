import { sql } from 'drizzle-orm';
import { Command } from 'commander';
import { expect, it, vi } from 'vitest';
import { registerContractCommands } from '../../../cli/commands/contract.ts';
import { DEFAULT_LEAD_DEFINITION } from '../../../core/schemas/scoring.ts';
import { DEFAULT_SLA_POLICY } from '../../../core/schemas/sla.ts';
import { queryRows } from '../../db/raw.ts';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { rescoreWorkspace } from './scoring.service.ts';

type Sender = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => ReturnType<Harness['request']>;

async function team(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  const as = async (role: Parameters<typeof buildMember>[2] | 'admin'): Promise<Sender> => {
    const cookie = await signIn(h, role === 'admin' ? admin : await buildMember(h.db, workspace.id, role));
    return (method, path, body) => h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  };
  return { workspace, marketingLead: await as('marketing_lead'), salesManager: await as('sales_manager'), rep: await as('sales_rep'), admin: await as('admin') };
}

/** Drafts, proposes and has both teams sign a version; returns its number. */
async function signedVersion(t: Awaited<ReturnType<typeof team>>, change: (d: typeof DEFAULT_LEAD_DEFINITION) => typeof DEFAULT_LEAD_DEFINITION = (d) => d) {
  const draft = (await t.marketingLead('POST', 'lead-contract/versions', {})).json();
  const content = { name: draft.name, definition: change(draft.definition), sla: draft.sla };
  expect((await t.marketingLead('PUT', `lead-contract/versions/${draft.version}`, content)).statusCode).toBe(200);
  expect((await t.marketingLead('POST', `lead-contract/versions/${draft.version}/propose`)).statusCode).toBe(200);
  expect((await t.marketingLead('POST', `lead-contract/versions/${draft.version}/sign`)).json()).toMatchObject({ activated: false });
  expect((await t.salesManager('POST', `lead-contract/versions/${draft.version}/sign`)).json()).toMatchObject({ activated: true });
  return draft.version as number;
}

describeOnEngines('the lead contract', (h) => {
  it('becomes active only when a marketing lead and a sales manager signed the same content', async () => {
    const t = await team(h);
    const draft = (await t.marketingLead('POST', 'lead-contract/versions', { name: 'First contract' })).json();
    expect(draft).toMatchObject({ version: 1, status: 'draft', definition: DEFAULT_LEAD_DEFINITION, sla: DEFAULT_SLA_POLICY });
    const v = `lead-contract/versions/${draft.version}`;

    expect((await t.marketingLead('POST', `${v}/sign`)).statusCode).toBe(409);
    expect((await t.marketingLead('POST', `${v}/propose`)).json()).toMatchObject({ status: 'proposed' });
    expect((await t.marketingLead('POST', `${v}/sign`)).json()).toMatchObject({ role: 'marketing_lead', activated: false });
    const twice = await t.marketingLead('POST', `${v}/sign`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/already signed/);
    expect((await t.rep('POST', `${v}/sign`)).statusCode).toBe(403);
    expect((await t.admin('POST', `${v}/sign`)).statusCode).toBe(403);

    // An edit after a signature voids it: the marketing lead must sign the new content again.
    const stricter = { name: 'First contract', definition: { ...draft.definition, fitThreshold: 50 }, sla: draft.sla };
    expect((await t.salesManager('PUT', v, stricter)).json()).toMatchObject({ voidedSignatures: ['marketing_lead'] });
    expect((await t.salesManager('POST', `${v}/sign`)).json()).toMatchObject({ activated: false });
    expect((await t.marketingLead('POST', `${v}/sign`)).json()).toMatchObject({ activated: true });

    const detail = (await t.rep('GET', v)).json();
    expect(detail.status).toBe('active');
    expect(detail.signatures.map((s: { role: string; voidedAt: string | null }) => [s.role, s.voidedAt === null])).toEqual([
      ['marketing_lead', false],
      ['sales_manager', true],
      ['marketing_lead', true],
    ]);
    expect((await t.salesManager('PUT', v, stricter)).statusCode).toBe(409);

    const second = await signedVersion(t, (d) => ({ ...d, engagementThreshold: 20 }));
    const list = (await t.rep('GET', 'lead-contract')).json().items;
    expect(list.map((x: { version: number; status: string }) => [x.version, x.status])).toEqual([[second, 'active'], [1, 'retired']]);
    const diff = (await t.rep('GET', `lead-contract/diff?from=1&to=${second}`)).json();
    expect(diff.changes.map((c: { kind: string; target: string }) => [c.kind, c.target])).toEqual([['threshold_changed', 'engagementThreshold']]);
  });

  it('refuses a bad rule and names it, changing nothing', async () => {
    const t = await team(h);
    const draft = (await t.marketingLead('POST', 'lead-contract/versions', {})).json();
    const broken = structuredClone(draft.definition);
    broken.engagementRules[0].urlPattern = '(careers';
    const response = await t.marketingLead('PUT', `lead-contract/versions/${draft.version}`, { name: 'x', definition: broken, sla: draft.sla });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().error.details)).toMatch(/engagementRules\.0\.urlPattern.*invalid regular expression/);
    const outOfRange = await t.marketingLead('PUT', `lead-contract/versions/${draft.version}`, { name: 'x', definition: { ...draft.definition, fitThreshold: 1001 }, sla: draft.sla });
    expect(outOfRange.statusCode).toBe(400);
    expect((await t.marketingLead('GET', `lead-contract/versions/${draft.version}`)).json().definition).toEqual(draft.definition);
  });

  it('scores a lead on every new touchpoint and makes it an MQL, logged with the version', async () => {
    const t = await team(h);
    const version = await signedVersion(t);
    const lead = (await t.marketingLead('POST', 'leads', { email: 'ada@hotel-aurora.example', title: 'CEO', company: 'Hotel Aurora' })).json();
    const before = (await t.rep('GET', `leads/${lead.id}/score`)).json();
    expect(before).toMatchObject({ version, qualified: false });

    const touch = (type: string, url: string) => ({ leadId: lead.id, type, url, occurredAt: new Date(Date.now() - 3_600_000).toISOString() });
    const ingest = await t.marketingLead('POST', 'touchpoints/batch', { touchpoints: [touch('form_submit', 'https://brightwash.example/demo'), touch('page_view', 'https://brightwash.example/pricing')] });
    expect(ingest.statusCode).toBe(200);
    const score = (await t.rep('GET', `leads/${lead.id}/score`)).json();
    expect(score.qualified).toBe(true);
    expect(score.breakdown.map((line: { ruleId: string }) => line.ruleId)).toEqual(expect.arrayContaining(['senior-role']));
    const [transition] = await queryRows<{ to_stage: string; cause: string; definition_version: number }>(h.db, sql`
      select to_stage, cause, definition_version from stage_transitions where lead_id = ${lead.id}::uuid and to_stage = 'mql'`);
    expect(transition).toMatchObject({ to_stage: 'mql', cause: 'score', definition_version: version });
  });

  it('backtests a version against what became of the leads, on the API and the command line', async () => {
    const t = await team(h);
    await signedVersion(t);
    const lead = async (email: string, title: string, stage: string, touches: string[]) => {
      const created = (await t.marketingLead('POST', 'leads', { email, title, stage, createdAt: '2026-01-10T09:00:00Z' })).json();
      const touchpoints = touches.map((url, i) => ({ leadId: created.id, type: url.endsWith('/demo') ? 'form_submit' : 'page_view', url, occurredAt: `2026-01-1${i + 1}T09:00:00Z` }));
      if (touchpoints.length > 0) await t.marketingLead('POST', 'touchpoints/batch', { touchpoints });
    };
    await lead('won@hotel.example', 'CEO', 'customer', ['https://x.example/demo', 'https://x.example/pricing']);
    await lead('lost@clinic.example', 'Director of Facilities', 'lead', ['https://x.example/demo']);
    await lead('seeker@gmail.com', 'Student', 'lead', ['https://x.example/careers', 'https://x.example/careers/jobs']);
    const looser = (await t.marketingLead('POST', 'lead-contract/versions', {})).json();
    await t.marketingLead('PUT', `lead-contract/versions/${looser.version}`, { name: 'Looser', definition: { ...looser.definition, fitThreshold: 0, engagementThreshold: 0 }, sla: looser.sla });

    const result = (await t.marketingLead('POST', 'lead-contract/backtest', { version: looser.version, from: '2026-01-01', to: '2026-02-01' })).json();
    // The active version takes the CEO only; the looser one also lets the director through (not won); neither the job seeker.
    expect(result).toMatchObject({ leads: 3, wonLeads: 1, candidate: { mqls: 2, won: 1, precision: 0.5, recall: 1 }, active: { mqls: 1, won: 1, precision: 1 } });
    expect(result.onlyCandidate).toMatchObject({ count: 1, won: 0 });
    expect(result.onlyActive.count).toBe(0);

    const program = new Command('accord').option('--workspace <slug>').exitOverride();
    registerContractCommands(program, { config: () => h.config, withDatabase: (_config, work) => work(h.db), workspaceSlug: () => t.workspace.slug });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await program.parseAsync(['backtest', '--version', String(looser.version), '--from', '2026-01-01', '--to', '2026-02-01', '--json'], { from: 'user' });
      expect(JSON.parse(log.mock.calls[0]![0] as string)).toMatchObject({ leads: 3, candidate: { mqls: 2 }, active: { mqls: 1 } });
      await expect(program.parseAsync(['backtest', '--version', '1', '--from', '2026-02-01', '--to', '2026-01-01'], { from: 'user' })).rejects.toThrow('--to must be after --from');
    } finally {
      log.mockRestore();
    }
  });

  it('rescores the whole workspace by the active version', async () => {
    const t = await team(h);
    for (let i = 0; i < 30; i++) await t.marketingLead('POST', 'leads', { email: `p${i}@firm${i}.example`, title: i % 3 ? 'Engineer' : 'VP Sales' });
    await h.db.execute(sql`delete from lead_scores`);
    const version = await signedVersion(t);
    const outcome = await rescoreWorkspace({ db: h.db, actor: { kind: 'system', name: 'test' }, workspaceId: t.workspace.id, now: new Date() });
    expect(outcome).toMatchObject({ version, scored: 30 });
    const [counted] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from lead_scores where workspace_id = ${t.workspace.id}::uuid and version = ${version}`);
    expect(counted!.n).toBe(30);
  });
});
