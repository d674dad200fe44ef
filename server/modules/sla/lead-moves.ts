import { funnelIndex, type LeadStage } from '../../../core/funnel/stages.ts';

/** Which leads a Sales decision may move (the moving itself is moveLeads in the funnel's stage service). */

/** Accepting moves a lead to SAL unless it is there or further already. */
export function mayAccept(stage: LeadStage): boolean {
  return funnelIndex(stage) < funnelIndex('sal');
}

/** Recycling sends a lead back to nurture only while it has not moved past MQL: a lead with a deal stays. */
export function mayRecycle(stage: LeadStage): boolean {
  return funnelIndex(stage) >= 0 && funnelIndex(stage) <= funnelIndex('mql');
}
