import { zonedTimeToUtc } from '../../core/sla/business-time.ts';

/** Dates are shown in the workspace's time zone so everyone in it reads the same times. */

export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  return zonedTimeToUtc(timeZone, `${day}T00:00`);
}

/** The last millisecond of a calendar day (`YYYY-MM-DD`) in `timeZone`. */
export function endOfDay(day: string, timeZone: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const nextDay = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  const next = startOfDay(nextDay, timeZone);
  return new Date(next.getTime() - 1);
}

export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A whole number with the reader's thousands separator. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat().format(value);
}

/** A rate (0.125) as a percentage ("12.5%"); an unknown rate is "—", never NaN. */
export function formatPercent(rate: number | null | undefined, fractionDigits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(rate);
}

/** Money kept as integer minor units (cents) in a currency, e.g. (150050, 'EUR') → "€1,500.50". */
export function formatMoney(minor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** A calendar month (`YYYY-MM`) as "Mar 2026". */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A calendar day (`YYYY-MM-DD`) as "14 Mar 2026", without any time zone shift. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** "1 lead", "2 leads". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
