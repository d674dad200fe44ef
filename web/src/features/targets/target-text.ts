import { PERIOD_KEY } from '../../../../core/targets/periods.ts';
import type { PlanStage } from '../../types.ts';
import { formatMonth } from '../../format.ts';

/** '2026-Q2' → "Q2 2026", '2026-04' → "Apr 2026"; anything else as it is. */
export function formatPeriod(key: string): string {
  const match = PERIOD_KEY.exec(key);
  if (!match) return key;
  return match[3] ? `Q${match[3]} ${match[1]}` : formatMonth(key);
}

/** This month and this quarter (UTC, as the server counts periods), e.g. ['2026-04', '2026-Q2']. */
export function currentPeriods(now: Date): { month: string; quarter: string } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return { month: `${year}-${String(month + 1).padStart(2, '0')}`, quarter: `${year}-Q${Math.floor(month / 3) + 1}` };
}

/** The share of a period (`from` included, `to` excluded, UTC days) that has passed at `now`, between 0 and 1. */
export function elapsedShare(from: string, to: string, now: Date): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/** The funnel stages of the plan, and the team that owns each: the acceptance of MQLs as SQLs is shared. */
export const PLAN_STAGE_LOOK: Record<PlanStage, { label: string; team: 'Marketing' | 'Sales' | 'Both teams'; color: string }> = {
  leads: { label: 'Leads', team: 'Marketing', color: 'grape' },
  mqls: { label: 'MQLs', team: 'Marketing', color: 'grape' },
  sqls: { label: 'SQLs', team: 'Both teams', color: 'indigo' },
  opportunities: { label: 'Opportunities', team: 'Sales', color: 'cyan' },
  won: { label: 'Won deals', team: 'Sales', color: 'cyan' },
};
