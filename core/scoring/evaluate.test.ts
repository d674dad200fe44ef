import { describe, expect, it } from 'vitest';
import type { TouchpointType } from '../funnel/stages.ts';
import { DEFAULT_LEAD_DEFINITION, ZLeadDefinition, type LeadDefinition } from '../schemas/scoring.ts';
import { compileDefinition, scoreLead, seniorityOf, type ScoringAccount, type ScoringLead, type ScoringSubject, type ScoringTouchpoint } from './evaluate.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY_MS = 86_400_000;

function define(partial: Record<string, unknown>): LeadDefinition {
  return ZLeadDefinition.parse({
    fitRules: [],
    engagementRules: [],
    disqualifyRules: [],
    fitThreshold: 0,
    engagementThreshold: 0,
    decayHalfLifeDays: null,
    competitorDomains: [],
    ...partial,
  });
}

const noLead: ScoringLead = { title: null, email: null, country: null, source: null, channel: null, custom: {} };

function subject(lead: Partial<ScoringLead> = {}, account: Partial<ScoringAccount> | null = null, touchpoints: ScoringTouchpoint[] = []): ScoringSubject {
  const fullAccount = account && { employees: null, industry: null, country: null, domain: null, ...account };
  return { lead: { ...noLead, ...lead }, account: fullAccount, touchpoints };
}

function touch(type: TouchpointType, daysAgo: number, more: Partial<ScoringTouchpoint> = {}): ScoringTouchpoint {
  return { type, url: null, campaignId: null, channel: null, occurredAt: new Date(NOW.getTime() - daysAgo * DAY_MS), ...more };
}

/** The fit of one rule worth 10 points on a subject: 10 when it matches, 0 when not. */
function fitOf(rule: Record<string, unknown>, scored: ScoringSubject): number {
  return scoreLead(define({ fitRules: [{ id: 'r', label: 'R', points: 10, ...rule }] }), scored, NOW).fit;
}

function engagementOf(rule: Record<string, unknown>, touchpoints: ScoringTouchpoint[], decayHalfLifeDays: number | null = null) {
  const definition = define({ engagementRules: [{ id: 'e', label: 'E', pointsPerTouch: 10, cap: 100, ...rule }], decayHalfLifeDays });
  return scoreLead(definition, subject({}, null, touchpoints), NOW);
}

describe('seniorityOf', () => {
  it.each([
    ['CEO', 'c_level'],
    ['Chief Revenue Officer', 'c_level'],
    ['CFO & Co-Founder', 'c_level'],
    ['Founder', 'c_level'],
    ['Owner', 'c_level'],
    ['President', 'c_level'],
    ['Managing Director', 'c_level'],
    ['Vice President of Sales', 'vp'],
    ['SVP Engineering', 'vp'],
    ['vp marketing', 'vp'],
    ['Director of Sales', 'director'],
    ['Head of Growth', 'director'],
    ['Director of Student Affairs', 'director'],
    ['Marketing Manager', 'manager'],
    ['Team Lead Support', 'manager'],
    ['Product Owner', 'individual'],
    ['Software Engineer', 'individual'],
    ['Internal Audit Specialist', 'individual'],
    ['Marketing Intern', 'student'],
    ['Student', 'student'],
    ['Working Student', 'student'],
    ['  ', 'unknown'],
    [null, 'unknown'],
  ] as const)('%s -> %s', (title, expected) => {
    expect(seniorityOf(title)).toBe(expected);
  });
});

describe('fit rule operators', () => {
  it('equals and not_equals compare text ignoring case and spaces; an empty value matches neither', () => {
    expect(fitOf({ field: 'title', operator: 'equals', value: 'vp marketing' }, subject({ title: ' VP Marketing ' }))).toBe(10);
    expect(fitOf({ field: 'title', operator: 'equals', value: 'vp marketing' }, subject({ title: 'VP Sales' }))).toBe(0);
    expect(fitOf({ field: 'country', operator: 'not_equals', value: 'Germany' }, subject({ country: 'France' }))).toBe(10);
    expect(fitOf({ field: 'country', operator: 'not_equals', value: 'Germany' }, subject({ country: 'germany' }))).toBe(0);
    expect(fitOf({ field: 'country', operator: 'not_equals', value: 'Germany' }, subject())).toBe(0);
  });

  it('in and not_in', () => {
    const rule = { field: 'industry', value: ['Software', 'Fintech'] };
    expect(fitOf({ ...rule, operator: 'in' }, subject({}, { industry: 'software' }))).toBe(10);
    expect(fitOf({ ...rule, operator: 'in' }, subject({}, { industry: 'Retail' }))).toBe(0);
    expect(fitOf({ ...rule, operator: 'not_in' }, subject({}, { industry: 'Retail' }))).toBe(10);
    expect(fitOf({ ...rule, operator: 'not_in' }, subject({}, { industry: 'Fintech' }))).toBe(0);
    expect(fitOf({ ...rule, operator: 'not_in' }, subject())).toBe(0);
  });

  it('contains is a case-insensitive substring', () => {
    expect(fitOf({ field: 'title', operator: 'contains', value: 'MARKET' }, subject({ title: 'Head of Marketing' }))).toBe(10);
    expect(fitOf({ field: 'title', operator: 'contains', value: 'market' }, subject({ title: 'Head of Sales' }))).toBe(0);
  });

  it('matches is a case-insensitive regular expression', () => {
    const rule = { field: 'email_domain', operator: 'matches', value: '^acme\\.(com|io)$' };
    expect(fitOf(rule, subject({ email: 'jane@ACME.io' }))).toBe(10);
    expect(fitOf(rule, subject({ email: 'jane@acme.co' }))).toBe(0);
    expect(fitOf(rule, subject())).toBe(0);
  });

  it('gte, lte and between include their bounds', () => {
    const size = (employees: number | null) => subject({}, { employees });
    expect(fitOf({ field: 'company_size', operator: 'gte', value: 50 }, size(50))).toBe(10);
    expect(fitOf({ field: 'company_size', operator: 'gte', value: 50 }, size(49))).toBe(0);
    expect(fitOf({ field: 'company_size', operator: 'gte', value: 50 }, size(null))).toBe(0);
    expect(fitOf({ field: 'company_size', operator: 'lte', value: 10 }, size(10))).toBe(10);
    expect(fitOf({ field: 'company_size', operator: 'lte', value: 10 }, size(11))).toBe(0);
    expect(fitOf({ field: 'company_size', operator: 'lte', value: 10 }, subject())).toBe(0);
    for (const [employees, points] of [[49, 0], [50, 10], [200, 10], [201, 0]] as const) {
      expect(fitOf({ field: 'company_size', operator: 'between', value: [50, 200] }, size(employees))).toBe(points);
    }
  });

  it('is_empty and is_not_empty treat null and blank text as empty', () => {
    expect(fitOf({ field: 'industry', operator: 'is_empty' }, subject())).toBe(10);
    expect(fitOf({ field: 'industry', operator: 'is_empty' }, subject({}, { industry: '  ' }))).toBe(10);
    expect(fitOf({ field: 'industry', operator: 'is_empty' }, subject({}, { industry: 'Retail' }))).toBe(0);
    expect(fitOf({ field: 'industry', operator: 'is_not_empty' }, subject({}, { industry: 'Retail' }))).toBe(10);
    expect(fitOf({ field: 'industry', operator: 'is_not_empty' }, subject())).toBe(0);
  });

  it('reads custom fields, numbers written as text, and only own properties', () => {
    expect(fitOf({ field: 'custom.budget', operator: 'gte', value: 1000 }, subject({ custom: { budget: '1500' } }))).toBe(10);
    expect(fitOf({ field: 'custom.budget', operator: 'gte', value: 1000 }, subject({ custom: { budget: 'lots' } }))).toBe(0);
    expect(fitOf({ field: 'custom.bot', operator: 'equals', value: true }, subject({ custom: { bot: true } }))).toBe(10);
    expect(fitOf({ field: 'custom.bot', operator: 'equals', value: true }, subject({ custom: { bot: false } }))).toBe(0);
    expect(fitOf({ field: 'custom.constructor', operator: 'is_empty' }, subject())).toBe(10);
  });

  it('takes the country from the lead, else from its account', () => {
    const rule = { field: 'country', operator: 'equals', value: 'DE' };
    expect(fitOf(rule, subject({}, { country: 'DE' }))).toBe(10);
    expect(fitOf(rule, subject({ country: 'FR' }, { country: 'DE' }))).toBe(0);
  });

  it('adds up negative rules and lists only rules that gave points, with what they saw', () => {
    const definition = define({
      fitRules: [
        { id: 'vp', label: 'VP', field: 'seniority', operator: 'equals', value: 'vp', points: 30 },
        { id: 'free', label: 'Free mail', field: 'email_domain_type', operator: 'equals', value: 'free', points: -20 },
        { id: 'neutral', label: 'Neutral', field: 'source', operator: 'equals', value: 'webinar', points: 0 },
        { id: 'de', label: 'Germany', field: 'country', operator: 'equals', value: 'DE', points: 10 },
      ],
    });
    const score = scoreLead(definition, subject({ title: 'VP Sales', email: 'a@gmail.com', source: 'webinar', country: 'FR' }), NOW);
    expect(score.fit).toBe(10);
    expect(score.breakdown).toEqual([
      { ruleId: 'vp', label: 'VP', kind: 'fit', points: 30, detail: 'seniority: vp' },
      { ruleId: 'free', label: 'Free mail', kind: 'fit', points: -20, detail: 'email_domain_type: free' },
    ]);
  });
});

describe('engagement rules', () => {
  it('gives a touch exactly one half-life old half its points', () => {
    const score = engagementOf({ touchpointTypes: ['page_view'] }, [touch('page_view', 30)], 30);
    expect(score.engagement).toBe(5);
    expect(score.breakdown).toEqual([{ ruleId: 'e', label: 'E', kind: 'engagement', points: 5, detail: '1 touch' }]);
  });

  it('rounds each rule to tenths and the total to a whole number, half up', () => {
    const twoHalfLives = engagementOf({ touchpointTypes: ['page_view'] }, [touch('page_view', 60)], 30);
    expect(twoHalfLives.breakdown[0]!.points).toBe(2.5);
    expect(twoHalfLives.engagement).toBe(3);
    const quarterOfFive = engagementOf({ pointsPerTouch: 5 }, [touch('page_view', 60)], 30);
    expect(quarterOfFive.breakdown[0]!.points).toBe(1.3);
    expect(quarterOfFive.engagement).toBe(1);
  });

  it('clamps a rule to its cap, for negative points too', () => {
    const five = [0, 1, 2, 3, 4].map((days) => touch('email_click', days));
    const positive = engagementOf({ cap: 30 }, five);
    expect(positive.engagement).toBe(30);
    expect(positive.breakdown[0]!.detail).toBe('5 touches, capped at 30');
    expect(engagementOf({ pointsPerTouch: -10, cap: 20 }, five).engagement).toBe(-20);
  });

  it('gives nothing below minCount', () => {
    const rule = { touchpointTypes: ['event'], minCount: 3 };
    const below = engagementOf(rule, [touch('event', 1), touch('event', 2), touch('page_view', 1)]);
    expect(below.engagement).toBe(0);
    expect(below.breakdown).toEqual([]);
    expect(engagementOf(rule, [touch('event', 1), touch('event', 2), touch('event', 3)]).engagement).toBe(30);
  });

  it('counts only touches within withinDays, the boundary included, and none from after now', () => {
    const touches = [touch('page_view', 7), touch('page_view', 7.01), touch('page_view', -1)];
    expect(engagementOf({ withinDays: 7 }, touches).engagement).toBe(10);
    expect(engagementOf({}, touches).engagement).toBe(20);
  });

  it('filters by url pattern, campaign and channel, each ignoring case where it is text', () => {
    const touches = [
      touch('page_view', 1, { url: 'https://acme.com/PRICING?plan=pro' }),
      touch('page_view', 1, { url: null }),
      touch('ad_click', 1, { campaignId: 'c-1', channel: 'Paid_Social' }),
      touch('ad_click', 1, { campaignId: 'c-2', channel: 'paid_social' }),
    ];
    expect(engagementOf({ urlPattern: '/pricing' }, touches).engagement).toBe(10);
    expect(engagementOf({ campaignIds: ['c-1'] }, touches).engagement).toBe(10);
    expect(engagementOf({ channel: 'paid_social' }, touches).engagement).toBe(20);
    expect(engagementOf({ touchpointTypes: ['ad_click'], campaignIds: ['c-2'], channel: 'PAID_SOCIAL' }, touches).engagement).toBe(10);
  });
});

describe('disqualify rules and qualification', () => {
  const definition = define({
    fitRules: [{ id: 'vp', label: 'VP', field: 'seniority', operator: 'equals', value: 'vp', points: 50 }],
    engagementRules: [{ id: 'demo', label: 'Demo', touchpointTypes: ['form_submit'], pointsPerTouch: 40, cap: 40 }],
    disqualifyRules: [
      { id: 'careers', label: 'Careers', reason: 'job_seeker', kind: 'touchpoint', urlPattern: '/careers', minCount: 2 },
      { id: 'rival', label: 'Rival', reason: 'competitor', kind: 'field', field: 'email_domain_type', operator: 'equals', value: 'competitor' },
    ],
    fitThreshold: 50,
    engagementThreshold: 40,
    competitorDomains: ['rival.com'],
  });
  const demo = touch('form_submit', 0);
  const careers = (days: number) => touch('page_view', days, { url: 'https://acme.com/careers' });

  it('qualifies at exactly both thresholds', () => {
    const score = scoreLead(definition, subject({ title: 'VP Sales', email: 'a@acme.com' }, null, [demo]), NOW);
    expect(score).toMatchObject({ fit: 50, engagement: 40, qualified: true, disqualified: null });
  });

  it('disqualifies whatever the score, and still shows the score', () => {
    const score = scoreLead(definition, subject({ title: 'VP Sales', email: 'a@eu.rival.com' }, null, [demo]), NOW);
    expect(score.qualified).toBe(false);
    expect(score.disqualified).toEqual({ ruleId: 'rival', reason: 'competitor', label: 'Rival' });
    expect(score.fit).toBe(50);
    expect(score.breakdown.at(-1)).toEqual({ ruleId: 'rival', label: 'Rival', kind: 'disqualify', points: 0, detail: 'email_domain_type: competitor' });
  });

  it('takes the first matching rule in definition order as the reason, and lists all', () => {
    const score = scoreLead(definition, subject({ email: 'a@rival.com' }, null, [careers(1), careers(2)]), NOW);
    expect(score.disqualified?.ruleId).toBe('careers');
    expect(score.breakdown.filter((line) => line.kind === 'disqualify').map((line) => [line.ruleId, line.detail])).toEqual([
      ['careers', '2 touches'],
      ['rival', 'email_domain_type: competitor'],
    ]);
  });

  it('needs minCount touches for a touchpoint disqualify rule', () => {
    const score = scoreLead(definition, subject({ title: 'VP Sales' }, null, [demo, careers(1)]), NOW);
    expect(score).toMatchObject({ qualified: true, disqualified: null });
  });

  it('compileDefinition gives the same score as scoreLead', () => {
    const scored = subject({ title: 'VP Sales', email: 'a@acme.com' }, null, [demo, careers(1)]);
    expect(compileDefinition(definition).score(scored, NOW)).toEqual(scoreLead(definition, scored, NOW));
  });
});

describe('DEFAULT_LEAD_DEFINITION', () => {
  it('qualifies a director at a mid-size company who asked for a demo after looking at pricing', () => {
    const touches = [touch('form_submit', 0, { url: 'https://acme.com/demo' }), touch('page_view', 0, { url: 'https://acme.com/pricing' })];
    const score = scoreLead(DEFAULT_LEAD_DEFINITION, subject({ title: 'Head of IT', email: 'kim@buyer.com' }, { employees: 200 }, touches), NOW);
    expect(score).toMatchObject({ fit: 55, engagement: 51, qualified: true, disqualified: null });
    expect(score.breakdown.map((line) => [line.ruleId, line.points])).toEqual([
      ['director', 25],
      ['mid-size', 20],
      ['business-email', 10],
      ['demo-request', 40],
      ['pricing', 10],
      ['page-views', 1],
    ]);
  });

  it('disqualifies job seekers, students and bots, and only counts free mail against fit', () => {
    const jobs = [touch('page_view', 1, { url: 'https://acme.com/careers/' }), touch('page_view', 2, { url: 'https://jobs.acme.com/' })];
    const blog = [1, 2].map((days) => touch('page_view', days, { url: 'https://acme.com/blog/jobs-to-be-done' }));
    const reasonOf = (scored: ScoringSubject) => scoreLead(DEFAULT_LEAD_DEFINITION, scored, NOW).disqualified?.reason ?? null;
    expect(reasonOf(subject({}, null, jobs))).toBe('job_seeker');
    expect(reasonOf(subject({}, null, blog))).toBeNull();
    expect(reasonOf(subject({ title: 'Marketing Intern' }))).toBe('student');
    expect(reasonOf(subject({ email: 'sam@ox.ac.uk' }))).toBe('student');
    expect(reasonOf(subject({ custom: { bot: true } }))).toBe('bot');
    const freeMail = scoreLead(DEFAULT_LEAD_DEFINITION, subject({ title: 'CEO', email: 'sam@gmail.com' }), NOW);
    expect(freeMail).toMatchObject({ fit: 10, disqualified: null });
  });
});
