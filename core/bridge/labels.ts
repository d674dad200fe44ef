import type { BridgeFactor, Team } from './revenue-bridge.ts';

/** How the bridge's levers and teams read on a waterfall. */

export const FACTOR_LABELS: Record<BridgeFactor, string> = {
  leads: 'Lead volume',
  mqlRate: 'Lead quality (MQL rate)',
  acceptanceRate: 'Follow-up (MQLs accepted as SQLs)',
  opportunityRate: 'Opportunity rate',
  winRate: 'Win rate',
  avgDealSize: 'Deal size (list)',
  discount: 'Discount',
};

export const TEAM_LABELS: Record<Team, string> = { marketing: 'Marketing', shared: 'Both teams', sales: 'Sales' };
