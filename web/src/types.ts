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
import type { Acknowledgement, CampaignState, ReadinessCondition, ReadinessReport, Stamp as GateStamp } from '../../core/readiness/gate.ts';
import type { ProductForecast } from '../../core/campaigns/forecast.ts';
import type { Asset, BriefingContent, CampaignStatus, FaqEntry, Incoming, Offer, ProductKind, SpendLine, Team, ZCampaignPlan, ZOffer } from '../../core/schemas/campaigns.ts';
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

// ---------------------------------------------------------------------------------------------
// Campaign calendar and launch readiness: products, plans, the launch gate, forecast, briefings

export type {
  ApprovalRole,
  Asset,
  BriefingContent,
  CampaignStatus,
  FaqEntry,
  Incoming,
  Offer,
  OfferKind,
  ProductKind,
  SpendLine,
  StockDecision,
  Team,
} from '../../core/schemas/campaigns.ts';
export type { CampaignState, ReadinessCondition, StockItemState } from '../../core/readiness/gate.ts';
export type { ProductForecast, WeekForecast } from '../../core/campaigns/forecast.ts';

/** A server type as it arrives in JSON: every Date is an ISO string. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends ReadonlyMap<string, unknown>
      ? never
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

export type Product = {
  id: string;
  sku: string;
  name: string;
  kind: ProductKind;
  onHand: number;
  weeklyBaseline: number;
  incoming: Incoming[];
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
export type ProductImportResult = { rowCount: number; created: number; updated: number; isDryRun: boolean };

/** Who did something, and when. */
export type Stamp = Json<GateStamp>;

export type CampaignScheduling = {
  scheduled: { at: string; userId: string | null; name: string | null } | null;
  override: { at: string; userId: string | null; name: string | null; reason: string | null; blockers: { condition: ReadinessCondition; message: string }[] } | null;
};

/** A campaign's plan as GET /campaigns/:id/plan sends it. */
export type CampaignPlan = CampaignScheduling & {
  id: string;
  externalId: string | null;
  name: string;
  type: string | null;
  status: CampaignStatus;
  objective: string | null;
  channel: string | null;
  channels: string[];
  audience: string | null;
  segments: string[];
  /** Days, YYYY-MM-DD; null on a campaign the funnel knows without dates. */
  announceOn: string | null;
  launchOn: string | null;
  endOn: string | null;
  offer: Offer;
  currency: string;
  upliftPercent: number;
  owner: { userId: string; name: string | null } | null;
  keyMessages: string[];
  talkingPoints: string[];
  faq: FaqEntry[];
  assets: Asset[];
  repIds: string[] | null;
  products: { productId: string; sku: string; name: string; kind: ProductKind; upliftPercent: number | null; perUnit: number | null }[];
  spendLines: SpendLine[];
  budgetMinor: number;
  spendMinor: number;
  launchedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** What POST /campaign-plans and PUT /campaigns/:id/plan take. */
export type CampaignPlanInput = Omit<z.input<typeof ZCampaignPlan>, 'offer'> & { offer: z.input<typeof ZOffer> };

export type ReadinessConditions = Json<ReadinessReport['conditions']>;

/** The launch gate of one campaign (GET /campaigns/:id/readiness). */
export type Readiness = CampaignScheduling & {
  campaignId: string;
  name: string;
  status: CampaignStatus;
  state: CampaignState;
  today: string;
  announceOn: string | null;
  launchOn: string;
  endOn: string;
  ready: boolean;
  conditions: ReadinessConditions;
  blockers: { condition: ReadinessCondition; message: string }[];
};

export type CampaignForecast = {
  campaignId: string;
  from: string;
  launchOn: string;
  endOn: string;
  upliftPercent: number;
  shortfalls: number;
  items: ProductForecast[];
};

export type CalendarItem = {
  id: string;
  name: string;
  type: string | null;
  status: CampaignStatus;
  state: CampaignState;
  channel: string | null;
  channels: string[];
  segments: string[];
  announceOn: string | null;
  launchOn: string;
  endOn: string;
  owner: { userId: string; name: string | null; team: Team | null } | null;
  offer: Offer;
  productCount: number;
  budgetMinor: number;
  spendMinor: number;
  currency: string;
  /** For a draft still ahead: which conditions of the gate are met (the reasons are on the campaign's page). */
  readiness: { ready: boolean; met: Record<ReadinessCondition, boolean>; blockers: ReadinessCondition[] } | null;
  override: { at: string; reason: string | null } | null;
  updatedAt: string;
};

/** Two offers on the same product or audience segment on the same days. */
export type CalendarOverlap = { campaignIds: [string, string]; from: string; to: string; skus: string[]; segments: string[] };
export type CampaignCalendar = { from: string; to: string; today: string; items: CalendarItem[]; overlaps: CalendarOverlap[] };


export type BriefingAcknowledgement = Json<Acknowledgement>;

export type BriefingVersion = { version: number; publishedAt: string; publishedBy: string | null; publishedByName: string | null };

export type Briefing = {
  campaignId: string;
  name: string;
  status: CampaignStatus;
  /** The briefing as the campaign stands now. */
  content: BriefingContent;
  /** The latest published version is the campaign as it stands. */
  isCurrent: boolean;
  published: (BriefingVersion & { content: BriefingContent }) | null;
  versions: BriefingVersion[];
  expected: number;
  acknowledged: number;
  reps: { userId: string; name: string; acknowledgement: BriefingAcknowledgement | null }[];
};

export type AcknowledgeResult = { campaignId: string; version: number; userId: string; acknowledgedBy: string; acknowledgedAt: string; isOnBehalf: boolean };

export type UpcomingCampaign = {
  id: string;
  name: string;
  status: CampaignStatus;
  state: CampaignState;
  announceOn: string | null;
  launchOn: string;
  endOn: string;
  channels: string[];
  segments: string[];
  offer: Offer;
  products: { sku: string; name: string; kind: ProductKind }[];
  briefing: { version: number; publishedAt: string; isCurrent: boolean } | null;
  acknowledgement: BriefingAcknowledgement | null;
  needsAcknowledgement: boolean;
  team: { expected: number; acknowledged: number };
};

export type CampaignSettings = {
  minNoticeDays: number;
  financeApprovalAbovePercent: number;
  isDefault: boolean;
  timeZone: string;
  updatedAt: string | null;
  updatedBy: string | null;
};
export type CalendarFeed = { url: string | null; rotatedAt: string | null };

// ---------------------------------------------------------------------------------------------
// Targets and credit: shared revenue targets, the period scorecard, the credit policy and credit disputes

export type { Period, PeriodKind } from '../../core/targets/periods.ts';
export type { FunnelFlow, PlanLine, PlanRates, PlanStage, ReverseFunnel } from '../../core/targets/reverse-funnel.ts';
export type { CreditRules, DisputeResolution } from '../../core/schemas/attribution.ts';
export type { TargetInput, TargetUpdate } from '../../core/schemas/targets.ts';

/** A month's or quarter's revenue target, owned by both teams. */
export type RevenueTarget = {
  id: string;
  periodKind: import('../../core/targets/periods.ts').PeriodKind;
  /** '2026-04' or '2026-Q2'. */
  period: string;
  startsOn: string;
  amountMinor: number;
  currency: string;
  note: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
};

type Flow = import('../../core/targets/reverse-funnel.ts').FunnelFlow;

/** GET /scorecard: a period's target, its reverse funnel at the trailing rates, and the actuals so far. */
export type Scorecard = {
  period: import('../../core/targets/periods.ts').Period;
  currency: string;
  target: RevenueTarget | null;
  actual: Flow;
  /** The months the current rates and deal size come from (`to` excluded). */
  trailing: { from: string; to: string; flow: Flow; rates: import('../../core/targets/reverse-funnel.ts').PlanRates; avgDealMinor: number | null };
  /** Null without a target. */
  plan: import('../../core/targets/reverse-funnel.ts').ReverseFunnel | null;
  links: { funnel: { from: string; to: string }; ledger: { from: string; to: string }; attribution: { from: string; to: string }; bridge: { period: string } };
};

/** What every co-signed document's version page reads (the lead contract, the credit policy). */
export type CoSignedVersion = Omit<ContractVersionSummary, 'signatures'> & {
  signatures: ContractSignature[];
  comments: ContractComment[];
  awaiting: SigningRole[];
};

/** A credit policy version: which model settles credit, and what counts as sourced and influenced. */
export type CreditPolicyVersion = CoSignedVersion & { rules: import('../../core/schemas/attribution.ts').CreditRules };
export type CreditPolicyContent = { name: string; rules: import('../../core/schemas/attribution.ts').CreditRules };

export type DisputeStatus = (typeof import('../../core/schemas/attribution.ts').DISPUTE_STATUSES)[number];

/** A deal's credit disputed by either team, and the ruling once resolved. */
export type CreditDispute = {
  id: string;
  dealId: string;
  dealName: string;
  dealAmountMinor: number;
  currency: string;
  leadId: string | null;
  status: DisputeStatus;
  reason: string;
  claimedChannel: string | null;
  claimedCampaignId: string | null;
  claimedCampaignName: string | null;
  /** What the deal was credited to (its lead's source) when the dispute was opened. */
  creditedChannel: string | null;
  creditedCampaignId: string | null;
  creditedCampaignName: string | null;
  /** The credit policy in force when it was opened (null: none signed yet). */
  policyVersion: number | null;
  openedBy: string;
  openedByName: string | null;
  openedRole: string;
  createdAt: string;
  resolvedBy: string | null;
  resolvedByName: string | null;
  resolvedRole: SigningRole | null;
  resolutionNote: string | null;
  resolvedAt: string | null;
};

export type DisputeInput = { dealId: string; claimedChannel?: string | null; claimedCampaignId?: string | null; reason: string };

// ---------------------------------------------------------------------------------------------
// Attribution in the workspace and the revenue bridge

export type { AttributionModel } from '../../core/attribution/attribute.ts';
export type { BridgeFactor, Team as BridgeTeam } from '../../core/bridge/revenue-bridge.ts';

export type AttributionUnit = (typeof import('../../core/schemas/attribution.ts').ATTRIBUTION_UNITS)[number];
export type {
  AttributionReportDto as AttributionReport,
  AttributionRow,
  CampaignEconomics,
  CreditDto as AttributionCredit,
  Measure as AttributionMeasure,
  MeasureReport as AttributionMeasureReport,
  TallyDto as AttributionTally,
} from '../../core/attribution/report.ts';

export type AttributionSettings = { lookbackDays: number; isDefault: boolean; updatedAt: string | null; updatedBy: string | null };

type BridgeEffect = import('../../core/bridge/revenue-bridge.ts').FactorEffect & { label: string };
type BridgeSide = { label: string; from: string; to: string; revenueMinor: number };

/** GET /bridge: the waterfall from the base (target or previous period) to the period's revenue, lever by lever. */
export type RevenueBridgeReport = {
  period: import('../../core/targets/periods.ts').Period;
  compare: (typeof import('../../core/schemas/attribution.ts').BRIDGE_BASES)[number];
  currency: string;
  base: BridgeSide;
  current: BridgeSide;
  gap: number;
  /** The part of each side the funnel's chain of factors carries. */
  explained: { base: number; current: number; gap: number };
  /** Revenue no chain carries (won without leads, MQLs or SQLs of its channel in the period): base + effects + change = current. */
  outsideFunnel: { base: number; current: number; change: number };
  effects: BridgeEffect[];
  teams: { team: import('../../core/bridge/revenue-bridge.ts').Team; label: string; effect: number }[];
  segments: {
    segment: string;
    base: number;
    current: number;
    gap: number;
    effects: BridgeEffect[];
    factors: { base: import('../../core/bridge/revenue-bridge.ts').SegmentFactors | null; current: import('../../core/bridge/revenue-bridge.ts').SegmentFactors | null };
  }[];
};
