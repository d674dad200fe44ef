import type { ScoreLine } from '../scoring/evaluate.ts';

/** What a rep reads when an MQL lands: why it qualified, what the person did, and the context. */
export type HandoverNote = {
  version: number;
  fit: number;
  engagement: number;
  reasons: ScoreLine[];
  latestTouchpoints: { type: string; url: string | null; channel: string | null; occurredAt: string }[];
  campaign: { id: string; name: string } | null;
  account: { name: string; industry: string | null; employees: number | null; country: string | null; openDeals: number; wonDeals: number } | null;
  summary: string;
};

export type HandoverInput = Omit<HandoverNote, 'summary' | 'reasons' | 'latestTouchpoints'> & {
  leadName: string;
  breakdown: ScoreLine[];
  touchpoints: HandoverNote['latestTouchpoints'];
};

const LATEST_TOUCHPOINTS = 5;
const TOP_REASONS = 3;

/** The note: reasons by points (largest first), the latest touchpoints, and a one-line summary. */
export function buildHandoverNote(input: HandoverInput): HandoverNote {
  const reasons = input.breakdown.filter((line) => line.kind !== 'disqualify' && line.points > 0).sort((a, b) => b.points - a.points);
  const latestTouchpoints = [...input.touchpoints].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, LATEST_TOUCHPOINTS);
  const why = reasons.slice(0, TOP_REASONS).map((line) => `${line.label} (+${line.points})`).join(', ');
  const where = input.account ? ` at ${input.account.name}` : '';
  const from = input.campaign ? ` via ${input.campaign.name}` : '';
  return {
    version: input.version,
    fit: input.fit,
    engagement: input.engagement,
    reasons,
    latestTouchpoints,
    campaign: input.campaign,
    account: input.account,
    summary: `${input.leadName}${where}${from} qualified under contract v${input.version}: fit ${input.fit}, engagement ${input.engagement}${why ? `; ${why}` : ''}.`,
  };
}
