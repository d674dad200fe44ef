import { z } from 'zod';
import { TOUCHPOINT_TYPES } from '../funnel/stages.ts';
import { ZTouchpointType } from './funnel.ts';

/**
 * The lead definition: what "qualified" means, as data both teams sign. Fit rules read the lead and
 * its account, engagement rules read its touchpoints, disqualify rules overrule any score.
 * Scoring itself lives in `core/scoring/evaluate.ts`; this file is the contract and its checks.
 */

export const SENIORITIES = ['c_level', 'vp', 'director', 'manager', 'individual', 'student', 'unknown'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const EMAIL_DOMAIN_TYPES = ['business', 'free', 'education', 'competitor', 'none'] as const;
export type EmailDomainType = (typeof EMAIL_DOMAIN_TYPES)[number];

export const BUILTIN_FIT_FIELDS = [
  'title',
  'seniority',
  'company_size',
  'industry',
  'country',
  'email_domain_type',
  'email_domain',
  'source',
  'channel',
] as const;
export type BuiltinFitField = (typeof BUILTIN_FIT_FIELDS)[number];
export type FitField = BuiltinFitField | `custom.${string}`;

export const FIT_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'contains',
  'matches',
  'gte',
  'lte',
  'between',
  'is_empty',
  'is_not_empty',
] as const;
export type FitOperator = (typeof FIT_OPERATORS)[number];

export const DISQUALIFY_REASONS = ['job_seeker', 'student', 'free_mail', 'competitor', 'bot', 'other'] as const;
export type DisqualifyReason = (typeof DISQUALIFY_REASONS)[number];

export const MAX_THRESHOLD = 1000;
export const MAX_RULE_POINTS = 100;
const MAX_RULES_PER_LIST = 100;
/** Fields `custom.<key>` read the lead's custom field `<key>`. */
export const CUSTOM_PREFIX = 'custom.';

/** How a field's values compare: `company_size` is a number, custom fields may hold anything. */
type FieldKind = 'text' | 'number' | 'any';

function fieldKind(field: FitField): FieldKind {
  if (field === 'company_size') return 'number';
  return field.startsWith(CUSTOM_PREFIX) ? 'any' : 'text';
}

/** Fields whose values come from a fixed list, so a rule's value is checked against it. */
const ENUMERATED_VALUES: Partial<Record<BuiltinFitField, readonly string[]>> = {
  seniority: SENIORITIES,
  email_domain_type: EMAIL_DOMAIN_TYPES,
};

const NUMERIC_OPERATORS: readonly FitOperator[] = ['gte', 'lte', 'between'];
const TEXT_OPERATORS: readonly FitOperator[] = ['contains', 'matches'];

/** Patterns are case-insensitive JavaScript regular expressions written without slashes. */
export const PATTERN_FLAGS = 'i';

function regexError(source: string): string | null {
  try {
    new RegExp(source, PATTERN_FLAGS);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error);
    return `invalid regular expression: ${reason}`;
  }
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` });

const ZPattern = text(300).check((ctx) => {
  const message = regexError(ctx.value);
  if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
});

export const ZRuleId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { error: 'must be 1 to 40 lowercase letters, digits, - or _, starting with a letter or digit' });

const ZPoints = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(-MAX_RULE_POINTS, { error: `must be at least -${MAX_RULE_POINTS}` })
  .max(MAX_RULE_POINTS, { error: `must be at most ${MAX_RULE_POINTS}` });

const ZPositiveInt = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });

const ZThreshold = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must be at least 0' })
  .max(MAX_THRESHOLD, { error: `must be at most ${MAX_THRESHOLD}` });

export const ZFitField = z.union([z.enum(BUILTIN_FIT_FIELDS), z.templateLiteral([CUSTOM_PREFIX, z.string().min(1).max(80)])], {
  error: `must be one of: ${BUILTIN_FIT_FIELDS.join(', ')}, or custom.<key>`,
});

const ZScalar = z.union([text(200), z.number(), z.boolean()], { error: 'must be text, a number or true/false' });
const ZNumber = z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be a finite number' });

/** The operator and value of a condition on one field; each operator takes its own kind of value. */
function conditionVariants<S extends z.ZodRawShape>(shape: S) {
  return [
    z.object({ ...shape, operator: z.enum(['equals', 'not_equals']), value: ZScalar }),
    z.object({
      ...shape,
      operator: z.enum(['in', 'not_in']),
      value: z
        .array(z.union([text(200), z.number()], { error: 'must be text or a number' }))
        .min(1, { error: 'must list at least one value' })
        .max(100, { error: 'must list at most 100 values' }),
    }),
    z.object({ ...shape, operator: z.literal('contains'), value: text(200) }),
    z.object({ ...shape, operator: z.literal('matches'), value: ZPattern }),
    z.object({ ...shape, operator: z.enum(['gte', 'lte']), value: ZNumber }),
    z.object({
      ...shape,
      operator: z.literal('between'),
      value: z.tuple([ZNumber, ZNumber], { error: 'must be [min, max]' }).refine(([min, max]) => min <= max, { error: 'min must not be above max' }),
    }),
    z.object({ ...shape, operator: z.enum(['is_empty', 'is_not_empty']) }),
  ] as const;
}

type Condition = { field: FitField; operator: FitOperator; value?: unknown };

/** Whether the operator and the value suit the field: the checks a single value's schema cannot make. */
function checkConditionFits(condition: Condition, issues: { message: string; path: string[] }[]): void {
  const { field, operator, value } = condition;
  const kind = fieldKind(field);
  if (kind === 'text' && NUMERIC_OPERATORS.includes(operator)) {
    issues.push({ path: ['operator'], message: `${operator} compares numbers and works on company_size or custom fields, not on ${field}` });
    return;
  }
  if (kind === 'number' && TEXT_OPERATORS.includes(operator)) {
    issues.push({ path: ['operator'], message: `${operator} compares text and does not work on ${field}; use equals, in, gte, lte or between` });
    return;
  }
  if (operator !== 'equals' && operator !== 'not_equals' && operator !== 'in' && operator !== 'not_in') return;
  const values = Array.isArray(value) ? value : [value];
  if (kind === 'number' && values.some((v) => typeof v !== 'number')) {
    issues.push({ path: ['value'], message: `must be a number for ${field}` });
  } else if (kind === 'text' && values.some((v) => typeof v !== 'string')) {
    issues.push({ path: ['value'], message: `must be text for ${field}` });
  } else {
    const allowed = ENUMERATED_VALUES[field as BuiltinFitField];
    if (allowed && values.some((v) => !allowed.includes(String(v)))) {
      issues.push({ path: ['value'], message: `must be one of: ${allowed.join(', ')}` });
    }
  }
}

function fieldCondition<S extends z.ZodRawShape>(shape: S) {
  return z
    .discriminatedUnion('operator', conditionVariants({ ...shape, field: ZFitField }), {
      error: `operator must be one of: ${FIT_OPERATORS.join(', ')}`,
    })
    .check((ctx) => {
      const issues: { message: string; path: string[] }[] = [];
      checkConditionFits(ctx.value as Condition, issues);
      for (const issue of issues) ctx.issues.push({ code: 'custom', input: ctx.value, ...issue });
    });
}

const ruleBase = { id: ZRuleId, label: text(120) };

export const ZFitRule = fieldCondition({ ...ruleBase, points: ZPoints });
export type FitRule = z.infer<typeof ZFitRule>;

/** Which touchpoints a rule counts; every filter given must match, an absent filter matches all. */
const touchFilter = {
  touchpointTypes: z
    .array(ZTouchpointType)
    .min(1, { error: `must list at least one of: ${TOUCHPOINT_TYPES.join(', ')}` })
    .optional(),
  urlPattern: ZPattern.optional(),
  campaignIds: z.array(text(200)).min(1, { error: 'must list at least one campaign' }).max(100).optional(),
  channel: text(100).optional(),
  withinDays: ZPositiveInt.max(3650, { error: 'must be at most 3650' }).optional(),
  minCount: ZPositiveInt.max(10_000, { error: 'must be at most 10000' }).optional(),
};

export const ZEngagementRule = z.object({
  ...ruleBase,
  ...touchFilter,
  pointsPerTouch: ZPoints,
  cap: ZPositiveInt.max(MAX_THRESHOLD, { error: `must be at most ${MAX_THRESHOLD}` }),
});
export type EngagementRule = z.infer<typeof ZEngagementRule>;

const ZDisqualifyReason = z.enum(DISQUALIFY_REASONS, { error: `must be one of: ${DISQUALIFY_REASONS.join(', ')}` });

export const ZDisqualifyRule = z.discriminatedUnion(
  'kind',
  [
    fieldCondition({ ...ruleBase, reason: ZDisqualifyReason, kind: z.literal('field') }),
    z
      .object({ ...ruleBase, reason: ZDisqualifyReason, kind: z.literal('touchpoint'), ...touchFilter })
      .refine((rule) => rule.touchpointTypes || rule.urlPattern || rule.campaignIds || rule.channel, {
        error: 'needs touchpointTypes, urlPattern, campaignIds or channel, else every lead with a touch is disqualified',
        path: ['touchpointTypes'],
      }),
  ],
  { error: 'kind must be field or touchpoint' },
);
export type DisqualifyRule = z.infer<typeof ZDisqualifyRule>;

export const RULE_LISTS = ['fitRules', 'engagementRules', 'disqualifyRules'] as const;
export type RuleList = (typeof RULE_LISTS)[number];

const ZDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: 'must be a domain such as rival.com' });

export const ZLeadDefinition = z
  .object({
    fitRules: z.array(ZFitRule).max(MAX_RULES_PER_LIST),
    engagementRules: z.array(ZEngagementRule).max(MAX_RULES_PER_LIST),
    disqualifyRules: z.array(ZDisqualifyRule).max(MAX_RULES_PER_LIST),
    fitThreshold: ZThreshold,
    engagementThreshold: ZThreshold,
    /** Days after which a touch counts half; null: touches never lose weight. */
    decayHalfLifeDays: z.number({ error: 'must be a number or null' }).positive({ error: 'must be above 0' }).max(3650).nullable(),
    /** Email domains of competitors (subdomains included), for `email_domain_type` = competitor. */
    competitorDomains: z.array(ZDomain).max(200),
  })
  .check((ctx) => {
    const firstUse = new Map<string, string>();
    for (const list of RULE_LISTS) {
      ctx.value[list].forEach((rule, index) => {
        const where = `${list}.${index}`;
        const earlier = firstUse.get(rule.id);
        if (earlier) ctx.issues.push({ code: 'custom', input: rule.id, path: [list, index, 'id'], message: `duplicate rule id "${rule.id}": also used by ${earlier}` });
        else firstUse.set(rule.id, where);
      });
    }
  });
export type LeadDefinition = z.infer<typeof ZLeadDefinition>;

/**
 * The definition a workspace starts from. Reasoning behind each choice:
 * - fit: senior roles and mid-to-large companies are buyers; a business address counts a
 *   little, a free-mail address counts against (a negative rule, not a disqualification:
 *   founders of small firms do use gmail).
 * - engagement: a demo or contact request is the strongest signal and alone reaches the
 *   threshold; pricing visits and webinars add up; clicks and page views add a little. Touches
 *   lose half their weight every 30 days.
 * - disqualify: two visits to a careers or jobs page (one curious click is not a job hunt) mark
 *   a job seeker; a student title or a university address marks a student (remove that rule when
 *   selling to universities); competitors' domains; and leads flagged `custom.bot` by tracking.
 */
export const DEFAULT_LEAD_DEFINITION: LeadDefinition = {
  fitRules: [
    { id: 'senior-role', label: 'Executive or VP', field: 'seniority', operator: 'in', value: ['c_level', 'vp'], points: 30 },
    { id: 'director', label: 'Director or head of', field: 'seniority', operator: 'equals', value: 'director', points: 25 },
    { id: 'manager', label: 'Manager', field: 'seniority', operator: 'equals', value: 'manager', points: 10 },
    { id: 'mid-size', label: '50 to 1,000 employees', field: 'company_size', operator: 'between', value: [50, 1000], points: 20 },
    { id: 'large', label: 'More than 1,000 employees', field: 'company_size', operator: 'gte', value: 1001, points: 15 },
    { id: 'business-email', label: 'Business email address', field: 'email_domain_type', operator: 'equals', value: 'business', points: 10 },
    { id: 'free-mail', label: 'Free-mail address', field: 'email_domain_type', operator: 'equals', value: 'free', points: -20 },
  ],
  engagementRules: [
    { id: 'demo-request', label: 'Asked for a demo or contact', touchpointTypes: ['form_submit'], urlPattern: '/(demo|contact)', pointsPerTouch: 40, cap: 40 },
    { id: 'pricing', label: 'Visited the pricing page', touchpointTypes: ['page_view'], urlPattern: '/pricing', pointsPerTouch: 10, cap: 30 },
    { id: 'webinar', label: 'Attended an event or webinar', touchpointTypes: ['event'], pointsPerTouch: 15, cap: 30 },
    { id: 'email-click', label: 'Clicked an email', touchpointTypes: ['email_click'], pointsPerTouch: 3, cap: 15 },
    { id: 'page-views', label: 'Visited the website', touchpointTypes: ['page_view'], pointsPerTouch: 1, cap: 10, withinDays: 90 },
  ],
  disqualifyRules: [
    {
      id: 'job-seeker',
      label: 'Visits the careers pages',
      reason: 'job_seeker',
      kind: 'touchpoint',
      touchpointTypes: ['page_view'],
      urlPattern: '/(careers|jobs)([/?#.]|$)',
      minCount: 2,
      withinDays: 90,
    },
    { id: 'student-title', label: 'Student or intern', reason: 'student', kind: 'field', field: 'seniority', operator: 'equals', value: 'student' },
    { id: 'student-email', label: 'University email address', reason: 'student', kind: 'field', field: 'email_domain_type', operator: 'equals', value: 'education' },
    { id: 'competitor', label: 'Works for a competitor', reason: 'competitor', kind: 'field', field: 'email_domain_type', operator: 'equals', value: 'competitor' },
    { id: 'bot', label: 'Flagged as a bot', reason: 'bot', kind: 'field', field: 'custom.bot', operator: 'equals', value: true },
  ],
  fitThreshold: 40,
  engagementThreshold: 30,
  decayHalfLifeDays: 30,
  competitorDomains: [],
};
