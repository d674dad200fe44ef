/** Shapes of what the server sends, taken from the shared schemas (types only: no zod in the bundle). */
import type { z } from 'zod';
import type { PresetName } from '../../core/csv/presets.ts';
import type { FunnelLine, StageCounts, StageStep, Velocity } from '../../core/funnel/metrics.ts';
import type { DealStatus, FunnelStage, LeadStage } from '../../core/funnel/stages.ts';
import type { Role, SigningRole } from '../../core/permissions.ts';
import type { DisqualifyReason, LeadDefinition } from '../../core/schemas/scoring.ts';
import type { RejectionReason, SlaPolicy, WorkingCalendar } from '../../core/schemas/sla.ts';
import type { RoutingRules } from '../../core/schemas/routing.ts';
import type { MarketingLedgerLine, SalesLedgerLine } from '../../core/sla/ledger.ts';
import type { HandoverNote } from '../../core/sla/handover.ts';
import type { AttemptsState, FirstContactState, SlaBreach } from '../../core/sla/policy.ts';
import type { BacktestResult } from '../../core/scoring/backtest.ts';
import type { DefinitionChange } from '../../core/scoring/diff.ts';
import type { ScoreLine, ScoringSubject, ScoringTouchpoint } from '../../core/scoring/evaluate.ts';
import type { LeadListItem, TimelineEntry } from '../../core/funnel/views.ts';
import type { ImportMode, ImportReport } from '../../core/csv/import-report.ts';
import type { FUNNEL_GROUPINGS } from '../../core/schemas/funnel.ts';
import type { DeliveryDto, NotificationDto, PreferenceDto, WebhookDto, WebhookTestResult } from '../../core/schemas/notifications.ts';
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

// ---------------------------------------------------------------------------------------------
// The lead contract: versions of the lead definition and SLA that both teams sign

export type ContractStatus = 'draft' | 'proposed' | 'active' | 'retired';

export type ContractSignature = {
  id: string;
  version: number;
  userId: string;
  userName: string;
  role: SigningRole;
  signedAt: string;
  /** Set when the version changed after this signature, which then no longer counts. */
  voidedAt: string | null;
};

export type ContractVersionSummary = {
  version: number;
  name: string;
  status: ContractStatus;
  contentHash: string;
  basedOn: number | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  proposedAt: string | null;
  activatedAt: string | null;
  retiredAt: string | null;
  /** The valid signatures (voided ones are left out of the list). */
  signatures: ContractSignature[];
};

export type ContractComment = { id: string; userId: string; userName: string; body: string; createdAt: string };

export type ContractVersion = Omit<ContractVersionSummary, 'signatures'> & {
  definition: LeadDefinition;
  sla: SlaPolicy;
  /** Every signature, voided ones too. */
  signatures: ContractSignature[];
  comments: ContractComment[];
  /** The signing roles still missing on a proposed version. */
  awaiting: SigningRole[];
  changesFromActive: DefinitionChange[];
};

export type ContractContent = { name: string; definition: LeadDefinition; sla: SlaPolicy };
export type ContractSaved = Omit<ContractVersionSummary, 'signatures'> & { voidedSignatures: SigningRole[] };
export type ContractSigned = { version: number; role: SigningRole; activated: boolean };
export type ContractDiff = {
  from: number;
  to: number;
  changes: DefinitionChange[];
  slaChanges: { property: keyof SlaPolicy; before: number; after: number }[];
};

export type BacktestReport = BacktestResult & { version: number; activeVersion: number | null; from: string; to: string };

/** A recent lead as the editor's preview scores it; times arrive as ISO strings. */
export type SampleLead = {
  id: string;
  name: string;
  stage: LeadStage;
  createdAt: string;
  subject: Omit<ScoringSubject, 'touchpoints'> & { touchpoints: (Omit<ScoringTouchpoint, 'occurredAt'> & { occurredAt: string })[] };
  reached: Partial<Record<FunnelStage, boolean>>;
};

/** A lead's score under the contract version that made it. */
export type LeadScoreRecord = {
  version: number;
  fit: number;
  engagement: number;
  qualified: boolean;
  disqualifiedReason: DisqualifyReason | null;
  breakdown: ScoreLine[];
  scoredAt: string;
};

export type Campaign = { id: string; name: string; channel: string | null };

// ---------------------------------------------------------------------------------------------
// Notifications: the person's inbox and preferences, the workspace's webhooks and delivery log

/** One notification in the person's inbox; `link` is a path inside the workspace, e.g. `leads/<id>`. */
export type InboxNotification = NotificationDto;
export type InboxPage = Page<InboxNotification> & { unread: number };
export type NotificationPreference = PreferenceDto;
export type Webhook = WebhookDto;
export type WebhookCreated = { webhook: Webhook; secret: string };
export type { WebhookTestResult };
export type Delivery = DeliveryDto;

// ---------------------------------------------------------------------------------------------
// MQL handover and the SLA: the rep's inbox, one lead's handover, the two-sided ledger, sales settings

export type { AttemptsState, FirstContactState, HandoverNote, MarketingLedgerLine, RejectionReason, RoutingRules, SalesLedgerLine, SlaPolicy, WorkingCalendar };

/** Sales' side of the SLA for one MQL as of now (times as ISO strings). */
export type LeadSla = {
  firstContactDueAt: string;
  firstContactAt: string | null;
  firstContactBusinessHours: number | null;
  firstContactState: FirstContactState;
  attemptsDueAt: string;
  attemptsMade: number;
  attemptsState: AttemptsState;
  stale: boolean;
  breaches: { kind: SlaBreach['kind']; dueAt: string }[];
};

export type HandoverDecision = 'accepted' | 'rejected' | 'recycled';

/** One row of the MQL inbox. */
export type Handover = {
  leadId: string;
  leadName: string;
  company: string | null;
  source: string | null;
  version: number;
  mqlAt: string;
  ownerId: string | null;
  ownerName: string | null;
  assignedAt: string | null;
  routingRule: string | null;
  routingNote: string | null;
  firstContactDueAt: string | null;
  attemptsDueAt: string | null;
  decision: HandoverDecision | null;
  decidedAt: string | null;
  decidedBy: string | null;
  rejectionReason: RejectionReason | null;
  rejectionNote: string | null;
  summary: string;
  /** Null when the contract version that qualified the lead is gone. */
  sla: LeadSla | null;
};

export type HandoverDetail = Handover & { note: HandoverNote; policy: SlaPolicy | null };

export type SalesLedgerTable = { groups: SalesLedgerLine[]; total: SalesLedgerLine };
export type LedgerBreach = { leadId: string; leadName: string; ownerId: string | null; ownerName: string | null; kind: SlaBreach['kind']; dueAt: string; source: string | null };

export type SlaLedger = {
  /** First and last day of the period, both included (YYYY-MM-DD). */
  from: string;
  to: string;
  sales: { byOwner: { groups: (SalesLedgerLine & { name: string | null })[]; total: SalesLedgerLine }; bySource: SalesLedgerTable };
  /** Empty while no lead contract version is active. */
  marketing: MarketingLedgerLine[];
  breaches: LedgerBreach[];
  policy: SlaPolicy | null;
  version: number | null;
};

export type SalesSettings = {
  calendar: WorkingCalendar;
  routing: RoutingRules;
  isDefault: { calendar: boolean; routing: boolean };
  updatedAt: string | null;
  updatedBy: string | null;
};

/** A sales rep or manager with their availability and open MQLs. */
export type Rep = { userId: string; name: string; email: string; role: Role; away: boolean; capacity: number | null; openMqls: number };
