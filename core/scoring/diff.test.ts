import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_DEFINITION, type LeadDefinition } from '../schemas/scoring.ts';
import { diffDefinitions } from './diff.ts';

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(DEFAULT_LEAD_DEFINITION, structuredClone(DEFAULT_LEAD_DEFINITION))).toEqual([]);
  });

  it('lists rules added, changed and removed, thresholds, decay and competitor domains', () => {
    const signed: LeadDefinition = {
      fitRules: [
        { id: 'senior', label: 'Senior', field: 'seniority', operator: 'in', value: ['c_level', 'vp'], points: 30 },
        { id: 'size', label: 'Size', field: 'company_size', operator: 'between', value: [50, 1000], points: 20 },
      ],
      engagementRules: [{ id: 'pricing', label: 'Pricing', touchpointTypes: ['page_view'], urlPattern: '/pricing', pointsPerTouch: 10, cap: 30 }],
      disqualifyRules: [],
      fitThreshold: 40,
      engagementThreshold: 30,
      decayHalfLifeDays: 30,
      competitorDomains: ['rival.com', 'other.io'],
    };
    const draft: LeadDefinition = {
      fitRules: [
        { id: 'senior', label: 'Senior roles', field: 'seniority', operator: 'in', value: ['c_level', 'vp', 'director'], points: 30 },
        { id: 'size', label: 'Size', field: 'company_size', operator: 'between', value: [50, 1000], points: 20 },
        { id: 'free', label: 'Free mail', field: 'email_domain_type', operator: 'equals', value: 'free', points: -20 },
      ],
      engagementRules: [],
      disqualifyRules: [
        { id: 'jobs', label: 'Jobs', reason: 'job_seeker', kind: 'touchpoint', touchpointTypes: ['page_view'], urlPattern: '/careers', minCount: 2, withinDays: 90 },
      ],
      fitThreshold: 50,
      engagementThreshold: 30,
      decayHalfLifeDays: null,
      competitorDomains: ['rival.com', 'newrival.com'],
    };
    expect(diffDefinitions(signed, draft)).toEqual([
      {
        kind: 'rule_changed',
        list: 'fitRules',
        target: 'senior',
        summary: 'Fit rule senior (Senior roles) changed: label Senior → Senior roles; value [c_level, vp] → [c_level, vp, director]',
        properties: [
          { property: 'label', before: 'Senior', after: 'Senior roles' },
          { property: 'value', before: '[c_level, vp]', after: '[c_level, vp, director]' },
        ],
      },
      { kind: 'rule_added', list: 'fitRules', target: 'free', summary: 'Fit rule free (Free mail) added: email_domain_type = free: -20', properties: [] },
      {
        kind: 'rule_removed',
        list: 'engagementRules',
        target: 'pricing',
        summary: 'Engagement rule pricing (Pricing) removed: page_view, url matches //pricing/: +10 per touch, cap 30',
        properties: [],
      },
      {
        kind: 'rule_added',
        list: 'disqualifyRules',
        target: 'jobs',
        summary: 'Disqualify rule jobs (Jobs) added: page_view, url matches //careers/, in the last 90 days, at least 2 touches: disqualified as job_seeker',
        properties: [],
      },
      {
        kind: 'threshold_changed',
        list: null,
        target: 'fitThreshold',
        summary: 'Fit threshold 40 → 50',
        properties: [{ property: 'fitThreshold', before: '40', after: '50' }],
      },
      {
        kind: 'decay_changed',
        list: null,
        target: 'decayHalfLifeDays',
        summary: 'Decay half-life 30 days → none',
        properties: [{ property: 'decayHalfLifeDays', before: '30 days', after: 'none' }],
      },
      { kind: 'competitor_added', list: null, target: 'newrival.com', summary: 'Competitor domain newrival.com added', properties: [] },
      { kind: 'competitor_removed', list: null, target: 'other.io', summary: 'Competitor domain other.io removed', properties: [] },
    ]);
  });

  it('shows a property that appears or disappears as none on the other side', () => {
    const before: LeadDefinition = { ...DEFAULT_LEAD_DEFINITION, engagementRules: [{ id: 'web', label: 'Web', pointsPerTouch: 1, cap: 10 }] };
    const after: LeadDefinition = { ...before, engagementRules: [{ id: 'web', label: 'Web', pointsPerTouch: 2, cap: 10, withinDays: 30 }] };
    expect(diffDefinitions(before, after).map((change) => change.summary)).toEqual(['Engagement rule web (Web) changed: withinDays none → 30; pointsPerTouch 1 → 2']);
  });
});
