import type { TouchpointType } from '../funnel/stages.ts';
import {
  CUSTOM_PREFIX,
  PATTERN_FLAGS,
  type BuiltinFitField,
  type DisqualifyReason,
  type DisqualifyRule,
  type EmailDomainType,
  type EngagementRule,
  type FitField,
  type FitRule,
  type LeadDefinition,
  type Seniority,
} from '../schemas/scoring.ts';
import { emailDomainOf, emailDomainType } from './email-domains.ts';

/**
 * Scores one lead against a lead definition: the same code on the server (on every touchpoint,
 * and when rescoring everyone) and in the browser (live preview while editing a definition).
 *
 * Rounding: each engagement rule's contribution is rounded to one decimal (tenths), and the
 * engagement total is the sum of those tenths rounded half up to a whole number. Fit points are
 * whole numbers already. The breakdown shows the one-decimal contributions.
 *
 * A field with no value (null or blank) matches only `is_empty`: the comparisons, including
 * `not_equals` and `not_in`, need a value to compare, because unknown is not evidence. Text
 * comparisons ignore case and surrounding spaces. Touches after `now` have not happened yet
 * (as when scoring history for a backtest) and are left out.
 */

export type CustomValue = string | number | boolean | null;

export type ScoringLead = {
  title: string | null;
  email: string | null;
  country: string | null;
  source: string | null;
  channel: string | null;
  custom: Record<string, CustomValue>;
};

export type ScoringAccount = { employees: number | null; industry: string | null; country: string | null; domain: string | null };

export type ScoringTouchpoint = {
  type: TouchpointType;
  url: string | null;
  campaignId: string | null;
  channel: string | null;
  occurredAt: Date;
};

export type ScoringSubject = { lead: ScoringLead; account: ScoringAccount | null; touchpoints: readonly ScoringTouchpoint[] };

export type ScoreLine = { ruleId: string; label: string; kind: 'fit' | 'engagement' | 'disqualify'; points: number; detail?: string };

export type Disqualification = { ruleId: string; reason: DisqualifyReason; label: string };

export type LeadScore = {
  fit: number;
  engagement: number;
  qualified: boolean;
  /** The first disqualify rule that matched, in definition order. */
  disqualified: Disqualification | null;
  /** Rules that gave points, then every disqualify rule that matched. */
  breakdown: ScoreLine[];
};

export type LeadScorer = { score(subject: ScoringSubject, now: Date): LeadScore };

const DAY_MS = 86_400_000;

/** Checked in this order, so "Vice President" is a VP and "Director of Student Affairs" a director. */
const SENIORITY_PATTERNS: [Seniority, RegExp][] = [
  [
    'c_level',
    /\b(ceo|cfo|cto|coo|cmo|cio|cro|cpo|cso|cdo|cco|ciso|chief|(co-?)?founder|managing director|chair(man|woman|person)|(?<!vice[\s-]?)president|(?<!(product|process)\s)owner)\b/,
  ],
  ['vp', /\b(vice[\s-]?president|vp|svp|evp|avp)\b/],
  ['director', /\b(director|head)\b/],
  ['manager', /\b(manager|mgr|supervisor|(team|tech|group)[\s-]?lead(er)?)\b/],
  ['student', /\b(student|intern|internship|trainee|apprentice|werkstudent|praktikant(in)?)\b/],
];

/** Seniority from an English job title, by keywords; a title matching none is an individual contributor. */
export function seniorityOf(title: string | null): Seniority {
  const text = title?.trim().toLowerCase();
  if (!text) return 'unknown';
  for (const [seniority, pattern] of SENIORITY_PATTERNS) if (pattern.test(text)) return seniority;
  return 'individual';
}

type FieldValue = string | number | boolean | null;

/** What one subject's derived fields are, computed at most once per score and only when a rule asks. */
class SubjectFacts {
  #seniority: Seniority | undefined;
  #emailDomain: string | null | undefined;
  #emailDomainType: EmailDomainType | undefined;

  constructor(
    readonly subject: ScoringSubject,
    private readonly competitorDomains: ReadonlySet<string>,
  ) {}

  get seniority(): Seniority {
    return (this.#seniority ??= seniorityOf(this.subject.lead.title));
  }

  get emailDomain(): string | null {
    if (this.#emailDomain === undefined) this.#emailDomain = emailDomainOf(this.subject.lead.email);
    return this.#emailDomain;
  }

  get emailDomainType(): EmailDomainType {
    return (this.#emailDomainType ??= emailDomainType(this.emailDomain, this.competitorDomains));
  }
}

type FieldReader = (facts: SubjectFacts) => FieldValue;

const BUILTIN_READERS: Record<BuiltinFitField, FieldReader> = {
  title: (facts) => facts.subject.lead.title,
  seniority: (facts) => facts.seniority,
  company_size: (facts) => facts.subject.account?.employees ?? null,
  industry: (facts) => facts.subject.account?.industry ?? null,
  country: ({ subject }) => (subject.lead.country?.trim() ? subject.lead.country : (subject.account?.country ?? null)),
  email_domain_type: (facts) => facts.emailDomainType,
  email_domain: (facts) => facts.emailDomain,
  source: (facts) => facts.subject.lead.source,
  channel: (facts) => facts.subject.lead.channel,
};

/** Custom fields are read as own properties only, so `custom.constructor` is just an absent field. */
function fieldReader(field: FitField): FieldReader {
  if (!field.startsWith(CUSTOM_PREFIX)) return BUILTIN_READERS[field as BuiltinFitField];
  const key = field.slice(CUSTOM_PREFIX.length);
  return ({ subject: { lead } }) => (Object.hasOwn(lead.custom, key) ? (lead.custom[key] ?? null) : null);
}

function isEmpty(value: FieldValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function comparable(value: string | number | boolean): string {
  return String(value).trim().toLowerCase();
}

function numberOf(value: FieldValue): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
}

type FieldCondition = FitRule | Extract<DisqualifyRule, { kind: 'field' }>;
type ValueTest = (value: string | number | boolean) => boolean;

/** Numbers, and text that reads as a number (custom fields), from min to max inclusive. */
function numberWithin(min: number, max: number): ValueTest {
  return (value) => {
    const number = numberOf(value);
    return number !== null && number >= min && number <= max;
  };
}

function valueTest(condition: FieldCondition): ValueTest {
  switch (condition.operator) {
    case 'equals':
    case 'not_equals': {
      const target = comparable(condition.value);
      const expected = condition.operator === 'equals';
      return (value) => (comparable(value) === target) === expected;
    }
    case 'in':
    case 'not_in': {
      const targets = new Set(condition.value.map(comparable));
      const expected = condition.operator === 'in';
      return (value) => targets.has(comparable(value)) === expected;
    }
    case 'contains': {
      const needle = comparable(condition.value);
      return (value) => comparable(value).includes(needle);
    }
    case 'matches': {
      const pattern = new RegExp(condition.value, PATTERN_FLAGS);
      return (value) => pattern.test(String(value));
    }
    case 'gte':
      return numberWithin(condition.value, Infinity);
    case 'lte':
      return numberWithin(-Infinity, condition.value);
    case 'between':
      return numberWithin(...condition.value);
    case 'is_empty':
    case 'is_not_empty':
      return () => condition.operator === 'is_not_empty';
  }
}

type CompiledCondition = { read: FieldReader; test: (value: FieldValue) => boolean };

function compileCondition(condition: FieldCondition): CompiledCondition {
  const test = valueTest(condition);
  const whenEmpty = condition.operator === 'is_empty';
  return { read: fieldReader(condition.field), test: (value) => (isEmpty(value) ? whenEmpty : test(value!)) };
}

function describeValue(field: FitField, value: FieldValue): string {
  return `${field}: ${isEmpty(value) ? 'empty' : String(value)}`;
}

/** A touchpoint filter with its pattern compiled; `withinMs` is Infinity when there is no window. */
type TouchMatcher = {
  types: ReadonlySet<TouchpointType> | null;
  url: RegExp | null;
  campaigns: ReadonlySet<string> | null;
  channel: string | null;
  withinMs: number;
  minCount: number;
};

type TouchFilter = Pick<EngagementRule, 'touchpointTypes' | 'urlPattern' | 'campaignIds' | 'channel' | 'withinDays' | 'minCount'>;

function touchMatcher(filter: TouchFilter): TouchMatcher {
  return {
    types: filter.touchpointTypes ? new Set(filter.touchpointTypes) : null,
    url: filter.urlPattern ? new RegExp(filter.urlPattern, PATTERN_FLAGS) : null,
    campaigns: filter.campaignIds ? new Set(filter.campaignIds) : null,
    channel: filter.channel ? comparable(filter.channel) : null,
    withinMs: filter.withinDays ? filter.withinDays * DAY_MS : Infinity,
    minCount: filter.minCount ?? 1,
  };
}

function touchMatches(matcher: TouchMatcher, touch: ScoringTouchpoint, ageMs: number, channel: string | null): boolean {
  return (
    ageMs <= matcher.withinMs &&
    (matcher.types === null || matcher.types.has(touch.type)) &&
    (matcher.campaigns === null || (touch.campaignId !== null && matcher.campaigns.has(touch.campaignId))) &&
    (matcher.channel === null || matcher.channel === channel) &&
    (matcher.url === null || (touch.url !== null && matcher.url.test(touch.url)))
  );
}

function touches(count: number): string {
  return count === 1 ? '1 touch' : `${count} touches`;
}

/** A touch rule counts when at least one touch, and at least its `minCount`, matched. */
function reachedMinCount(matcher: TouchMatcher, count: number): boolean {
  return count > 0 && count >= matcher.minCount;
}

/** A disqualify rule as compiled: the detail to show when it matches this subject, else null. */
type Disqualifier = { rule: DisqualifyRule; match: (facts: SubjectFacts, touchCounts: Uint32Array) => string | null };

/**
 * Compiles a (validated) definition once: patterns, sets and field readers are built here, so
 * scoring a lead allocates little beyond its result and walks its touchpoints once.
 */
export function compileDefinition(definition: LeadDefinition): LeadScorer {
  const competitorDomains: ReadonlySet<string> = new Set(definition.competitorDomains);
  const fitRules = definition.fitRules.map((rule) => ({ rule, ...compileCondition(rule) }));
  const engagementRules = definition.engagementRules;
  // One pass over the touches counts for the engagement rules first, then the touch disqualifiers.
  const matchers = engagementRules.map(touchMatcher);
  const disqualifiers = definition.disqualifyRules.map((rule): Disqualifier => {
    if (rule.kind === 'touchpoint') {
      const matcher = touchMatcher(rule);
      const index = matchers.push(matcher) - 1;
      return { rule, match: (_facts, counts) => (reachedMinCount(matcher, counts[index]!) ? touches(counts[index]!) : null) };
    }
    const { read, test } = compileCondition(rule);
    return {
      rule,
      match: (facts) => {
        const value = read(facts);
        return test(value) ? describeValue(rule.field, value) : null;
      },
    };
  });
  const readsChannel = matchers.some((matcher) => matcher.channel !== null);
  // A touch's weight is 0.5^(age / half-life), computed as e^(-rate × age): the same number, faster.
  const decayRate = definition.decayHalfLifeDays === null ? 0 : Math.LN2 / (definition.decayHalfLifeDays * DAY_MS);
  // Per-score work space, reused: scoring is synchronous, so one score never overlaps another.
  const counts = new Uint32Array(matchers.length);
  const weights = new Float64Array(engagementRules.length);

  function score(subject: ScoringSubject, now: Date): LeadScore {
    const nowMs = now.getTime();
    const facts = new SubjectFacts(subject, competitorDomains);
    const breakdown: ScoreLine[] = [];

    let fit = 0;
    for (const { rule, read, test } of fitRules) {
      const value = read(facts);
      if (!test(value) || rule.points === 0) continue;
      fit += rule.points;
      breakdown.push({ ruleId: rule.id, label: rule.label, kind: 'fit', points: rule.points, detail: describeValue(rule.field, value) });
    }

    counts.fill(0);
    weights.fill(0);
    for (const touch of subject.touchpoints) {
      const ageMs = nowMs - touch.occurredAt.getTime();
      if (ageMs < 0) continue;
      const weight = Math.exp(-decayRate * ageMs);
      const channel = readsChannel && touch.channel !== null ? comparable(touch.channel) : null;
      for (let i = 0; i < matchers.length; i++) {
        if (!touchMatches(matchers[i]!, touch, ageMs, channel)) continue;
        counts[i]!++;
        if (i < weights.length) weights[i]! += weight;
      }
    }

    let engagementTenths = 0;
    engagementRules.forEach((rule, i) => {
      const count = counts[i]!;
      if (!reachedMinCount(matchers[i]!, count)) return;
      const raw = weights[i]! * rule.pointsPerTouch;
      const clamped = Math.min(rule.cap, Math.max(-rule.cap, raw));
      const tenths = Math.round(clamped * 10);
      if (tenths === 0) return;
      engagementTenths += tenths;
      const detail = clamped === raw ? touches(count) : `${touches(count)}, capped at ${clamped}`;
      breakdown.push({ ruleId: rule.id, label: rule.label, kind: 'engagement', points: tenths / 10, detail });
    });
    const engagement = Math.round(engagementTenths / 10);

    let disqualified: Disqualification | null = null;
    for (const { rule, match } of disqualifiers) {
      const detail = match(facts, counts);
      if (detail === null) continue;
      breakdown.push({ ruleId: rule.id, label: rule.label, kind: 'disqualify', points: 0, detail });
      disqualified ??= { ruleId: rule.id, reason: rule.reason, label: rule.label };
    }

    const qualified = disqualified === null && fit >= definition.fitThreshold && engagement >= definition.engagementThreshold;
    return { fit, engagement, qualified, disqualified, breakdown };
  }

  return { score };
}

const compiled = new WeakMap<LeadDefinition, LeadScorer>();

/**
 * Scores one lead. The compiled definition is kept per definition object, so calling this in a
 * loop with the same definition compiles once; a definition is data and must not be mutated.
 */
export function scoreLead(definition: LeadDefinition, subject: ScoringSubject, now: Date): LeadScore {
  let scorer = compiled.get(definition);
  if (!scorer) {
    scorer = compileDefinition(definition);
    compiled.set(definition, scorer);
  }
  return scorer.score(subject, now);
}
