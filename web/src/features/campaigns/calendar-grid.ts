import { addDays, dayNumber, weekStart } from '../../../../core/campaigns/days.ts';
import { TEAMS, type Team } from '../../../../core/schemas/campaigns.ts';

/**
 * The calendar's settings as its address holds them (a link shares the view), and the layout of
 * the month and week grids: weeks of seven days, each campaign a bar on the days it runs, in the
 * first lane free on all of them. Days are 'YYYY-MM-DD' in the workspace's calendar.
 */

export const CALENDAR_VIEWS = ['month', 'week', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export type CalendarSettings = {
  view: CalendarView;
  /** A day in the period shown; null for today. */
  at: string | null;
  channel: string | null;
  sku: string | null;
  team: Team | null;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export function readCalendarSettings(params: URLSearchParams): CalendarSettings {
  const view = params.get('view');
  const at = params.get('at');
  const channel = params.get('channel')?.trim() ?? '';
  const sku = params.get('sku') ?? '';
  const team = params.get('team');
  return {
    view: view && (CALENDAR_VIEWS as readonly string[]).includes(view) ? (view as CalendarView) : 'month',
    at: at && DAY.test(at) && !Number.isNaN(Date.parse(at)) ? at : null,
    channel: channel && channel.length <= 100 ? channel : null,
    sku: SKU.test(sku) ? sku : null,
    team: team && (TEAMS as string[]).includes(team) ? (team as Team) : null,
  };
}

export function writeCalendarSettings(settings: CalendarSettings): URLSearchParams {
  const params = new URLSearchParams();
  if (settings.view !== 'month') params.set('view', settings.view);
  if (settings.at) params.set('at', settings.at);
  if (settings.channel) params.set('channel', settings.channel);
  if (settings.sku) params.set('sku', settings.sku);
  if (settings.team) params.set('team', settings.team);
  return params;
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `offset` months from the month of `day`. */
export function addMonths(day: string, offset: number): string {
  const [year = 1970, month = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
}

function monthEnd(day: string): string {
  return addDays(addMonths(day, 1), -1);
}

/** The days a view shows: whole weeks (Monday to Sunday) around the month, one week, or the month itself for the list. */
export function periodOf(view: CalendarView, at: string): { from: string; to: string } {
  if (view === 'week') {
    const from = weekStart(at);
    return { from, to: addDays(from, 6) };
  }
  if (view === 'list') return { from: monthStart(at), to: monthEnd(at) };
  const from = weekStart(monthStart(at));
  return { from, to: addDays(weekStart(monthEnd(at)), 6) };
}

/** The day the previous or next button moves to. */
export function stepOf(view: CalendarView, at: string, direction: -1 | 1): string {
  return view === 'week' ? addDays(at, 7 * direction) : addMonths(at, direction);
}

export type Bar<T> = {
  item: T;
  /** Columns of the week it covers, 0 (Monday) to 6 (Sunday). */
  startColumn: number;
  endColumn: number;
  lane: number;
  /** It began before this week, or goes on after it. */
  continuesBefore: boolean;
  continuesAfter: boolean;
};

export type Week<T> = { start: string; days: string[]; bars: Bar<T>[]; lanes: number };

type Dated = { launchOn: string; endOn: string; id: string };

/** The weeks from `from` (a Monday) to `to`, each with the bars of the campaigns running in it. */
export function layoutWeeks<T extends Dated>(from: string, to: string, items: readonly T[]): Week<T>[] {
  const sorted = [...items].sort((a, b) => a.launchOn.localeCompare(b.launchOn) || b.endOn.localeCompare(a.endOn) || a.id.localeCompare(b.id));
  const weeks: Week<T>[] = [];
  for (let start = from; start <= to; start = addDays(start, 7)) {
    const end = addDays(start, 6);
    const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
    const laneEnds: number[] = [];
    const bars: Bar<T>[] = [];
    for (const item of sorted) {
      if (item.endOn < start || item.launchOn > end) continue;
      const startColumn = Math.max(0, dayNumber(item.launchOn) - dayNumber(start));
      const endColumn = Math.min(6, dayNumber(item.endOn) - dayNumber(start));
      let lane = laneEnds.findIndex((last) => last < startColumn);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = endColumn;
      bars.push({ item, startColumn, endColumn, lane, continuesBefore: item.launchOn < start, continuesAfter: item.endOn > end });
    }
    weeks.push({ start, days, bars, lanes: laneEnds.length });
  }
  return weeks;
}
