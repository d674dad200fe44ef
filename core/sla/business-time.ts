import type { Weekday, WorkingCalendar } from '../schemas/sla.ts';

/**
 * Business time in a working calendar's own time zone. Each local day's working intervals are
 * turned into UTC instants once (DST included) and cached, so counting business hours is a walk
 * over a few cached days. Reuse the same calendar object across calls to keep the cache.
 */

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** How many days in a row without working time the search crosses before it gives up. */
export const MAX_CLOSED_DAYS = 366;
const MAX_CACHED_DAYS = 5000;

/** Working time as UTC epoch milliseconds, end exclusive. */
type Span = { start: number; end: number };
/** Working time as minutes after local midnight. */
type MinuteRange = { from: number; to: number };

type CompiledCalendar = {
  timeZone: string;
  /** Working minutes by weekday, Sunday first as in Date#getUTCDay. */
  week: MinuteRange[][];
  /** Holidays as local day numbers (days since 1970-01-01). */
  holidays: Set<number>;
  spansByDay: Map<number, Span[]>;
};

/** The UTC day of an instant; its local day (any offset from -12 to +14 hours) is this day or a neighbour. */
function utcDayOf(instant: number): number {
  return Math.floor(instant / DAY);
}

function instantOf(date: Date): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError('Invalid date');
  return instant;
}

type Zone = {
  format: Intl.DateTimeFormat;
  /** Per UTC day: the offset when it holds all day, or null on a day the offset changes. */
  offsetByDay: Map<number, number | null>;
};

const zones = new Map<string, Zone>();

function zone(timeZone: string): Zone {
  let found = zones.get(timeZone);
  if (!found) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    found = { format, offsetByDay: new Map() };
    zones.set(timeZone, found);
  }
  return found;
}

function measuredOffset(format: Intl.DateTimeFormat, instant: number): number {
  const whole = Math.floor(instant / SECOND) * SECOND;
  const field: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(whole)) field[part.type] = Number(part.value);
  const wall = Date.UTC(field.year!, field.month! - 1, field.day!, field.hour!, field.minute!, field.second!);
  return wall - whole;
}

/**
 * The zone's offset at an instant: local wall-clock time minus UTC, in milliseconds. Asking Intl
 * costs microseconds, so each UTC day whose offset is the same at both ends is remembered.
 */
function offsetAt(timeZone: string, instant: number): number {
  const { format, offsetByDay } = zone(timeZone);
  const day = utcDayOf(instant);
  let steady = offsetByDay.get(day);
  if (steady === undefined) {
    const atStart = measuredOffset(format, day * DAY);
    steady = atStart === measuredOffset(format, day * DAY + DAY - SECOND) ? atStart : null;
    if (offsetByDay.size >= MAX_CACHED_DAYS) offsetByDay.clear();
    offsetByDay.set(day, steady);
  }
  return steady ?? measuredOffset(format, instant);
}

/**
 * The instant at which clocks in the zone show `wall` (a local date-time written as if it were
 * UTC). A wall time skipped by a DST jump moves forward by the jump (02:30 becomes 03:30); a wall
 * time that occurs twice is the first of the two, as Temporal's 'compatible' disambiguation does.
 */
function wallToUtc(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  if (before === after) return wall - before;
  const shown = [wall - before, wall - after].filter((instant) => instant + offsetAt(timeZone, instant) === wall);
  return shown.length > 0 ? Math.min(...shown) : wall - before;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The instant of a local date-time ('2026-03-29T09:00') in an IANA time zone. */
export function zonedTimeToUtc(timeZone: string, localDateTime: string): Date {
  const wall = Date.parse(`${localDateTime}:00Z`);
  if (!LOCAL_DATE_TIME.test(localDateTime) || Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 16) !== localDateTime) {
    throw new RangeError(`'${localDateTime}' is not a local date-time such as 2026-03-29T09:00`);
  }
  return new Date(wallToUtc(timeZone, wall));
}

/** The same local wall-clock time `days` days later in the zone: 23 or 25 hours later across a DST change. */
export function addCalendarDays(timeZone: string, start: Date, days: number): Date {
  const from = instantOf(start);
  return new Date(wallToUtc(timeZone, from + offsetAt(timeZone, from) + days * DAY));
}

/** The local calendar day ('2026-03-29') of an instant in the zone. */
export function localDay(timeZone: string, at: Date): string {
  const instant = instantOf(at);
  return new Date(instant + offsetAt(timeZone, instant)).toISOString().slice(0, 10);
}

function minutesOf(clockTime: string): number {
  const [hours, minutes] = clockTime.split(':').map(Number);
  return hours! * 60 + minutes!;
}

const SUNDAY_FIRST: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function compile(calendar: WorkingCalendar): CompiledCalendar {
  const week = SUNDAY_FIRST.map((day) =>
    calendar.hours[day]
      .map((interval) => ({ from: minutesOf(interval.start), to: minutesOf(interval.end) }))
      .sort((a, b) => a.from - b.from),
  );
  if (week.every((ranges) => ranges.length === 0)) throw new RangeError('The working calendar has no working hours on any day');
  const holidays = new Set(calendar.holidays.map((day) => Date.parse(day) / DAY));
  return { timeZone: calendar.timeZone, week, holidays, spansByDay: new Map() };
}

const compiledCalendars = new WeakMap<WorkingCalendar, CompiledCalendar>();

function compiled(calendar: WorkingCalendar): CompiledCalendar {
  let result = compiledCalendars.get(calendar);
  if (!result) {
    result = compile(calendar);
    compiledCalendars.set(calendar, result);
  }
  return result;
}

function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** One local day's working minutes as UTC instants. */
function computeSpans(calendar: CompiledCalendar, day: number): Span[] {
  const ranges = calendar.holidays.has(day) ? [] : calendar.week[weekdayOf(day)]!;
  const toUtc = (minutes: number) => wallToUtc(calendar.timeZone, day * DAY + minutes * MINUTE);
  return ranges.map((range) => ({ start: toUtc(range.from), end: toUtc(range.to) })).filter((span) => span.end > span.start);
}

function spansOf(calendar: CompiledCalendar, day: number): Span[] {
  let spans = calendar.spansByDay.get(day);
  if (!spans) {
    spans = computeSpans(calendar, day);
    if (calendar.spansByDay.size >= MAX_CACHED_DAYS) calendar.spansByDay.clear();
    calendar.spansByDay.set(day, spans);
  }
  return spans;
}

/**
 * The instant at which `hours` business hours have elapsed since `start`. A start outside
 * working time counts from the next opening (so 0 hours gives the next working instant).
 * Throws when the calendar has no working time for more than MAX_CLOSED_DAYS days in a row.
 */
export function addBusinessHours(calendar: WorkingCalendar, start: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Business hours must be a finite number of at least 0, got ${hours}`);
  const cal = compiled(calendar);
  const from = instantOf(start);
  let remaining = Math.round(hours * HOUR);
  let closedDays = 0;
  for (let day = utcDayOf(from) - 1; ; day++) {
    const spans = spansOf(cal, day);
    closedDays = spans.length === 0 ? closedDays + 1 : 0;
    if (closedDays >= MAX_CLOSED_DAYS) {
      throw new RangeError(`The working calendar has no working time for ${MAX_CLOSED_DAYS} days in a row after ${start.toISOString()} (check its holidays)`);
    }
    for (const span of spans) {
      const open = Math.max(span.start, from);
      if (open >= span.end) continue;
      if (remaining <= span.end - open) return new Date(open + remaining);
      remaining -= span.end - open;
    }
  }
}

/** Business hours (a fraction) between two instants; 0 when `to` is not after `from`. */
export function businessHoursBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const cal = compiled(calendar);
  const start = instantOf(from);
  const end = instantOf(to);
  if (end <= start) return 0;
  let worked = 0;
  for (let day = utcDayOf(start) - 1; day <= utcDayOf(end) + 1; day++) {
    for (const span of spansOf(cal, day)) worked += Math.max(0, Math.min(span.end, end) - Math.max(span.start, start));
  }
  return worked / HOUR;
}
