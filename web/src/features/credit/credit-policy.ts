import { IconAdjustments, IconMinus, IconPencil, IconPlus } from '@tabler/icons-react';
import type { AttributionModel } from '../../../../core/attribution/attribute.ts';
import type { SourcingRule } from '../../../../core/attribution/deal-journeys.ts';
import { TOUCHPOINT_TYPES } from '../../../../core/funnel/stages.ts';
import { queryKeys } from '../../query-keys.ts';
import type { CreditRules } from '../../types.ts';
import type { ChangeLine } from '../contract/ChangesFromActive.tsx';
import type { CoSignedDoc } from '../contract/co-signed.ts';
import { TOUCHPOINT_LABELS } from '../contract/contract-text.ts';

/** The credit policy as a co-signed document: the same pages and signing as the lead contract. */
export const CREDIT_POLICY: CoSignedDoc = {
  api: 'credit/policy',
  page: 'credit-policy',
  title: 'Credit policy',
  noun: 'policy',
  content: 'which model settles credit, and what counts as sourced and as influenced',
  whenActive: 'credit for targets and bonuses is settled by it',
  startsFrom: 'Accord’s default rules',
  commentExample: 'e.g. Should event attendance count as influence?',
  versionsKey: queryKeys.creditPolicyVersions,
  versionKey: queryKeys.creditPolicyVersion,
  edit: 'credit.edit',
  sign: 'credit.sign',
};

export const MODEL_LABELS: Record<AttributionModel, { label: string; description: string }> = {
  first_touch: { label: 'First touch', description: 'All credit to the first touch in the lookback window.' },
  last_touch: { label: 'Last touch', description: 'All credit to the last touch before the conversion.' },
  linear: { label: 'Linear', description: 'Credit shared evenly among every touch.' },
  time_decay: { label: 'Time decay', description: 'Recent touches count more: a touch 7 days older counts half.' },
  u_shaped: { label: 'U-shaped', description: '40 % to the first touch, 40 % to the last, 20 % shared by the rest.' },
  w_shaped: { label: 'W-shaped', description: '30 % each to the first touch, lead creation and opportunity creation; 10 % shared by the rest.' },
  markov: { label: 'Markov', description: 'By how many conversions would be lost without each channel (removal effect).' },
  shapley: { label: 'Shapley', description: 'Each journey’s conversions shared evenly among the channels it touched.' },
};

export const SOURCING_LABELS: Record<SourcingRule, { label: string; description: string }> = {
  lead_source: { label: 'The lead’s source', description: 'The channel and campaign recorded on the deal’s lead.' },
  first_touch: { label: 'The first touch', description: 'The channel and campaign of the first touch in the lookback window (the lead’s record when there is none).' },
};

/** "Page view, Form submit or Call"; every type: "every touchpoint type". */
export function touchTypesText(types: readonly string[]): string {
  if (types.length === TOUCHPOINT_TYPES.length) return 'Every touchpoint type';
  return types.map((type) => TOUCHPOINT_LABELS[type as keyof typeof TOUCHPOINT_LABELS] ?? type).join(', ');
}

/** What a version changes from the active rules, one line per rule. */
export function policyChanges(active: CreditRules, next: CreditRules): ChangeLine[] {
  const lines: ChangeLine[] = [];
  if (active.settlingModel !== next.settlingModel) {
    lines.push({ key: 'model', icon: IconAdjustments, color: 'grape', text: `Settling model ${MODEL_LABELS[active.settlingModel].label} → ${MODEL_LABELS[next.settlingModel].label}` });
  }
  if (active.sourcedBy !== next.sourcedBy) {
    lines.push({ key: 'sourced', icon: IconAdjustments, color: 'grape', text: `Sourced by ${SOURCING_LABELS[active.sourcedBy].label.toLowerCase()} → ${SOURCING_LABELS[next.sourcedBy].label.toLowerCase()}` });
  }
  for (const type of TOUCHPOINT_TYPES) {
    const before = active.influencedTouchTypes.includes(type);
    const after = next.influencedTouchTypes.includes(type);
    if (before && !after) lines.push({ key: `i-${type}`, icon: IconMinus, color: 'red', text: `${TOUCHPOINT_LABELS[type]} no longer counts as influence` });
    if (!before && after) lines.push({ key: `i-${type}`, icon: IconPlus, color: 'teal', text: `${TOUCHPOINT_LABELS[type]} counts as influence` });
  }
  if (active.terms.trim() !== next.terms.trim()) lines.push({ key: 'terms', icon: IconPencil, color: 'blue', text: 'The terms were reworded' });
  return lines;
}
