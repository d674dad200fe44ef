import { RULE_LISTS, type DisqualifyRule, type EngagementRule, type FitRule, type LeadDefinition, type RuleList } from '../schemas/scoring.ts';

/** What changed between two versions of a lead definition, for "what changed since the signed version". */

export type PropertyChange = { property: string; before: string; after: string };

export type DefinitionChange = {
  kind: 'rule_added' | 'rule_removed' | 'rule_changed' | 'threshold_changed' | 'decay_changed' | 'competitor_added' | 'competitor_removed';
  /** The rule list of a rule change, else null. */
  list: RuleList | null;
  /** The rule id, the setting (fitThreshold, engagementThreshold, decayHalfLifeDays) or the domain. */
  target: string;
  /** One sentence for people. */
  summary: string;
  /** For a changed rule or setting: each property that changed, old → new. */
  properties: PropertyChange[];
};

type AnyRule = FitRule | EngagementRule | DisqualifyRule;

const LIST_NOUNS: Record<RuleList, string> = {
  fitRules: 'Fit rule',
  engagementRules: 'Engagement rule',
  disqualifyRules: 'Disqualify rule',
};

const OPERATOR_TEXT: Record<FitRule['operator'], string> = {
  equals: '=',
  not_equals: '≠',
  in: 'in',
  not_in: 'not in',
  contains: 'contains',
  matches: 'matches',
  gte: '≥',
  lte: '≤',
  between: 'between',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
};

/** Properties listed in the order people read a rule; anything else follows alphabetically. */
const PROPERTY_ORDER = [
  'label',
  'kind',
  'reason',
  'field',
  'operator',
  'value',
  'points',
  'touchpointTypes',
  'urlPattern',
  'campaignIds',
  'channel',
  'withinDays',
  'minCount',
  'pointsPerTouch',
  'cap',
];

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return String(value);
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

function describeCondition(rule: FitRule | Extract<DisqualifyRule, { kind: 'field' }>): string {
  const operator = OPERATOR_TEXT[rule.operator];
  return 'value' in rule ? `${rule.field} ${operator} ${formatValue(rule.value)}` : `${rule.field} ${operator}`;
}

function describeTouchFilter(rule: EngagementRule | Extract<DisqualifyRule, { kind: 'touchpoint' }>): string {
  const parts = [
    rule.touchpointTypes && rule.touchpointTypes.join(' or '),
    rule.urlPattern && `url matches /${rule.urlPattern}/`,
    rule.campaignIds && `campaign in ${formatValue(rule.campaignIds)}`,
    rule.channel && `channel ${rule.channel}`,
    rule.withinDays && `in the last ${rule.withinDays} days`,
    rule.minCount && rule.minCount > 1 && `at least ${rule.minCount} touches`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'any touch';
}

function describeRule(list: RuleList, rule: AnyRule): string {
  if (list === 'fitRules') {
    const fit = rule as FitRule;
    return `${describeCondition(fit)}: ${signed(fit.points)}`;
  }
  if (list === 'engagementRules') {
    const engagement = rule as EngagementRule;
    return `${describeTouchFilter(engagement)}: ${signed(engagement.pointsPerTouch)} per touch, cap ${engagement.cap}`;
  }
  const disqualify = rule as DisqualifyRule;
  const condition = disqualify.kind === 'field' ? describeCondition(disqualify) : describeTouchFilter(disqualify);
  return `${condition}: disqualified as ${disqualify.reason}`;
}

function propertyOrder(property: string): number {
  const index = PROPERTY_ORDER.indexOf(property);
  return index < 0 ? PROPERTY_ORDER.length : index;
}

function changedProperties(before: AnyRule, after: AnyRule): PropertyChange[] {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const properties = [...new Set([...Object.keys(old), ...Object.keys(now)])]
    .filter((property) => property !== 'id' && JSON.stringify(old[property]) !== JSON.stringify(now[property]))
    .sort((a, b) => propertyOrder(a) - propertyOrder(b) || a.localeCompare(b));
  return properties.map((property) => ({ property, before: formatValue(old[property]), after: formatValue(now[property]) }));
}

function listPropertyChanges(properties: PropertyChange[]): string {
  return properties.map((p) => `${p.property} ${p.before} → ${p.after}`).join('; ');
}

function ruleChanges(list: RuleList, before: readonly AnyRule[], after: readonly AnyRule[]): DefinitionChange[] {
  const noun = LIST_NOUNS[list];
  const oldById = new Map(before.map((rule) => [rule.id, rule]));
  const newIds = new Set(after.map((rule) => rule.id));
  const changes: DefinitionChange[] = [];
  for (const rule of after) {
    const name = `${noun} ${rule.id} (${rule.label})`;
    const old = oldById.get(rule.id);
    if (!old) {
      changes.push({ kind: 'rule_added', list, target: rule.id, summary: `${name} added: ${describeRule(list, rule)}`, properties: [] });
      continue;
    }
    const properties = changedProperties(old, rule);
    if (properties.length > 0) {
      changes.push({ kind: 'rule_changed', list, target: rule.id, summary: `${name} changed: ${listPropertyChanges(properties)}`, properties });
    }
  }
  for (const rule of before) {
    if (newIds.has(rule.id)) continue;
    changes.push({ kind: 'rule_removed', list, target: rule.id, summary: `${noun} ${rule.id} (${rule.label}) removed: ${describeRule(list, rule)}`, properties: [] });
  }
  return changes;
}

function halfLife(days: number | null): string {
  return days === null ? 'none' : `${days} days`;
}

function settingChanges(a: LeadDefinition, b: LeadDefinition): DefinitionChange[] {
  const settings = [
    { kind: 'threshold_changed', target: 'fitThreshold', name: 'Fit threshold', before: String(a.fitThreshold), after: String(b.fitThreshold) },
    { kind: 'threshold_changed', target: 'engagementThreshold', name: 'Engagement threshold', before: String(a.engagementThreshold), after: String(b.engagementThreshold) },
    { kind: 'decay_changed', target: 'decayHalfLifeDays', name: 'Decay half-life', before: halfLife(a.decayHalfLifeDays), after: halfLife(b.decayHalfLifeDays) },
  ] as const;
  return settings
    .filter((setting) => setting.before !== setting.after)
    .map(({ kind, target, name, before, after }) => ({
      kind,
      list: null,
      target,
      summary: `${name} ${before} → ${after}`,
      properties: [{ property: target, before, after }],
    }));
}

function competitorChanges(a: LeadDefinition, b: LeadDefinition): DefinitionChange[] {
  const before = new Set(a.competitorDomains);
  const after = new Set(b.competitorDomains);
  const change = (kind: 'competitor_added' | 'competitor_removed', domain: string): DefinitionChange => ({
    kind,
    list: null,
    target: domain,
    summary: `Competitor domain ${domain} ${kind === 'competitor_added' ? 'added' : 'removed'}`,
    properties: [],
  });
  return [
    ...[...after].filter((domain) => !before.has(domain)).map((domain) => change('competitor_added', domain)),
    ...[...before].filter((domain) => !after.has(domain)).map((domain) => change('competitor_removed', domain)),
  ];
}

/**
 * The changes from `a` (say, the signed version) to `b` (the draft): per rule list, rules added or
 * changed in b's order then rules removed, then thresholds and decay, then competitor domains.
 */
export function diffDefinitions(a: LeadDefinition, b: LeadDefinition): DefinitionChange[] {
  return [
    ...RULE_LISTS.flatMap((list) => ruleChanges(list, a[list], b[list])),
    ...settingChanges(a, b),
    ...competitorChanges(a, b),
  ];
}
