/** The lifecycle both teams read: the ordered funnel stages, and the stages beside it. */
export const FUNNEL_STAGES = ['visitor', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer'] as const;
export const SIDE_STAGES = ['nurture', 'recycled', 'disqualified'] as const;
export const LEAD_STAGES = [...FUNNEL_STAGES, ...SIDE_STAGES] as const;

export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type SideStage = (typeof SIDE_STAGES)[number];
export type LeadStage = (typeof LEAD_STAGES)[number];

export const STAGE_LABELS: Record<LeadStage, string> = {
  visitor: 'Visitor',
  lead: 'Lead',
  mql: 'MQL',
  sal: 'SAL (accepted)',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  nurture: 'Nurture',
  recycled: 'Recycled',
  disqualified: 'Disqualified',
};

export const TOUCHPOINT_TYPES = [
  'page_view',
  'form_submit',
  'email_open',
  'email_click',
  'ad_click',
  'event',
  'call',
  'meeting',
  'chat',
  'other',
] as const;
export type TouchpointType = (typeof TOUCHPOINT_TYPES)[number];

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const ACTIVITY_TYPES = ['call', 'email', 'meeting'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Position of a stage on the funnel, or -1 for a side stage. */
export function funnelIndex(stage: LeadStage): number {
  return (FUNNEL_STAGES as readonly string[]).indexOf(stage);
}
