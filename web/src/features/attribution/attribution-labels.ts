import type { AttributionMeasure, AttributionUnit, BridgeTeam } from '../../types.ts';

/** How attribution's measures and units and the bridge's teams read on the page (the models' names are the credit policy's). */

export const MEASURE_LABELS: Record<AttributionMeasure, string> = { pipeline: 'Pipeline', revenue: 'Revenue' };
/** What one conversion of a measure is. */
export const CONVERSION_NOUNS: Record<AttributionMeasure, string> = { pipeline: 'opportunity', revenue: 'won deal' };
export const CONVERSION_PLURALS: Record<AttributionMeasure, string> = { pipeline: 'opportunities', revenue: 'won deals' };
export const UNIT_LABELS: Record<AttributionUnit, string> = { channel: 'Channel', campaign: 'Campaign' };

/** The teams' colors, the same as the SLA ledger's (grape is Marketing, cyan is Sales) and the scorecard's (indigo is both). */
export const TEAM_COLORS: Record<BridgeTeam, string> = { marketing: 'grape', shared: 'indigo', sales: 'cyan' };
