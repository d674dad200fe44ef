import { FALLBACK_POOL, type RoutingMatch, type RoutingRules } from '../schemas/routing.ts';

/**
 * Routing of a new MQL to a rep: the first rule that matches the lead and has an eligible rep
 * in its pool wins, then the fallback pool. Within a pool reps take turns (round robin) in the
 * order the pool lists them, starting after the rep the cursor says was assigned last. The same
 * rules, reps, lead and cursor always give the same answer.
 */

export type RoutingRep = {
  id: string;
  active: boolean;
  away: boolean;
  /** At most this many open leads assigned; null for no limit. */
  capacity: number | null;
  openLeads: number;
};

export type RoutingLead = {
  country: string | null;
  industry: string | null;
  employees: number | null;
  source: string | null;
};

/** The rep assigned last in each pool (a rule id, or FALLBACK_POOL). */
export type RoutingCursor = Record<string, string>;

export type RoutingDecision =
  | { repId: string; ruleId: string; nextCursor: RoutingCursor }
  | { repId: null; reason: string };

type Ineligibility = 'inactive' | 'away' | 'at capacity' | 'not among the reps';

function ineligibility(rep: RoutingRep | undefined): Ineligibility | null {
  if (!rep) return 'not among the reps';
  if (!rep.active) return 'inactive';
  if (rep.away) return 'away';
  if (rep.capacity !== null && rep.openLeads >= rep.capacity) return 'at capacity';
  return null;
}

function listIncludes(values: string[] | undefined, value: string | null): boolean {
  if (values === undefined) return true;
  const wanted = value?.trim().toLowerCase();
  return wanted !== undefined && values.some((candidate) => candidate.toLowerCase() === wanted);
}

function employeesWithin(match: RoutingMatch, employees: number | null): boolean {
  if (match.minEmployees === undefined && match.maxEmployees === undefined) return true;
  if (employees === null) return false;
  return employees >= (match.minEmployees ?? 0) && employees <= (match.maxEmployees ?? Infinity);
}

/** Whether the lead meets every criterion of the match; a lead without a value fails a criterion on it. */
export function matchesLead(match: RoutingMatch, lead: RoutingLead): boolean {
  return (
    listIncludes(match.country, lead.country) &&
    listIncludes(match.industry, lead.industry) &&
    listIncludes(match.source, lead.source) &&
    employeesWithin(match, lead.employees)
  );
}

/** The pool's reps in turn order: those after the last assigned one first, then from the start. */
function inTurn(pool: string[], lastRepId: string | undefined): string[] {
  const next = lastRepId === undefined ? 0 : pool.indexOf(lastRepId) + 1;
  return [...pool.slice(next), ...pool.slice(0, next)];
}

/** 'a', 'a or b', 'a, b or c' */
function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function describeSkipped(skipped: Map<string, Ineligibility>): string {
  if (skipped.size === 0) return 'the pools are empty';
  const counts = new Map<Ineligibility, number>();
  for (const why of skipped.values()) counts.set(why, (counts.get(why) ?? 0) + 1);
  return [...counts.entries()].map(([why, count]) => `${count} ${why}`).join(', ');
}

export function chooseRep(rules: RoutingRules, reps: RoutingRep[], lead: RoutingLead, cursor: RoutingCursor): RoutingDecision {
  const repsById = new Map(reps.map((rep) => [rep.id, rep]));
  const pools = [
    ...rules.rules.filter((rule) => matchesLead(rule.match, lead)).map((rule) => ({ key: rule.id, repIds: rule.repIds })),
    { key: FALLBACK_POOL, repIds: rules.fallbackRepIds },
  ];
  const skipped = new Map<string, Ineligibility>();
  for (const pool of pools) {
    for (const repId of inTurn(pool.repIds, Object.hasOwn(cursor, pool.key) ? cursor[pool.key] : undefined)) {
      const why = ineligibility(repsById.get(repId));
      if (why === null) return { repId, ruleId: pool.key, nextCursor: { ...cursor, [pool.key]: repId } };
      skipped.set(repId, why);
    }
  }
  const tried = pools.map((pool) => (pool.key === FALLBACK_POOL ? 'the fallback pool' : `rule '${pool.key}'`));
  return { repId: null, reason: `No eligible rep in ${orList(tried)}: ${describeSkipped(skipped)}` };
}
