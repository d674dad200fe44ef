import { PERIOD_KEY, periodContaining, previousPeriod, type Period, type PeriodKind } from '../../../../core/targets/periods.ts';
import { formatPeriod } from '../targets/target-text.ts';

/**
 * A month ('2026-04') or quarter ('2026-Q2') as the bridge and the dashboard pick it, kept in the
 * address as `period`; this quarter when there is none.
 */

export function readPeriodKey(params: URLSearchParams, today: Date): string {
  const key = params.get('period');
  return key && PERIOD_KEY.test(key) ? key : periodContaining('quarter', today).key;
}

/** The periods to choose from: the next one, this one and those before it (two years), latest first. */
export function periodChoices(kind: PeriodKind, today: Date): { value: string; label: string }[] {
  const current = periodContaining(kind, today);
  const choices: Period[] = [periodContaining(kind, new Date(`${current.to}T00:00:00Z`))];
  for (let period = current; choices.length < (kind === 'month' ? 25 : 9); period = previousPeriod(period)) choices.push(period);
  const now = kind === 'month' ? ' (this month)' : ' (this quarter)';
  return choices.map((period) => ({ value: period.key, label: `${formatPeriod(period.key)}${period.key === current.key ? now : ''}` }));
}
