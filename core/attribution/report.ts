import type { CreditRules } from '../schemas/attribution.ts';
import type { AttributionModel } from './attribute.ts';
import type { AttributionUnit } from './journeys.ts';

/**
 * What the workspace's attribution report says (GET /attribution, `accord attribute`), as the
 * server sends it and the web page reads it. Money is in minor units.
 */

/** The credit policy in force: no settling model until both teams signed one. */
export type RulesInForce = { version: number | null; settlingModel: CreditRules['settlingModel'] | null; rules: CreditRules };

export const MEASURES = ['pipeline', 'revenue'] as const;
export type Measure = (typeof MEASURES)[number];

export type CreditDto = { conversions: number; valueMinor: number };
export type TallyDto = { count: number; valueMinor: number };

export type AttributionRow = {
  /** The channel, or the campaign id (null: touches without a campaign). */
  key: string | null;
  name: string;
  /** Per model; null for a model that was skipped (Markov beyond its limits). */
  credits: Record<AttributionModel, CreditDto | null>;
  sourced: TallyDto;
  influenced: TallyDto;
};

export type MeasureReport = {
  conversions: number;
  valueMinor: number;
  /** Conversions with no touch in the lookback window: in the totals, credited by no model (still sourced). */
  unattributed: CreditDto;
  /** Estimated journeys in the period that did not convert (the sampled leads without a conversion, times the sample weight). */
  nonConverting: number;
  skipped: Partial<Record<AttributionModel, string>>;
  rows: AttributionRow[];
};

export type CampaignEconomics = {
  id: string;
  name: string;
  channel: string | null;
  currency: string;
  startsOn: string | null;
  endsOn: string | null;
  budgetMinor: number | null;
  spendMinor: number | null;
  /** The campaign's spend spread evenly over its days, the period's share (the whole spend without both dates). */
  spendInPeriodMinor: number;
  /** spend / budget; null without a budget. */
  budgetUsed: number | null;
  leads: number;
  mqls: number;
  sqls: number;
  customers: number;
  costPerMqlMinor: number | null;
  costPerSqlMinor: number | null;
  costPerCustomerMinor: number | null;
  pipeline: { sourced: TallyDto; influenced: TallyDto; creditedMinor: Record<AttributionModel, number | null> };
  revenue: { sourced: TallyDto; influenced: TallyDto; creditedMinor: Record<AttributionModel, number | null> };
  /** (credited revenue − spend in the period) / spend in the period, per model; null without spend. */
  roi: Record<AttributionModel, number | null>;
};

export type AttributionReportDto = {
  from: string;
  to: string;
  by: AttributionUnit;
  lookbackDays: number;
  currency: string;
  /** Currencies of the period's deals with their counts: amounts are summed as recorded. */
  currencies: Record<string, number>;
  models: readonly AttributionModel[];
  policy: RulesInForce;
  pipeline: MeasureReport;
  revenue: MeasureReport;
  /** The leads with touches in the period sampled for non-converting journeys, and how many leads each stands for. */
  sample: { sampled: number; weight: number; estimatedLeadsWithTouches: number };
  campaigns: CampaignEconomics[] | null;
};
