-- The rollup's facts per lead come from one unnest of arrays instead of a VALUES list: PostgreSQL
-- compiles the expressions of a VALUES row again each time it reads it, 19 rows for every lead.
-- Measured on 5,000 demo leads: 132 -> 92 ms. The facts and their order are unchanged.
CREATE OR REPLACE FUNCTION funnel_rollup_change(removed leads[], added leads[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
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
  cross join lateral unnest(
    '{reached,reached,reached,reached,reached,reached,reached,step,step,step,step,step,entered,entered,entered,entered,entered,entered,stamped_early}'::text[],
    '{visitor,lead,mql,sal,sql,opportunity,customer,mql,sal,sql,opportunity,customer,lead,mql,sal,sql,opportunity,customer,lead}'::text[],
    array[r.cohort, r.cohort, r.cohort, r.cohort, r.cohort, r.cohort, r.cohort, r.cohort, r.cohort, r.cohort, r.cohort, r.cohort, date_trunc('month', r.lead_at at time zone 'UTC')::date, date_trunc('month', r.mql_at at time zone 'UTC')::date, date_trunc('month', r.sal_at at time zone 'UTC')::date, date_trunc('month', r.sql_at at time zone 'UTC')::date, date_trunc('month', r.opportunity_at at time zone 'UTC')::date, date_trunc('month', r.customer_at at time zone 'UTC')::date, case when r.lead_at < l.created_at then r.cohort end]::date[],
    array[0, ceil((e.lead_s - r.created_s) / 86400)::int, ceil((e.mql_s - r.created_s) / 86400)::int, ceil((e.sal_s - r.created_s) / 86400)::int, ceil((e.sql_s - r.created_s) / 86400)::int, ceil((e.opportunity_s - r.created_s) / 86400)::int, ceil((e.customer_s - r.created_s) / 86400)::int, floor((e.mql_s - e.lead_s) / 86400)::int, floor((e.sal_s - e.mql_s) / 86400)::int, floor((e.sql_s - e.sal_s) / 86400)::int, floor((e.opportunity_s - e.sql_s) / 86400)::int, floor((e.customer_s - e.opportunity_s) / 86400)::int, 0, 0, 0, 0, 0, 0, 0]::int[]
  ) as f(kind, stage, month, days)
  where f.month is not null and f.days is not null
    and exists (select 1 from workspaces w where w.id = l.workspace_id)
  group by 1, 2, 3, 4, 5, 6, 7, 8
  having sum(l.sign) <> 0
  order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict on constraint funnel_rollup_key do update set leads = rollup.leads + excluded.leads;
END
$$;
--> statement-breakpoint
-- A row of a transition table is an anonymous record: gathered as such and assigned to leads[],
-- plpgsql converted every lead to text and back. Cast to leads as they are gathered, nothing is
-- converted (gathering 5,000 leads: about 120 -> 30 ms; inserting them: about 750 -> 420 ms).
CREATE OR REPLACE FUNCTION funnel_rollup_track() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  removed leads[];
  added leads[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(o::leads), array_agg(n::leads) INTO removed, added
    FROM old_leads o JOIN new_leads n ON n.workspace_id = o.workspace_id AND n.id = o.id
    WHERE (o.created_at, o.source, o.channel, o.campaign_id, o.reached_lead_at, o.reached_mql_at,
           o.reached_sal_at, o.reached_sql_at, o.reached_opportunity_at, o.reached_customer_at)
      IS DISTINCT FROM (n.created_at, n.source, n.channel, n.campaign_id, n.reached_lead_at, n.reached_mql_at,
           n.reached_sal_at, n.reached_sql_at, n.reached_opportunity_at, n.reached_customer_at);
    IF removed IS NULL THEN
      RETURN NULL;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    removed := (select array_agg(o::leads) from old_leads o);
  ELSE
    added := (select array_agg(n::leads) from new_leads n);
  END IF;
  PERFORM funnel_rollup_change(removed, added);
  RETURN NULL;
END
$$;
