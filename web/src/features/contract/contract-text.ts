/** The lead contract in words people read: labels of fields, operators, reasons, and each rule as a sentence. */
import type { TouchpointType } from '../../../../core/funnel/stages.ts';
import type { SigningRole } from '../../../../core/permissions.ts';
import {
  CUSTOM_PREFIX,
  type BuiltinFitField,
  type DisqualifyReason,
  type DisqualifyRule,
  type EngagementRule,
  type FitOperator,
  type FitRule,
  type LeadDefinition,
} from '../../../../core/schemas/scoring.ts';
import type { SlaPolicy } from '../../../../core/schemas/sla.ts';
import type { ContractStatus } from '../../types.ts';

/** How a co-signed document's version status looks (the lead contract's and the credit policy's). */
export const STATUS_LOOK: Record<ContractStatus, { label: string; color: string; description: string }> = {
  draft: { label: 'Draft', color: 'gray', description: 'Being written; not yet put up for signature.' },
  proposed: { label: 'Proposed', color: 'blue', description: 'Waiting for the marketing lead and the sales manager to sign.' },
  active: { label: 'Active', color: 'teal', description: 'Signed by both teams: this is the version in force.' },
  retired: { label: 'Retired', color: 'orange', description: 'Was active until a newer version was signed.' },
};

/** The seat each signing role signs for. */
export const SIGNER_LABELS: Record<SigningRole, { seat: string; team: string }> = {
  marketing_lead: { seat: 'Marketing lead', team: 'Marketing' },
  sales_manager: { seat: 'Sales manager', team: 'Sales' },
};

export const FIELD_LABELS: Record<BuiltinFitField, string> = {
  title: 'Job title',
  seniority: 'Seniority (from the job title)',
  company_size: 'Company size (employees)',
  industry: 'Industry',
  country: 'Country',
  email_domain_type: 'Email address type',
  email_domain: 'Email domain',
  source: 'Source',
  channel: 'Channel',
};

export const OPERATOR_LABELS: Record<FitOperator, string> = {
  equals: 'is',
  not_equals: 'is not',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  matches: 'matches pattern',
  gte: 'is at least',
  lte: 'is at most',
  between: 'is between',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
};

/** Values of the fields that come from a fixed list, in words. */
export const VALUE_LABELS: Record<string, string> = {
  c_level: 'C-level',
  vp: 'VP',
  director: 'Director',
  manager: 'Manager',
  individual: 'Individual contributor',
  student: 'Student',
  unknown: 'Unknown',
  business: 'Business',
  free: 'Free-mail',
  education: 'University',
  competitor: 'Competitor',
  none: 'None',
};

export const REASON_LABELS: Record<DisqualifyReason, string> = {
  job_seeker: 'Job seeker',
  student: 'Student',
  free_mail: 'Free-mail address',
  competitor: 'Competitor',
  bot: 'Bot',
  other: 'Other',
};

export const TOUCHPOINT_LABELS: Record<TouchpointType, string> = {
  page_view: 'Page view',
  form_submit: 'Form submit',
  email_open: 'Email open',
  email_click: 'Email click',
  ad_click: 'Ad click',
  event: 'Event or webinar',
  call: 'Call',
  meeting: 'Meeting',
  chat: 'Chat',
  other: 'Other',
};

/** Touches of each type, counted: "page views". */
const TOUCHES: Record<TouchpointType, string> = {
  page_view: 'page views',
  form_submit: 'form submits',
  email_open: 'email opens',
  email_click: 'email clicks',
  ad_click: 'ad clicks',
  event: 'events or webinars',
  call: 'calls',
  meeting: 'meetings',
  chat: 'chats',
  other: 'other touches',
};

export function fieldLabel(field: string): string {
  if (field.startsWith(CUSTOM_PREFIX)) return `Custom field “${field.slice(CUSTOM_PREFIX.length)}”`;
  return FIELD_LABELS[field as BuiltinFitField] ?? field;
}

export function reasonLabel(reason: string): string {
  return REASON_LABELS[reason as DisqualifyReason] ?? reason;
}

function valueText(value: unknown): string {
  if (typeof value === 'number') return new Intl.NumberFormat().format(value);
  const text = String(value);
  return VALUE_LABELS[text] ?? text;
}

function orList(values: readonly unknown[], joiner = 'or'): string {
  const words = values.map(valueText);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${joiner} ${words.at(-1)}`;
}

type Condition = FitRule | Extract<DisqualifyRule, { kind: 'field' }>;

/** "Seniority (from the job title) is one of C-level or VP". */
export function describeCondition(rule: Condition): string {
  const field = fieldLabel(rule.field);
  switch (rule.operator) {
    case 'in':
    case 'not_in':
      return `${field} ${OPERATOR_LABELS[rule.operator]} ${orList(rule.value)}`;
    case 'between':
      return `${field} is between ${valueText(rule.value[0])} and ${valueText(rule.value[1])}`;
    case 'matches':
      return `${field} matches “${rule.value}”`;
    case 'is_empty':
    case 'is_not_empty':
      return `${field} ${OPERATOR_LABELS[rule.operator]}`;
    default:
      return `${field} ${OPERATOR_LABELS[rule.operator]} ${valueText(rule.value)}`;
  }
}

type TouchFilter = Pick<EngagementRule, 'touchpointTypes' | 'urlPattern' | 'campaignIds' | 'channel' | 'withinDays' | 'minCount'>;

/** "Page views on addresses matching /pricing/, in the last 90 days". */
export function describeTouches(rule: TouchFilter, campaignName: (id: string) => string = (id) => id): string {
  const types = rule.touchpointTypes?.length ? orList(rule.touchpointTypes.map((type) => TOUCHES[type])) : 'touches of any kind';
  const parts = [
    rule.minCount && rule.minCount > 1 ? `${rule.minCount} or more ${types}` : types,
    rule.urlPattern && `on addresses matching “${rule.urlPattern}”`,
    rule.campaignIds?.length && `from ${orList(rule.campaignIds.map(campaignName))}`,
    rule.channel && `on the ${rule.channel} channel`,
    rule.withinDays && `in the last ${rule.withinDays} days`,
  ].filter(Boolean);
  const sentence = parts.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function signedPoints(points: number): string {
  const text = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(Math.abs(points));
  return points > 0 ? `+${text}` : points < 0 ? `−${text}` : text;
}

export function describeEngagement(rule: EngagementRule, campaignName?: (id: string) => string): string {
  return `${describeTouches(rule, campaignName)}: ${signedPoints(rule.pointsPerTouch)} per touch, at most ${rule.cap}`;
}

export function describeDisqualify(rule: DisqualifyRule, campaignName?: (id: string) => string): string {
  return rule.kind === 'field' ? describeCondition(rule) : describeTouches(rule, campaignName);
}

/** The definition's headline: when a lead becomes an MQL. */
export function describeThresholds(definition: LeadDefinition): string {
  const decay =
    definition.decayHalfLifeDays === null
      ? 'Touches keep their full weight however old they are.'
      : `A touch counts half after ${definition.decayHalfLifeDays} days, a quarter after ${definition.decayHalfLifeDays * 2}.`;
  return `A lead becomes an MQL when its fit score reaches ${definition.fitThreshold} and its engagement score reaches ${definition.engagementThreshold}, unless a disqualify rule matches. ${decay}`;
}

/** Each side's commitment, as both teams signed it. */
export function describeSla(sla: SlaPolicy): { sales: string; marketing: string; recycle: string } {
  const hours = sla.firstContactHours === 1 ? '1 business hour' : `${valueText(sla.firstContactHours)} business hours`;
  return {
    sales: `First contact within ${hours} of receiving an MQL, and ${sla.attempts} ${sla.attempts === 1 ? 'attempt' : 'attempts'} within ${sla.attemptsWithinDays} ${sla.attemptsWithinDays === 1 ? 'day' : 'days'}.`,
    marketing: `${valueText(sla.mqlsPerMonth)} MQLs a month, with at least ${valueText(sla.acceptedPercent)} % of those decided accepted by Sales.`,
    recycle: `An MQL neither accepted nor rejected ${sla.staleAfterDays} days after qualifying goes back to nurture.`,
  };
}

export const SLA_LABELS: Record<keyof SlaPolicy, string> = {
  firstContactHours: 'First contact within (business hours)',
  attempts: 'Contact attempts',
  attemptsWithinDays: 'Attempts within (days)',
  mqlsPerMonth: 'MQLs per month',
  acceptedPercent: 'Accepted by Sales (%)',
  staleAfterDays: 'Recycle undecided MQLs after (days)',
};
