/**
 * Calendar days as ISO strings ('2026-04-01'): campaign dates are days, not instants, so their
 * arithmetic is on day numbers (days since 1970-01-01) and never meets a time zone.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The ISO day of a day number. */
export function dayOf(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday). */
function mondayIndex(number: number): number {
  return (((number + 3) % 7) + 7) % 7;
}

/** The Monday of the ISO week a day is in. */
export function weekStart(day: string): string {
  const number = dayNumber(day);
  return dayOf(number - mondayIndex(number));
}

/** The ISO 8601 week of a day, as '2026-W15': weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(day: string): string {
  const number = dayNumber(day);
  const thursday = number - mondayIndex(number) + 3;
  const year = dayOf(thursday).slice(0, 4);
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
