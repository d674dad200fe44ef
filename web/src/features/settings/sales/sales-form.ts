import { createFormContext } from '@mantine/form';
import { WEEKDAYS, type Weekday } from '../../../../../core/schemas/sla.ts';
import type { RoutingRules, SalesSettings, WorkingCalendar } from '../../../types.ts';

/**
 * The Sales settings form: the same shape as the request body, so the server's field errors
 * (`calendar.hours.mon.0.end`, `routing.rules.2.repIds`) land on the inputs as they are.
 * Empty match fields are kept as empty lists and blanks here, and left out when saving.
 */

export type RuleValues = {
  /** React's key for the card, stable while rules move. */
  key: string;
  id: string;
  label: string;
  match: { country: string[]; industry: string[]; source: string[]; minEmployees: number | string; maxEmployees: number | string };
  repIds: string[];
};

export type SalesFormValues = {
  calendar: { timeZone: string; hours: Record<Weekday, { start: string; end: string }[]>; holidays: string[] };
  routing: { rules: RuleValues[]; fallbackRepIds: string[] };
};

export const [SalesFormProvider, useSalesFormContext, useSalesForm] = createFormContext<SalesFormValues>();

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

let keys = 0;
const nextKey = () => `rule-${++keys}`;

export function toFormValues(settings: SalesSettings): SalesFormValues {
  const { calendar, routing } = settings;
  return {
    calendar: {
      timeZone: calendar.timeZone,
      hours: Object.fromEntries(WEEKDAYS.map((day) => [day, calendar.hours[day].map((interval) => ({ ...interval }))])) as SalesFormValues['calendar']['hours'],
      holidays: [...calendar.holidays].sort(),
    },
    routing: {
      rules: routing.rules.map((rule) => ({
        key: nextKey(),
        id: rule.id,
        label: rule.label,
        match: {
          country: rule.match.country ?? [],
          industry: rule.match.industry ?? [],
          source: rule.match.source ?? [],
          minEmployees: rule.match.minEmployees ?? '',
          maxEmployees: rule.match.maxEmployees ?? '',
        },
        repIds: [...rule.repIds],
      })),
      fallbackRepIds: [...routing.fallbackRepIds],
    },
  };
}

const list = (values: string[]) => (values.length > 0 ? values : undefined);
const count = (value: number | string) => (value === '' || value === null ? undefined : Number(value));

export function toRequest(values: SalesFormValues): { calendar: WorkingCalendar; routing: RoutingRules } {
  return {
    calendar: { timeZone: values.calendar.timeZone, hours: values.calendar.hours, holidays: values.calendar.holidays },
    routing: {
      rules: values.routing.rules.map((rule) => ({
        id: rule.id,
        label: rule.label.trim(),
        match: {
          country: list(rule.match.country),
          industry: list(rule.match.industry),
          source: list(rule.match.source),
          minEmployees: count(rule.match.minEmployees),
          maxEmployees: count(rule.match.maxEmployees),
        },
        repIds: rule.repIds,
      })),
      fallbackRepIds: values.routing.fallbackRepIds,
    },
  };
}

/** A new rule with an id no other rule has. */
export function newRule(rules: readonly RuleValues[]): RuleValues {
  const taken = new Set(rules.map((rule) => rule.id));
  let n = rules.length + 1;
  while (taken.has(`rule-${n}`)) n += 1;
  return {
    key: nextKey(),
    id: `rule-${n}`,
    label: `Rule ${n}`,
    match: { country: [], industry: [], source: [], minEmployees: '', maxEmployees: '' },
    repIds: [],
  };
}

/** The first message about a path or anything under it (`…country` covers `…country.0`). */
export function errorUnder(errors: Record<string, unknown>, path: string): string | undefined {
  const exact = errors[path];
  if (exact) return String(exact);
  const nested = Object.entries(errors).find(([key, message]) => key.startsWith(`${path}.`) && message);
  return nested ? String(nested[1]) : undefined;
}
