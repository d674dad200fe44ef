import { AttributionLimitError, DEFAULT_MARKOV_ORDER, markovAttribution, type MarkovAttribution } from './markov.ts';
import { preparePaths, type AttributionPath, type ChannelCredit, type Outcomes, type PreparedPaths } from './paths.ts';
import { DEFAULT_HALF_LIFE_DAYS, DEFAULT_STEP_DAYS, POSITION_MODELS, positionAttribution, type PositionModel, type PositionOptions } from './positions.ts';
import { shapleyAttribution } from './shapley.ts';

/** Every model over the same paths, in one report: what the CLI prints and the server returns. */

export const ATTRIBUTION_MODELS = [...POSITION_MODELS, 'markov', 'shapley'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export type AttributionOptions = PositionOptions & { markovOrder: number };

export const DEFAULT_ATTRIBUTION_OPTIONS: AttributionOptions = {
  halfLifeDays: DEFAULT_HALF_LIFE_DAYS,
  stepDays: DEFAULT_STEP_DAYS,
  markovOrder: DEFAULT_MARKOV_ORDER,
};

/** One model's credit per channel; the Markov model adds its chain's figures, or says why it could not run. */
export type ModelOutcome =
  | { model: PositionModel | 'shapley'; credits: ChannelCredit[] }
  | ({ model: 'markov' } & MarkovAttribution)
  | { model: 'markov'; skipped: string };

export type AttributionReport = {
  options: AttributionOptions;
  /** Channels in order of first appearance; every model's credits follow this order. */
  channels: string[];
  totals: Outcomes;
  /** Conversions with no touch: in the totals, credited to no channel by any model. */
  unattributed: Outcomes;
  models: ModelOutcome[];
};

function checkOptions(options: AttributionOptions): void {
  if (!(Number.isFinite(options.halfLifeDays) && options.halfLifeDays > 0)) throw new RangeError(`halfLifeDays must be a positive number, found ${options.halfLifeDays}`);
  if (!(Number.isFinite(options.stepDays) && options.stepDays >= 0)) throw new RangeError(`stepDays must be a non-negative number, found ${options.stepDays}`);
}

/** The Markov outcome, or the reason it was skipped when the chain is beyond the exact solver's limits. */
function markovOutcome(prepared: PreparedPaths, order: number): ModelOutcome {
  try {
    return { model: 'markov', ...markovAttribution(prepared, order) };
  } catch (error) {
    if (error instanceof AttributionLimitError) return { model: 'markov', skipped: error.message };
    throw error;
  }
}

/**
 * Runs every model. For each model, the channels' credited conversions (value) sum to the conversions
 * (value) of the paths with a touch; zero conversions give zero credit everywhere.
 */
export function attributePaths(paths: readonly AttributionPath[], settings: Partial<AttributionOptions> = {}): AttributionReport {
  const options = { ...DEFAULT_ATTRIBUTION_OPTIONS, ...settings };
  checkOptions(options);
  const prepared = preparePaths(paths);
  const models: ModelOutcome[] = [
    ...POSITION_MODELS.map((model) => ({ model, credits: positionAttribution(prepared, model, options) })),
    markovOutcome(prepared, options.markovOrder),
    { model: 'shapley', credits: shapleyAttribution(prepared) },
  ];
  return { options, channels: prepared.channels, totals: prepared.totals, unattributed: prepared.unattributed, models };
}
