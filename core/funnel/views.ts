import type { ActivityType, LeadStage, TouchpointType } from './stages.ts';

/** Shapes the funnel API sends and the pages show. */

/** A row of the leads list. */
export type LeadListItem = {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  stage: LeadStage;
  source: string | null;
  channel: string | null;
  ownerName: string | null;
  createdAt: string;
  stageChangedAt: string;
};

/** One event in the story of a lead or a deal. */
export type TimelineEntry =
  | { kind: 'touchpoint'; at: string; type: TouchpointType; url: string | null; channel: string | null; campaignName: string | null }
  | { kind: 'stage'; at: string; from: LeadStage | null; to: LeadStage; reason: string | null; cause: string; actorName: string | null }
  | { kind: 'activity'; at: string; type: ActivityType; outcome: string | null; notes: string | null; actorName: string | null };
