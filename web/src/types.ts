/** Shapes of what the server sends, taken from the shared schemas (types only: no zod in the bundle). */
import type { z } from 'zod';
import type { PresetName } from '../../core/csv/presets.ts';
import type { FunnelLine, StageCounts, StageStep, Velocity } from '../../core/funnel/metrics.ts';
import type { DealStatus, LeadStage } from '../../core/funnel/stages.ts';
import type { LeadListItem, TimelineEntry } from '../../core/funnel/views.ts';
import type { ImportMode, ImportReport } from '../../core/csv/import-report.ts';
import type { FUNNEL_GROUPINGS } from '../../core/schemas/funnel.ts';
import type { ZLinkInfo, ZMe } from '../../core/schemas/identity.ts';
import type {
  ZAuditEvent,
  ZInvitation,
  ZInvitationInfo,
  ZMember,
  ZOneTimeLink,
  ZToken,
  ZTokenCreated,
  ZWorkspace,
} from '../../core/schemas/workspaces.ts';

export type Me = z.infer<typeof ZMe>;
export type User = Me['user'];
export type WorkspaceSummary = Me['workspaces'][number];
export type Workspace = z.infer<typeof ZWorkspace>;
export type Member = z.infer<typeof ZMember>;
export type Invitation = z.infer<typeof ZInvitation>;
export type InvitationInfo = z.infer<typeof ZInvitationInfo>;
export type LinkInfo = z.infer<typeof ZLinkInfo>;
export type OneTimeLink = z.infer<typeof ZOneTimeLink>;
export type Token = z.infer<typeof ZToken>;
export type TokenCreated = z.infer<typeof ZTokenCreated>;
export type AuditEvent = z.infer<typeof ZAuditEvent>;
export type Page<T> = { items: T[]; nextCursor: string | null };
export type Items<T> = { items: T[] };

// ---------------------------------------------------------------------------------------------
// The funnel: leads, accounts, deals, activities (as the funnel routes send them)

type CustomFields = Record<string, string | number | boolean | null>;

export type Lead = {
  id: string;
  externalId: string | null;
  name: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  phone: string | null;
  company: string | null;
  country: string | null;
  accountId: string | null;
  accountName: string | null;
  stage: LeadStage;
  stageChangedAt: string;
  ownerId: string | null;
  ownerName: string | null;
  source: string | null;
  channel: string | null;
  campaignId: string | null;
  campaignName: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  custom: CustomFields;
  createdAt: string;
  updatedAt: string;
};

export type { ImportMode, ImportReport, LeadListItem, TimelineEntry };

export type Deal = {
  id: string;
  externalId: string | null;
  name: string;
  accountId: string | null;
  leadId: string | null;
  ownerId: string | null;
  amountMinor: number;
  listAmountMinor: number;
  /** 0.15 is a 15 % discount from the list amount. */
  discountRate: number;
  currency: string;
  status: DealStatus;
  stage: string | null;
  lossReason: string | null;
  competitor: string | null;
  createdAt: string;
  closedAt: string | null;
  updatedAt: string;
};

export type LeadDetail = { lead: Lead; deals: Deal[]; timeline: TimelineEntry[] };

export type Account = {
  id: string;
  externalId: string | null;
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  country: string | null;
  custom: CustomFields;
  createdAt: string;
  updatedAt: string;
};

export type AccountPerson = {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  stage: LeadStage;
  createdAt: string;
};

export type AccountDetail = { account: Account; leads: AccountPerson[]; deals: Deal[] };

export type DealDetail = { deal: Deal; accountName: string | null; leadName: string | null; ownerName: string | null; timeline: TimelineEntry[] };

/** A saved view of the leads list: its filters as query-string values. */
export type SavedView = { id: string; name: string; filter: Record<string, string> };

export type FunnelGrouping = (typeof FUNNEL_GROUPINGS)[number];

export type FunnelReport = {
  by: FunnelGrouping;
  /** First day of the period, and the day after its last one (YYYY-MM-DD). */
  from: string;
  to: string;
  windowDays: number;
  groups: FunnelLine[];
  total: FunnelLine;
  cohorts: (FunnelLine & { cohort: string })[];
  velocity: Velocity[];
  period: { entered: StageCounts; steps: StageStep[] };
  dataQuality: { stageBeforeCreation: number; wonBeforeFirstTouch: number; negativeDurations: number };
};

// ---------------------------------------------------------------------------------------------
// CSV import and website tracking

export type ImportPreset = { name: PresetName; label: string; description: string; requiredColumns: string[] };
export type TrackingSite = {
  id: string;
  name: string;
  publicKey: string;
  allowedOrigins: string[];
  isActive: boolean;
  createdAt: string;
  /** The HTML line to paste into the website's pages. */
  snippet: string;
};
