import type { FunnelGrouping } from '../../types.ts';

/**
 * What the funnel page shows, as its address holds it (a shareable link): the grouping, the period
 * (a preset or chosen months) and the conversion window. Periods are calendar days in UTC, as the
 * server counts them: `from` is the first day, `to` the day after the last one.
 */
export type RangeKey = '3m' | '6m' | '12m' | 'all' | 'custom';
export type FunnelSettings = { by: FunnelGrouping; range: RangeKey; fromMonth: string | null; toMonth: string | null; windowDays: number };
export type Period = { from: string; to: string };

export const GROUPING_LABELS: Record<FunnelGrouping, string> = { source: 'Source', channel: 'Channel', campaign: 'Campaign' };

export const RANGE_LABELS: Record<RangeKey, string> = {
  '3m': 'Last 3 months',
  '6m': 'Last 6 months',
  '12m': 'Last 12 months',
  all: 'All time',
  custom: 'Choose months',
};

const RANGE_MONTHS: Partial<Record<RangeKey, number>> = { '3m': 3, '6m': 6, '12m': 12 };
export const DEFAULT_WINDOW_DAYS = 180;
export const MAX_WINDOW_DAYS = 730;
const DEFAULTS: FunnelSettings = { by: 'source', range: '12m', fromMonth: null, toMonth: null, windowDays: DEFAULT_WINDOW_DAYS };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Early enough to hold every lead: the API accepts dates from 1990. */
export const EVER = '1990-01-01';

const day = (date: Date) => date.toISOString().slice(0, 10);

export function readSettings(params: URLSearchParams): FunnelSettings {
  const by = params.get('by');
  const range = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  const windowDays = Number(params.get('window'));
  return {
    by: by && by in GROUPING_LABELS ? (by as FunnelGrouping) : DEFAULTS.by,
    range: range && range in RANGE_LABELS ? (range as RangeKey) : DEFAULTS.range,
    fromMonth: from && MONTH.test(from) ? from : null,
    toMonth: to && MONTH.test(to) ? to : null,
    windowDays: Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= MAX_WINDOW_DAYS ? windowDays : DEFAULTS.windowDays,
  };
}

export function writeSettings(settings: FunnelSettings): URLSearchParams {
  const params = new URLSearchParams();
  if (settings.by !== DEFAULTS.by) params.set('by', settings.by);
  if (settings.range !== DEFAULTS.range) params.set('range', settings.range);
  if (settings.range === 'custom') {
    if (settings.fromMonth) params.set('from', settings.fromMonth);
    if (settings.toMonth) params.set('to', settings.toMonth);
  }
  if (settings.windowDays !== DEFAULTS.windowDays) params.set('window', String(settings.windowDays));
  return params;
}

/** The first day of the month `months` after (or before) the month of `date`. */
function monthStart(date: Date, months = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

/** The months the custom range covers, in order; a missing end is this month, a missing start twelve months before it. */
export function customMonths(settings: FunnelSettings, today: Date): [string, string] {
  const thisMonth = day(today).slice(0, 7);
  const to = settings.toMonth ?? thisMonth;
  const from = settings.fromMonth ?? day(monthStart(new Date(`${to}-01T00:00:00Z`), -11)).slice(0, 7);
  return from <= to ? [from, to] : [to, from];
}

/**
 * The days asked of the server. "Last N months" is this month and the N-1 before it, up to and
 * including today, so it shows N monthly cohorts, the last one still running.
 */
export function periodOf(settings: FunnelSettings, today: Date): Period {
  const tomorrow = day(new Date(today.getTime() + 86_400_000));
  const months = RANGE_MONTHS[settings.range];
  if (months) return { from: day(monthStart(today, 1 - months)), to: tomorrow };
  if (settings.range === 'all') return { from: EVER, to: tomorrow };
  const [from, to] = customMonths(settings, today);
  return { from: `${from}-01`, to: day(monthStart(new Date(`${to}-01T00:00:00Z`), 1)) };
}

/** The last day inside a period. */
export function lastDayOf(period: Period): string {
  return day(new Date(Date.parse(`${period.to}T00:00:00Z`) - 86_400_000));
}
