-- Keeps funnel_rollup (server/modules/funnel/funnel.table.ts) equal to an aggregate of the
-- leads, whatever writes them: one statement-level trigger per kind of change, reading the
-- changed rows from transition tables, so a bulk insert of 5,000 leads is one aggregate upsert.
-- A lead that skipped a stage still passed it: "reached mql" is the earliest of mql and later.
-- Day counts are computed on float8 epochs: numeric arithmetic made the trigger three times slower.

-- The facts of each lead (see funnel_rollup's comment), counted -1 for removed rows and +1 for
-- added ones; facts that cancel out (an update that moved nothing) write nothing.
-- Rows of a workspace being deleted are skipped: its rollup goes with it.
CREATE FUNCTION funnel_rollup_change(removed leads[], added leads[]) RETURNS void
LANGUAGE sql AS $$
  insert into funnel_rollup as rollup (workspace_id, kind, stage, month, days, source, channel, campaign_id, leads)
  select l.workspace_id, f.kind, f.stage, f.month, f.days, l.source, l.channel, l.campaign_id, sum(l.sign)::int
  from (
    select u.*, -1 as sign from unnest(removed) as u
    union all
    select u.*, 1 as sign from unnest(added) as u
  ) as l
  cross join lateral (
    select date_trunc('month', l.created_at at time zone 'UTC')::date as cohort,
      date_part('epoch', l.created_at) as created_s,
      least(l.reached_lead_at, l.reached_mql_at, l.reached_sal_at, l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at) as lead_at,
      least(l.reached_mql_at, l.reached_sal_at, l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at) as mql_at,
      least(l.reached_sal_at, l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at) as sal_at,
      least(l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at) as sql_at,
      least(l.reached_opportunity_at, l.reached_customer_at) as opportunity_at,
      l.reached_customer_at as customer_at
    offset 0
  ) as r
  cross join lateral (
    select date_part('epoch', r.lead_at) as lead_s, date_part('epoch', r.mql_at) as mql_s,
      date_part('epoch', r.sal_at) as sal_s, date_part('epoch', r.sql_at) as sql_s,
      date_part('epoch', r.opportunity_at) as opportunity_s, date_part('epoch', r.customer_at) as customer_s
    offset 0
  ) as e
  cross join lateral (values
    ('reached', 'visitor', r.cohort, 0),
    ('reached', 'lead', r.cohort, ceil((e.lead_s - r.created_s) / 86400)::int),
    ('reached', 'mql', r.cohort, ceil((e.mql_s - r.created_s) / 86400)::int),
    ('reached', 'sal', r.cohort, ceil((e.sal_s - r.created_s) / 86400)::int),
    ('reached', 'sql', r.cohort, ceil((e.sql_s - r.created_s) / 86400)::int),
    ('reached', 'opportunity', r.cohort, ceil((e.opportunity_s - r.created_s) / 86400)::int),
    ('reached', 'customer', r.cohort, ceil((e.customer_s - r.created_s) / 86400)::int),
    ('step', 'mql', r.cohort, floor((e.mql_s - e.lead_s) / 86400)::int),
    ('step', 'sal', r.cohort, floor((e.sal_s - e.mql_s) / 86400)::int),
    ('step', 'sql', r.cohort, floor((e.sql_s - e.sal_s) / 86400)::int),
    ('step', 'opportunity', r.cohort, floor((e.opportunity_s - e.sql_s) / 86400)::int),
    ('step', 'customer', r.cohort, floor((e.customer_s - e.opportunity_s) / 86400)::int),
    ('entered', 'lead', date_trunc('month', r.lead_at at time zone 'UTC')::date, 0),
    ('entered', 'mql', date_trunc('month', r.mql_at at time zone 'UTC')::date, 0),
    ('entered', 'sal', date_trunc('month', r.sal_at at time zone 'UTC')::date, 0),
    ('entered', 'sql', date_trunc('month', r.sql_at at time zone 'UTC')::date, 0),
    ('entered', 'opportunity', date_trunc('month', r.opportunity_at at time zone 'UTC')::date, 0),
    ('entered', 'customer', date_trunc('month', r.customer_at at time zone 'UTC')::date, 0),
    ('stamped_early', 'lead', case when r.lead_at < l.created_at then r.cohort end, 0)
  ) as f(kind, stage, month, days)
  where f.month is not null and f.days is not null
    and exists (select 1 from workspaces w where w.id = l.workspace_id)
  group by 1, 2, 3, 4, 5, 6, 7, 8
  having sum(l.sign) <> 0
  order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict on constraint funnel_rollup_key do update set leads = rollup.leads + excluded.leads
$$;
--> statement-breakpoint
CREATE FUNCTION funnel_rollup_track() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  removed leads[];
  added leads[];
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    removed := (select array_agg(o) from old_leads o);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    added := (select array_agg(n) from new_leads n);
  END IF;
  PERFORM funnel_rollup_change(removed, added);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER funnel_rollup_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION funnel_rollup_track();
--> statement-breakpoint
CREATE TRIGGER funnel_rollup_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_leads NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION funnel_rollup_track();
--> statement-breakpoint
CREATE TRIGGER funnel_rollup_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_leads FOR EACH STATEMENT EXECUTE FUNCTION funnel_rollup_track();
--> statement-breakpoint
SELECT funnel_rollup_change(null, array_agg(l)) FROM leads l;
