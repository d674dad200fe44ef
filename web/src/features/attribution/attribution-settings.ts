import { periodContaining, previousPeriod } from '../../../../core/targets/periods.ts';
import type { AttributionMeasure, AttributionUnit } from '../../types.ts';
import { MEASURE_LABELS, UNIT_LABELS } from './attribution-labels.ts';

/**
 * What the attribution page shows, as its address holds it (a shareable link): the measure, the
 * unit credited and the period (a preset or chosen months). The server takes UTC days, `to` the day
 * after the period.
 */
export type AttributionRange = 'quarter' | 'last-quarter' | 'month' | 'last-month' | '12m' | 'custom';
export type AttributionSettings = { measure: AttributionMeasure; by: AttributionUnit; range: AttributionRange; fromMonth: string | null; toMonth: string | null };
export type DayPeriod = { from: string; to: string };

export const RANGE_LABELS: Record<AttributionRange, string> = {
  quarter: 'This quarter',
  'last-quarter': 'Last quarter',
  month: 'This month',
  'last-month': 'Last month',
  '12m': 'Last 12 months',
  custom: 'Choose months',
};

const DEFAULTS: AttributionSettings = { measure: 'pipeline', by: 'channel', range: 'quarter', fromMonth: null, toMonth: null };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The server credits at most 731 days at once. */
const MAX_MONTHS = 24;

function addMonths(month: string, offset: number): string {
  const [year = 1970, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + offset, 1)).toISOString().slice(0, 7);
}

export function readAttributionSettings(params: URLSearchParams): AttributionSettings {
  const measure = params.get('measure');
  const by = params.get('by');
  const range = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  return {
    measure: measure && measure in MEASURE_LABELS ? (measure as AttributionMeasure) : DEFAULTS.measure,
    by: by && by in UNIT_LABELS ? (by as AttributionUnit) : DEFAULTS.by,
    range: range && range in RANGE_LABELS ? (range as AttributionRange) : DEFAULTS.range,
    fromMonth: from && MONTH.test(from) ? from : null,
    toMonth: to && MONTH.test(to) ? to : null,
  };
}

export function writeAttributionSettings(settings: AttributionSettings): URLSearchParams {
  const params = new URLSearchParams();
  if (settings.measure !== DEFAULTS.measure) params.set('measure', settings.measure);
  if (settings.by !== DEFAULTS.by) params.set('by', settings.by);
  if (settings.range !== DEFAULTS.range) params.set('range', settings.range);
  if (settings.range === 'custom') {
    if (settings.fromMonth) params.set('from', settings.fromMonth);
    if (settings.toMonth) params.set('to', settings.toMonth);
  }
  return params;
}

/** The first and last month of a custom period, in order and at most two years apart. */
export function customMonths(settings: AttributionSettings, today: Date): [string, string] {
  const to = settings.toMonth ?? today.toISOString().slice(0, 7);
  const from = settings.fromMonth ?? addMonths(to, -2);
  const [first, last] = from <= to ? [from, to] : [to, from];
  return [first < addMonths(last, 1 - MAX_MONTHS) ? addMonths(last, 1 - MAX_MONTHS) : first, last];
}

/** The days asked of the server (UTC, `to` excluded). */
export function attributionPeriod(settings: AttributionSettings, today: Date): DayPeriod {
  const quarter = periodContaining('quarter', today);
  const month = periodContaining('month', today);
  switch (settings.range) {
    case 'quarter':
      return quarter;
    case 'last-quarter':
      return previousPeriod(quarter);
    case 'month':
      return month;
    case 'last-month':
      return previousPeriod(month);
    case '12m':
      return { from: `${addMonths(month.from.slice(0, 7), -11)}-01`, to: month.to };
    case 'custom': {
      const [from, to] = customMonths(settings, today);
      return { from: `${from}-01`, to: `${addMonths(to, 1)}-01` };
    }
  }
}

/** The first and last month ('YYYY-MM') of a period of whole months (`to` the first day after it). */
export function monthsOf(period: DayPeriod): { fromMonth: string; toMonth: string } {
  return { fromMonth: period.from.slice(0, 7), toMonth: addMonths(period.to.slice(0, 7), -1) };
}

/** The attribution page's address for a period of whole months (the dashboard links to it). */
export function attributionSearch(period: DayPeriod, measure: AttributionMeasure): string {
  return writeAttributionSettings({ ...DEFAULTS, measure, range: 'custom', ...monthsOf(period) }).toString();
}
