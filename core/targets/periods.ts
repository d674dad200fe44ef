/**
 * The periods targets, scorecards and the revenue bridge speak of: calendar months ('2026-04') and
 * quarters ('2026-Q2'), in UTC days. `from` is the first day, `to` the first day after the period.
 */

export const PERIOD_KINDS = ['month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period = { key: string; kind: PeriodKind; from: string; to: string };

export const PERIOD_KEY = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/** How many months before a period the current conversion rates and deal size are measured over. */
export const TRAILING_MONTHS = 6;

const day = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);

function build(kind: PeriodKind, year: number, firstMonth: number): Period {
  const months = kind === 'month' ? 1 : 3;
  const key = kind === 'month' ? day(year, firstMonth).slice(0, 7) : `${year}-Q${firstMonth / 3 + 1}`;
  return { key, kind, from: day(year, firstMonth), to: day(year, firstMonth + months) };
}

/** The period a key names: '2026-04' (a month) or '2026-Q2' (a quarter). */
export function parsePeriod(key: string): Period {
  const match = PERIOD_KEY.exec(key);
  if (!match) throw new RangeError(`"${key}" is not a month such as 2026-04 or a quarter such as 2026-Q2`);
  const year = Number(match[1]);
  return match[2] ? build('month', year, Number(match[2]) - 1) : build('quarter', year, (Number(match[3]) - 1) * 3);
}

/** The month or quarter holding the instant (UTC). */
export function periodContaining(kind: PeriodKind, at: Date): Period {
  const month = at.getUTCMonth();
  return build(kind, at.getUTCFullYear(), kind === 'month' ? month : month - (month % 3));
}

/** The period of the same kind just before. */
export function previousPeriod(period: Period): Period {
  const start = new Date(`${period.from}T00:00:00Z`);
  return periodContaining(period.kind, new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1)));
}

/**
 * The trailing window the current rates come from: the `TRAILING_MONTHS` whole months before the
 * period starts; for a period that has not started yet (this month included), the months before
 * this one, so a future period is planned with what is known today.
 */
export function trailingWindow(period: Period, now: Date): { from: string; to: string } {
  const thisMonth = day(now.getUTCFullYear(), now.getUTCMonth());
  const to = period.from < thisMonth ? period.from : thisMonth;
  const end = new Date(`${to}T00:00:00Z`);
  return { from: day(end.getUTCFullYear(), end.getUTCMonth() - TRAILING_MONTHS), to };
}
