import type { ActivityType, LeadStage, TouchpointType } from './stages.ts';

/** One event in the story of a lead or a deal, as the server sends it and the page shows it. */
export type TimelineEntry =
  | { kind: 'touchpoint'; at: string; type: TouchpointType; url: string | null; channel: string | null; campaignName: string | null }
  | { kind: 'stage'; at: string; from: LeadStage | null; to: LeadStage; reason: string | null; cause: string; actorName: string | null }
  | { kind: 'activity'; at: string; type: ActivityType; outcome: string | null; notes: string | null; actorName: string | null };
