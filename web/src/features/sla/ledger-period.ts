/**
 * The period of the SLA ledger as the page's address holds it (a shareable link): a preset or
 * chosen months. The server takes days, both included: the first day of the first month to the
 * last day of the last month.
 */
export type LedgerRange = 'this' | 'last' | '3m' | '6m' | '12m' | 'custom';
export type LedgerSettings = { range: LedgerRange; fromMonth: string | null; toMonth: string | null };

export const LEDGER_RANGE_LABELS: Record<LedgerRange, string> = {
  this: 'This month',
  last: 'Last month',
  '3m': 'This month and the two before',
  '6m': 'Last 6 months',
  '12m': 'Last 12 months',
  custom: 'Choose months',
};

const DEFAULT_RANGE: LedgerRange = '3m';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The server judges at most 731 days at once. */
export const MAX_LEDGER_MONTHS = 24;

/** 'YYYY-MM' of the month `offset` months after the month of `today` (local calendar). */
export function monthOf(today: Date, offset = 0): string {
  const date = new Date(Date.UTC(today.getFullYear(), today.getMonth() + offset, 1));
  return date.toISOString().slice(0, 7);
}

function addMonths(month: string, offset: number): string {
  const [year = 1970, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + offset, 1)).toISOString().slice(0, 7);
}

function lastDay(month: string): string {
  const [year = 1970, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

export function readLedgerSettings(params: URLSearchParams): LedgerSettings {
  const range = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  return {
    range: range && range in LEDGER_RANGE_LABELS ? (range as LedgerRange) : DEFAULT_RANGE,
    fromMonth: from && MONTH.test(from) ? from : null,
    toMonth: to && MONTH.test(to) ? to : null,
  };
}

export function writeLedgerSettings(settings: LedgerSettings): URLSearchParams {
  const params = new URLSearchParams();
  if (settings.range !== DEFAULT_RANGE) params.set('range', settings.range);
  if (settings.range === 'custom') {
    if (settings.fromMonth) params.set('from', settings.fromMonth);
    if (settings.toMonth) params.set('to', settings.toMonth);
  }
  return params;
}

/** The first and last month of the period, in order and at most two years apart. */
export function ledgerMonths(settings: LedgerSettings, today: Date): [string, string] {
  const thisMonth = monthOf(today);
  switch (settings.range) {
    case 'this':
      return [thisMonth, thisMonth];
    case 'last':
      return [monthOf(today, -1), monthOf(today, -1)];
    case '3m':
      return [monthOf(today, -2), thisMonth];
    case '6m':
      return [monthOf(today, -5), thisMonth];
    case '12m':
      return [monthOf(today, -11), thisMonth];
    case 'custom': {
      const to = settings.toMonth ?? thisMonth;
      const from = settings.fromMonth ?? addMonths(to, -2);
      const [first, last] = from <= to ? [from, to] : [to, from];
      return [first < addMonths(last, 1 - MAX_LEDGER_MONTHS) ? addMonths(last, 1 - MAX_LEDGER_MONTHS) : first, last];
    }
  }
}

/** The days asked of the server. */
export function ledgerPeriod(settings: LedgerSettings, today: Date): { from: string; to: string } {
  const [from, to] = ledgerMonths(settings, today);
  return { from: `${from}-01`, to: lastDay(to) };
}
