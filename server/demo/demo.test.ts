import { Command } from 'commander';
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import type { Db } from '../db/client.ts';
import { sweepSla } from '../modules/sla/sweep.service.ts';
import { buildWorkspace } from '../testing/factories.ts';
import { describeOnEngines } from '../testing/harness.ts';
import { PROMO_KEY } from './catalog.ts';
import { registerDemoCommand } from './demo.cli.ts';
import { fillDemoWorkspace } from './demo.service.ts';
import { generateDemo, type DemoSummary } from './generate.ts';

const NOW = new Date('2026-03-15T10:00:00Z');
const LEADS = 2_000;
const SEED = 42;

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function one<T>(db: Db, query: SQL): Promise<T> {
  return (await rows<T>(db, query))[0]!;
}

/** Aggregates and ids that any difference in the generated data would change. */
function fingerprint(db: Db, ws: string) {
  return one<Record<string, string>>(
    db,
    sql`select
      (select string_agg(stage || ':' || n, ',' order by stage) from (select stage, count(*) n from leads where workspace_id = ${ws} group by stage) s) as stages,
      (select string_agg(source || ':' || n, ',' order by source) from (select source, count(*) n from leads where workspace_id = ${ws} group by source) s) as sources,
      (select sum(amount_minor)::text || '/' || sum(list_amount_minor)::text from deals where workspace_id = ${ws}) as amounts,
      (select md5(string_agg(id::text || coalesce(email, '') || created_at::text, ',' order by id)) from leads where workspace_id = ${ws}) as leads,
      (select md5(string_agg(id::text || type || occurred_at::text, ',' order by id)) from touchpoints where workspace_id = ${ws}) as touchpoints,
      (select md5(string_agg(id::text || to_stage || at::text, ',' order by id)) from stage_transitions where workspace_id = ${ws}) as transitions,
      (select md5(string_agg(id::text || outcome || occurred_at::text, ',' order by id)) from activities where workspace_id = ${ws}) as activities,
      (select md5(string_agg(anonymous_id || first_seen_at::text, ',' order by anonymous_id)) from visitors where workspace_id = ${ws}) as visitors,
      (select md5(string_agg(id::text || name, ',' order by id)) from accounts where workspace_id = ${ws}) as accounts,
      (select md5(string_agg(lead_id::text || mql_at::text || coalesce(decision, '') || coalesce(decided_at::text, '') || note::text, ',' order by lead_id))
       from lead_handovers where workspace_id = ${ws}) as handovers`,
  );
}

type ForeignKey = { name: string; child: string; parent: string; childColumns: string[]; parentColumns: string[] };

/** Every foreign key whose rows point at nothing: the demo writes without the database checking them. */
async function danglingReferences(db: Db): Promise<{ name: string; rows: number }[]> {
  const keys = await rows<ForeignKey>(db, sql`
    select c.conname as name, cr.relname as child, pr.relname as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as "childColumns",
      array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as "parentColumns"
    from pg_constraint c join pg_class cr on cr.oid = c.conrelid join pg_class pr on pr.oid = c.confrelid
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
  const dangling = [];
  for (const key of keys) {
    const column = (alias: string, name: string) => sql`${sql.identifier(alias)}.${sql.identifier(name)}`;
    const given = sql.join(key.childColumns.map((name) => sql`${column('c', name)} is not null`), sql` and `);
    const matches = sql.join(key.childColumns.map((name, i) => sql`${column('p', key.parentColumns[i]!)} = ${column('c', name)}`), sql` and `);
    const { n } = await one<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(key.child)} c
      where ${given} and not exists (select 1 from ${sql.identifier(key.parent)} p where ${matches})`);
    if (n > 0) dangling.push({ name: key.name, rows: n });
  }
  return dangling;
}

async function tableCounts(db: Db, ws: string) {
  const counts = await one<Record<string, number>>(
    db,
    sql`select
      (select count(*) from accounts where workspace_id = ${ws})::int as "accounts",
      (select count(*) from campaigns where workspace_id = ${ws})::int as "campaigns",
      (select count(*) from leads where workspace_id = ${ws})::int as "leads",
      (select count(*) from stage_transitions where workspace_id = ${ws})::int as "stageTransitions",
      (select count(*) from visitors where workspace_id = ${ws})::int as "visitors",
      (select count(*) from touchpoints where workspace_id = ${ws})::int as "touchpoints",
      (select count(*) from deals where workspace_id = ${ws})::int as "deals",
      (select count(*) from activities where workspace_id = ${ws})::int as "activities",
      (select count(*) from lead_handovers where workspace_id = ${ws})::int as "handovers"`,
  );
  return counts;
}

describeOnEngines('demo company (Brightwash)', (h) => {
  let ws = '';
  let twin = '';
  let summary: DemoSummary;

  beforeAll(async () => {
    ws = (await buildWorkspace(h.db)).workspace.id;
    twin = (await buildWorkspace(h.db)).workspace.id;
    summary = await generateDemo(h.db, { workspaceId: ws, leads: LEADS, seed: SEED, now: NOW });
    await generateDemo(h.db, { workspaceId: twin, leads: LEADS, seed: SEED, now: NOW });
  }, 120_000);

  it('gives the same data, ids included, for the same seed, size and clock', async () => {
    expect(await fingerprint(h.db, twin)).toEqual(await fingerprint(h.db, ws));
    const other = (await buildWorkspace(h.db)).workspace.id;
    await generateDemo(h.db, { workspaceId: other, leads: 300, seed: SEED + 1, now: NOW });
    expect((await fingerprint(h.db, other)).leads).not.toEqual((await fingerprint(h.db, ws)).leads);
  });

  it('reports what it wrote, with the expected shape', async () => {
    const { users, ...written } = summary;
    expect(users).toBe(8);
    expect(await tableCounts(h.db, ws)).toEqual(written);
    expect(summary.leads).toBe(LEADS);
    expect(summary.campaigns).toBeGreaterThanOrEqual(8);
    expect(summary.campaigns).toBeLessThanOrEqual(20);
    expect(summary.touchpoints / summary.leads).toBeGreaterThanOrEqual(6);
    expect(summary.touchpoints / summary.leads).toBeLessThanOrEqual(12);
    const sizes = await one<{ biggest: number }>(h.db, sql`select max(n)::int as biggest from (select count(*) n from leads where workspace_id = ${ws} group by account_id having account_id is not null) a`);
    expect(sizes.biggest).toBeGreaterThanOrEqual(4);
  });

  it('creates the team once, as members with their roles, and reuses the people in another workspace', async () => {
    const team = await rows<{ role: string; n: number }>(
      h.db,
      sql`select m.role, count(*)::int as n from memberships m join users u on u.id = m.user_id
          where m.workspace_id = ${ws} and u.email like '%@brightwash.example' group by m.role order by m.role`,
    );
    expect(team).toEqual([
      { role: 'finance', n: 1 },
      { role: 'marketing', n: 1 },
      { role: 'marketing_lead', n: 1 },
      { role: 'operations', n: 1 },
      { role: 'sales_manager', n: 1 },
      { role: 'sales_rep', n: 3 },
    ]);
    const people = await one<{ n: number }>(h.db, sql`select count(*)::int as n from users where email like '%@brightwash.example'`);
    expect(people.n).toBe(8);
  });

  it('keeps every lead\'s stage and reached-stage rollup equal to its transitions', async () => {
    const broken = await one<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from leads l, lateral (
            select min(at) filter (where to_stage = 'lead') as lead, min(at) filter (where to_stage = 'mql') as mql,
                   min(at) filter (where to_stage = 'sal') as sal, min(at) filter (where to_stage = 'sql') as sql,
                   min(at) filter (where to_stage = 'opportunity') as opportunity, min(at) filter (where to_stage = 'customer') as customer,
                   max(at) as last_at, (array_agg(to_stage order by at desc))[1] as last_stage
            from stage_transitions t where t.workspace_id = l.workspace_id and t.lead_id = l.id) t
          where l.workspace_id = ${ws} and (l.reached_lead_at is distinct from t.lead or l.reached_mql_at is distinct from t.mql
            or l.reached_sal_at is distinct from t.sal or l.reached_sql_at is distinct from t.sql
            or l.reached_opportunity_at is distinct from t.opportunity or l.reached_customer_at is distinct from t.customer
            or l.stage is distinct from t.last_stage or l.stage_changed_at is distinct from t.last_at)`,
    );
    expect(broken.n).toBe(0);
    const transitions = await one<{ causes: string; byPeople: number; accepted: number }>(
      h.db,
      sql`select string_agg(distinct cause, ',') as causes, count(*) filter (where actor_id is not null)::int as "byPeople",
            count(*) filter (where to_stage = 'sal' and actor_id is null)::int as accepted
          from stage_transitions where workspace_id = ${ws}`,
    );
    expect(transitions).toMatchObject({ causes: 'demo', accepted: 0 });
    expect(transitions.byPeople).toBeGreaterThan(0);
    const sides = await rows<{ stage: string }>(h.db, sql`select distinct stage from leads where workspace_id = ${ws} and stage in ('nurture', 'recycled', 'disqualified')`);
    expect(sides).toHaveLength(3);
  });

  it('leaves no row pointing at a row that does not exist, though it writes without foreign-key checks', async () => {
    expect(await danglingReferences(h.db)).toEqual([]);
    const orphan = crypto.randomUUID();
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`insert into stage_transitions (workspace_id, id, lead_id, to_stage, at, cause) values (${ws}, ${orphan}, ${orphan}, 'lead', ${NOW.toISOString()}, 'test')`);
    });
    expect(await danglingReferences(h.db)).toEqual([{ name: 'stage_transitions_lead_fk', rows: 1 }]);
    await h.db.execute(sql`delete from stage_transitions where workspace_id = ${ws} and id = ${orphan}`);
  });

  it('writes no date in the future', async () => {
    const latest = await one<{ at: Date | string }>(
      h.db,
      sql`select greatest(
            (select max(greatest(created_at, updated_at, stage_changed_at, reached_customer_at)) from leads where workspace_id = ${ws}),
            (select max(at) from stage_transitions where workspace_id = ${ws}),
            (select max(greatest(occurred_at, created_at)) from touchpoints where workspace_id = ${ws}),
            (select max(last_seen_at) from visitors where workspace_id = ${ws}),
            (select max(greatest(created_at, closed_at, updated_at)) from deals where workspace_id = ${ws}),
            (select max(greatest(occurred_at, created_at)) from activities where workspace_id = ${ws}),
            (select max(greatest(created_at, updated_at, ends_on::timestamptz)) from campaigns where workspace_id = ${ws}),
            (select max(updated_at) from accounts where workspace_id = ${ws})) as at`,
    );
    expect(new Date(latest.at).getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it('F2: job seekers on the careers page never become customers; paid social floods, webinars and referrals convert', async () => {
    const careers = await one<{ leads: number; mqls: number; customers: number; anonymous: number }>(
      h.db,
      sql`select count(*)::int as leads, count(reached_mql_at)::int as mqls, count(reached_customer_at)::int as customers,
            (select count(distinct anonymous_id)::int from touchpoints where workspace_id = ${ws} and lead_id is null and url like '/careers%') as anonymous
          from leads l where workspace_id = ${ws}
            and exists (select 1 from touchpoints t where t.workspace_id = l.workspace_id and t.lead_id = l.id and t.url like '/careers%')`,
    );
    expect(careers.leads).toBeGreaterThan(0);
    expect(careers.mqls).toBeGreaterThan(0);
    expect(careers.customers).toBe(0);
    expect(careers.anonymous).toBeGreaterThan(0);
    const channels = await rows<{ channel: string; leads: number; sqlRate: number }>(
      h.db,
      sql`select channel, count(*)::int as leads, avg((reached_sql_at is not null)::int)::float8 as "sqlRate"
          from leads where workspace_id = ${ws} group by channel`,
    );
    const rate = (channel: string) => channels.find((c) => c.channel === channel)!.sqlRate;
    const volume = (channel: string) => channels.find((c) => c.channel === channel)!.leads;
    expect(volume('paid_social')).toBe(Math.max(...channels.map((c) => c.leads)));
    expect(rate('webinar')).toBeGreaterThan(2 * rate('paid_social'));
    expect(rate('referral')).toBeGreaterThan(1.5 * rate('paid_social'));
  });

  it('F2/F9: one rep never follows up, another calls within hours', async () => {
    const reps = await rows<{ email: string; perLead: number; hours: number | null }>(
      h.db,
      sql`select u.email, count(a.id)::float8 / count(distinct l.id) as "perLead",
            (select percentile_cont(0.5) within group (order by extract(epoch from f.first - l2.reached_mql_at) / 3600)
             from leads l2, lateral (select min(occurred_at) as first from activities a2 where a2.workspace_id = l2.workspace_id and a2.lead_id = l2.id) f
             where l2.workspace_id = ${ws} and l2.owner_id = u.id and f.first is not null) as hours
          from leads l join users u on u.id = l.owner_id
          left join activities a on a.workspace_id = l.workspace_id and a.lead_id = l.id
          where l.workspace_id = ${ws} group by u.id, u.email`,
    );
    const lazy = reps.find((r) => r.email === 'jan.devries@brightwash.example')!;
    const others = reps.filter((r) => r !== lazy);
    expect(others).toHaveLength(2);
    for (const rep of others) expect(lazy.perLead).toBeLessThan(rep.perLead / 5);
    expect(Math.min(...others.map((r) => Number(r.hours)))).toBeLessThan(4);
  });

  it('F9: every MQL was handed over once, at its MQL time, to its rep, with a note and the SLA clocks', async () => {
    const handovers = await one<{ mqls: number; handovers: number; mismatched: number; offHours: number; badAttemptsDue: number; notes: number }>(
      h.db,
      sql`select (select count(*) from leads where workspace_id = ${ws} and reached_mql_at is not null)::int as mqls,
            count(*)::int as handovers,
            count(*) filter (where h.mql_at is distinct from l.reached_mql_at or h.owner_id is distinct from l.owner_id
              or h.assigned_at is distinct from h.mql_at or h.version <> 1 or h.routing_rule <> 'demo')::int as mismatched,
            count(*) filter (where extract(isodow from h.first_contact_due_at at time zone 'UTC') > 5
              or (h.first_contact_due_at at time zone 'UTC')::time not between '09:00' and '17:00')::int as "offHours",
            count(*) filter (where h.attempts_due_at <> h.mql_at + interval '7 days')::int as "badAttemptsDue",
            count(*) filter (where h.note->>'summary' like '% qualified under contract v1: fit %' and jsonb_array_length(h.note->'reasons') > 0)::int as notes
          from lead_handovers h join leads l on l.workspace_id = h.workspace_id and l.id = h.lead_id
          where h.workspace_id = ${ws}`,
    );
    expect(handovers.mqls).toBeGreaterThan(0);
    expect(handovers).toEqual({ mqls: handovers.mqls, handovers: handovers.mqls, mismatched: 0, offHours: 0, badAttemptsDue: 0, notes: handovers.mqls });
  });

  it('F9: Sales accepted, rejected (with reasons) or let recycle the MQLs of the past; recent ones are still open', async () => {
    const decisions = await rows<{ decision: string | null; reason: string | null; n: number; consistent: boolean }>(
      h.db,
      sql`select h.decision, h.rejection_reason as reason, count(*)::int as n,
            bool_and(case h.decision
              when 'accepted' then h.decided_at = l.reached_sal_at and h.decided_by = h.owner_id
              when 'rejected' then h.decided_by = h.owner_id and h.rejection_note is not null and h.decided_at <= ${NOW.toISOString()}
              when 'recycled' then h.decided_at = h.mql_at + interval '14 days' and h.decided_by is null and not (l.reached_sal_at <= h.decided_at)
              else h.mql_at > ${NOW.toISOString()}::timestamptz - interval '14 days' end) as consistent
          from lead_handovers h join leads l on l.workspace_id = h.workspace_id and l.id = h.lead_id
          where h.workspace_id = ${ws} group by 1, 2 order by 1, 2`,
    );
    expect(decisions.every((d) => d.consistent)).toBe(true);
    const count = (decision: string | null) => decisions.filter((d) => d.decision === decision).reduce((sum, d) => sum + d.n, 0);
    for (const decision of ['accepted', 'rejected', 'recycled', null]) expect(count(decision)).toBeGreaterThan(0);
    const reasons = decisions.filter((d) => d.decision === 'rejected').map((d) => d.reason);
    expect(reasons).toEqual(expect.arrayContaining(['job_seeker', 'student', 'not_a_lead', 'no_budget', 'wrong_contact']));
  });

  it('F9: breach stamps follow the sales activities: the rep who never follows up breaches, the fast one hardly ever', async () => {
    const inconsistent = await one<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from lead_handovers h, lateral (
            select min(occurred_at) as first, count(*) filter (where occurred_at <= h.attempts_due_at) as attempts
            from activities a where a.workspace_id = h.workspace_id and a.lead_id = h.lead_id and a.occurred_at >= h.mql_at) a
          where h.workspace_id = ${ws}
            and (h.first_contact_breach_notified_at is distinct from (case when h.first_contact_due_at <= ${NOW.toISOString()}
                   and (a.first is null or a.first > h.first_contact_due_at) then h.first_contact_due_at end)
              or h.attempts_breach_notified_at is distinct from (case when h.attempts_due_at <= ${NOW.toISOString()} and a.attempts < 3 then h.attempts_due_at end))`,
    );
    expect(inconsistent.n).toBe(0);
    const reps = await rows<{ email: string; breachRate: number }>(
      h.db,
      sql`select u.email, avg((h.first_contact_breach_notified_at is not null)::int)::float8 as "breachRate"
          from lead_handovers h join users u on u.id = h.owner_id where h.workspace_id = ${ws} group by u.email`,
    );
    const rate = (email: string) => reps.find((r) => r.email === email)!.breachRate;
    expect(rate('jan.devries@brightwash.example')).toBeGreaterThan(0.9);
    expect(rate('anna.fischer@brightwash.example')).toBeLessThan(0.1);
    expect(rate('jan.devries@brightwash.example')).toBeGreaterThan(rate('luca.moretti@brightwash.example'));
  });

  it('F3: month-end deals carry bigger discounts, and Scrubco undercuts on price', async () => {
    const discounts = await one<{ monthEnd: number; midMonth: number }>(
      h.db,
      sql`select avg(discount_rate) filter (where month_end)::float8 as "monthEnd", avg(discount_rate) filter (where not month_end)::float8 as "midMonth"
          from (select discount_rate, (closed_at at time zone 'UTC') >= date_trunc('month', closed_at at time zone 'UTC') + interval '1 month' - interval '3 days' as month_end
                from deals where workspace_id = ${ws} and status = 'won') d`,
    );
    expect(discounts.monthEnd).toBeGreaterThan(discounts.midMonth + 0.03);
    const lost = await rows<{ competitor: string | null; reason: string; n: number }>(
      h.db,
      sql`select competitor, loss_reason as reason, count(*)::int as n from deals where workspace_id = ${ws} and status = 'lost'
          group by competitor, loss_reason order by n desc`,
    );
    expect(lost[0]).toMatchObject({ competitor: 'Scrubco', reason: expect.stringMatching(/price.*20 %/i) });
    const listed = await one<{ consistent: boolean }>(
      h.db,
      sql`select bool_and(abs(amount_minor - round(list_amount_minor * (1 - discount_rate))) <= 1) as consistent from deals where workspace_id = ${ws}`,
    );
    expect(listed.consistent).toBe(true);
  });

  it('F1: the surprise promotion shows as a sharp spike of leads in its two weeks', async () => {
    const spike = await one<{ promoDaily: number; usualDaily: number; promoLeads: number }>(
      h.db,
      sql`with c as (select id, starts_on, ends_on from campaigns where workspace_id = ${ws} and external_id = ${`demo-${PROMO_KEY}`}),
          daily as (select (created_at at time zone 'UTC')::date as day, count(*) as n from leads where workspace_id = ${ws} group by 1)
          select (select avg(n) from daily, c where day between c.starts_on and c.ends_on)::float8 as "promoDaily",
                 (select sum(n) from daily)::float8 / 455 as "usualDaily",
                 (select count(*) from leads l, c where l.workspace_id = ${ws} and l.campaign_id = c.id)::int as "promoLeads"`,
    );
    expect(spike.promoLeads).toBeGreaterThan(0);
    expect(spike.promoDaily).toBeGreaterThan(2.5 * spike.usualDaily);
  });

  it('has a handful of won deals closed before the lead\'s first touch, as real data does', async () => {
    const anomalies = await one<{ bad: number; won: number }>(
      h.db,
      sql`select count(*) filter (where d.closed_at < f.first)::int as bad, count(*)::int as won
          from deals d, lateral (select min(occurred_at) as first from touchpoints t where t.workspace_id = d.workspace_id and t.lead_id = d.lead_id) f
          where d.workspace_id = ${ws} and d.status = 'won'`,
    );
    expect(anomalies.bad).toBeGreaterThanOrEqual(1);
    expect(anomalies.bad).toBeLessThan(anomalies.won * 0.05);
  });

  it('refuses to fill a workspace that already has leads', async () => {
    const fresh = (await buildWorkspace(h.db)).workspace.id;
    const progress: number[] = [];
    const filled = await fillDemoWorkspace(h.db, fresh, 200, NOW, (done) => progress.push(done));
    expect(filled.leads).toBe(200);
    expect(progress).toEqual([200]);
    const contract = await one<{ version: number }>(h.db, sql`select version from lead_definitions where workspace_id = ${fresh} and status = 'active'`);
    expect(contract.version).toBe(1);
    expect(await sweepSla(h.db, NOW)).toMatchObject({ firstContactBreaches: 0, attemptsBreaches: 0, recycled: 0 });
    await expect(fillDemoWorkspace(h.db, fresh, 200, NOW)).rejects.toMatchObject({ code: 'conflict' });
    expect((await tableCounts(h.db, fresh)).leads).toBe(200);
  });

  it('removes what it wrote when a run fails half-way', async () => {
    const doomed = (await buildWorkspace(h.db)).workspace.id;
    const stop = () => {
      throw new Error('stopped by the user');
    };
    await expect(generateDemo(h.db, { workspaceId: doomed, leads: 5_001, now: NOW, onProgress: stop })).rejects.toThrow('stopped by the user');
    expect(Object.values(await tableCounts(h.db, doomed)).every((n) => n === 0)).toBe(true);
  });

  it('reports a failed write in one line and keeps rows it did not write', async () => {
    const scratch = (await buildWorkspace(h.db)).workspace.id;
    await generateDemo(h.db, { workspaceId: scratch, leads: 100, seed: 5, now: NOW });
    const taken = await one<{ id: string }>(h.db, sql`select id from leads where workspace_id = ${scratch} limit 1`);
    const target = (await buildWorkspace(h.db)).workspace.id;
    await h.db.execute(sql`insert into leads (workspace_id, id, stage, stage_changed_at, created_at, updated_at)
      values (${target}, ${taken.id}, 'lead', ${NOW.toISOString()}, ${NOW.toISOString()}, ${NOW.toISOString()})`);
    const failure = await generateDemo(h.db, { workspaceId: target, leads: 100, seed: 5, now: NOW }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^Writing demo data failed: duplicate key/);
    expect((failure as Error).message.length).toBeLessThan(300);
    expect(await tableCounts(h.db, target)).toMatchObject({ leads: 1, campaigns: 0, accounts: 0, touchpoints: 0 });
  });

  it('accord demo fills --workspace and prints a one-line summary', async () => {
    const { workspace } = await buildWorkspace(h.db);
    const program = new Command('accord').option('--workspace <slug>').exitOverride();
    registerDemoCommand(program, { config: () => h.config, withDatabase: (_config, work) => work(h.db) });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await program.parseAsync(['--workspace', workspace.slug, 'demo', '--leads', '150', '--seed', '3'], { from: 'user' });
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]![0]).toMatch(new RegExp(`^Filled ${workspace.slug} with Brightwash: 150 leads, .* people \\(\\d+\\.\\d s\\)\\.$`));
      await expect(program.parseAsync(['--workspace', workspace.slug, 'demo', '--leads', '150'], { from: 'user' })).rejects.toThrow(/already has leads/);
    } finally {
      log.mockRestore();
    }
  });
});
