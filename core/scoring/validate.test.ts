import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_DEFINITION, ZLeadDefinition, type LeadDefinition } from '../schemas/scoring.ts';
import { validateDefinition } from './validate.ts';

const empty: LeadDefinition = {
  fitRules: [],
  engagementRules: [],
  disqualifyRules: [],
  fitThreshold: 0,
  engagementThreshold: 0,
  decayHalfLifeDays: null,
  competitorDomains: [],
};

function errorsOf(input: unknown) {
  const result = validateDefinition(input);
  return result.ok ? [] : result.errors;
}

const fit = (id: string, rule: Record<string, unknown>) => ({ id, label: `Rule ${id}`, points: 10, ...rule });

describe('ZLeadDefinition', () => {
  it('accepts the default definition unchanged', () => {
    expect(ZLeadDefinition.parse(DEFAULT_LEAD_DEFINITION)).toEqual(DEFAULT_LEAD_DEFINITION);
  });

  it('names the rule and property of an invalid regular expression', () => {
    const fitRules = [
      fit('a', { field: 'title', operator: 'contains', value: 'vp' }),
      fit('b', { field: 'title', operator: 'contains', value: 'cto' }),
      fit('c', { field: 'title', operator: 'matches', value: '(head|lead' }),
    ];
    const engagementRules = [{ id: 'd', label: 'D', urlPattern: '[pricing', pointsPerTouch: 5, cap: 10 }];
    expect(errorsOf({ ...empty, fitRules, engagementRules })).toEqual([
      { field: 'fitRules.2.value', message: 'invalid regular expression: Unterminated group' },
      { field: 'engagementRules.0.urlPattern', message: 'invalid regular expression: Unterminated character class' },
    ]);
  });

  it('refuses a rule id used twice, across lists', () => {
    const disqualifyRules = [{ id: 'a', label: 'A', reason: 'bot', kind: 'field', field: 'custom.bot', operator: 'equals', value: true }];
    expect(errorsOf({ ...empty, fitRules: [fit('a', { field: 'title', operator: 'is_empty' })], disqualifyRules })).toEqual([
      { field: 'disqualifyRules.0.id', message: 'duplicate rule id "a": also used by fitRules.0' },
    ]);
  });

  it('keeps thresholds within 0..1000', () => {
    expect(errorsOf({ ...empty, fitThreshold: 1001, engagementThreshold: -1 })).toEqual([
      { field: 'fitThreshold', message: 'must be at most 1000' },
      { field: 'engagementThreshold', message: 'must be at least 0' },
    ]);
    expect(errorsOf({ ...empty, fitThreshold: 1000 })).toEqual([]);
  });

  it('refuses numeric operators on text fields and text operators on numbers', () => {
    const fitRules = [
      fit('a', { field: 'title', operator: 'gte', value: 5 }),
      fit('b', { field: 'company_size', operator: 'contains', value: '5' }),
      fit('c', { field: 'custom.budget', operator: 'between', value: [1, 5] }),
    ];
    expect(errorsOf({ ...empty, fitRules })).toEqual([
      { field: 'fitRules.0.operator', message: 'gte compares numbers and works on company_size or custom fields, not on title' },
      { field: 'fitRules.1.operator', message: 'contains compares text and does not work on company_size; use equals, in, gte, lte or between' },
    ]);
  });

  it('checks values against the field: type, the listed values, and a range', () => {
    const fitRules = [
      fit('a', { field: 'company_size', operator: 'equals', value: '50' }),
      fit('b', { field: 'country', operator: 'in', value: ['DE', 49] }),
      fit('c', { field: 'seniority', operator: 'in', value: ['vp', 'VP'] }),
      fit('d', { field: 'company_size', operator: 'between', value: [500, 50] }),
    ];
    expect(errorsOf({ ...empty, fitRules })).toEqual([
      { field: 'fitRules.0.value', message: 'must be a number for company_size' },
      { field: 'fitRules.1.value', message: 'must be text for country' },
      { field: 'fitRules.2.value', message: 'must be one of: c_level, vp, director, manager, individual, student, unknown' },
      { field: 'fitRules.3.value', message: 'min must not be above max' },
    ]);
  });

  it('refuses a field not in the list, an unknown operator and out-of-range points', () => {
    const fitRules = [
      fit('a', { field: 'salary', operator: 'is_empty' }),
      fit('b', { field: 'title', operator: 'like', value: 'x' }),
      fit('c', { field: 'title', operator: 'is_empty', points: 101 }),
    ];
    expect(errorsOf({ ...empty, fitRules })).toEqual([
      {
        field: 'fitRules.0.field',
        message: 'must be one of: title, seniority, company_size, industry, country, email_domain_type, email_domain, source, channel, or custom.<key>',
      },
      { field: 'fitRules.1.operator', message: 'operator must be one of: equals, not_equals, in, not_in, contains, matches, gte, lte, between, is_empty, is_not_empty' },
      { field: 'fitRules.2.points', message: 'must be at most 100' },
    ]);
  });

  it('refuses a touchpoint disqualify rule that would match every touch', () => {
    const disqualifyRules = [{ id: 'a', label: 'A', reason: 'bot', kind: 'touchpoint', minCount: 500 }];
    expect(errorsOf({ ...empty, disqualifyRules })).toEqual([
      { field: 'disqualifyRules.0.touchpointTypes', message: 'needs touchpointTypes, urlPattern, campaignIds or channel, else every lead with a touch is disqualified' },
    ]);
  });

  it('refuses engagement rules without a positive cap and normalizes competitor domains', () => {
    const engagementRules = [{ id: 'a', label: 'A', pointsPerTouch: 5, cap: 0 }];
    expect(errorsOf({ ...empty, engagementRules })).toEqual([{ field: 'engagementRules.0.cap', message: 'must be at least 1' }]);
    expect(ZLeadDefinition.parse({ ...empty, competitorDomains: [' Rival.COM '] }).competitorDomains).toEqual(['rival.com']);
    expect(errorsOf({ ...empty, competitorDomains: ['rival'] })).toEqual([{ field: 'competitorDomains.0', message: 'must be a domain such as rival.com' }]);
  });
});
