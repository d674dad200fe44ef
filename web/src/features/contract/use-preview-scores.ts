import { useMemo } from 'react';
import type { LeadDefinition } from '../../../../core/schemas/scoring.ts';
import { compileDefinition, type LeadScore, type ScoringSubject } from '../../../../core/scoring/evaluate.ts';
import type { SampleLead } from '../../types.ts';

export type PreviewRow = { lead: SampleLead; candidate: LeadScore | null; active: LeadScore | null };
export type PreviewScores = { rows: PreviewRow[]; candidateMqls: number | null; activeMqls: number | null };

/** The sample's touch times as dates, converted once per sample rather than on every edit. */
export function useSampleSubjects(sample: SampleLead[] | undefined): ScoringSubject[] {
  return useMemo(
    () =>
      (sample ?? []).map(({ subject }) => ({
        ...subject,
        touchpoints: subject.touchpoints.map((touch) => ({ ...touch, occurredAt: new Date(touch.occurredAt) })),
      })),
    [sample],
  );
}

function scoreAll(definition: LeadDefinition | null, subjects: ScoringSubject[], now: Date): LeadScore[] | null {
  if (!definition) return null;
  const scorer = compileDefinition(definition);
  return subjects.map((subject) => scorer.score(subject, now));
}

/**
 * The sample scored by the definition being edited and by the active one, in the browser with the
 * server's own scoring code. The active side is scored once; the edited side whenever it changes.
 */
export function usePreviewScores(sample: SampleLead[] | undefined, definition: LeadDefinition | null, activeDefinition: LeadDefinition | null, now: Date): PreviewScores {
  const subjects = useSampleSubjects(sample);
  const candidate = useMemo(() => scoreAll(definition, subjects, now), [definition, subjects, now]);
  const active = useMemo(() => scoreAll(activeDefinition, subjects, now), [activeDefinition, subjects, now]);
  return useMemo(() => {
    const rows = (sample ?? []).map((lead, index) => ({ lead, candidate: candidate?.[index] ?? null, active: active?.[index] ?? null }));
    const count = (scores: LeadScore[] | null) => (scores ? scores.filter((score) => score.qualified).length : null);
    return { rows, candidateMqls: count(candidate), activeMqls: count(active) };
  }, [sample, candidate, active]);
}
