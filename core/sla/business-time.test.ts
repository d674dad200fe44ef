import { describe, expect, it } from 'vitest';
import { ZWorkingCalendar, type WorkingCalendar } from '../schemas/sla.ts';
import { addBusinessHours, addCalendarDays, businessHoursBetween, MAX_CLOSED_DAYS, zonedTimeToUtc } from './business-time.ts';

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];

function weekdays(timeZone: string, intervals = NINE_TO_FIVE, holidays: string[] = []): WorkingCalendar {
  return ZWorkingCalendar.parse({ timeZone, hours: { mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals }, holidays });
}

function everyDay(timeZone: string, intervals = NINE_TO_FIVE): WorkingCalendar {
  const hours = { mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals, sat: intervals, sun: intervals };
  return ZWorkingCalendar.parse({ timeZone, hours });
}

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('zonedTimeToUtc', () => {
  it('converts with the offset in force on that date', () => {
    expect(iso(zonedTimeToUtc('Europe/Berlin', '2026-01-15T09:00'))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(zonedTimeToUtc('Europe/Berlin', '2026-07-15T09:00'))).toBe('2026-07-15T07:00:00.000Z');
    expect(iso(zonedTimeToUtc('America/New_York', '2026-01-15T09:00'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(zonedTimeToUtc('Asia/Kolkata', '2026-01-15T09:00'))).toBe('2026-01-15T03:30:00.000Z');
    expect(iso(zonedTimeToUtc('UTC', '2026-01-15T09:00'))).toBe('2026-01-15T09:00:00.000Z');
  });

  it('handles the spring-forward gap in Berlin: 02:30 does not exist and moves forward by the jump', () => {
    expect(iso(zonedTimeToUtc('Europe/Berlin', '2026-03-29T01:30'))).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(zonedTimeToUtc('Europe/Berlin', '2026-03-29T02:30'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedTimeToUtc('Europe/Berlin', '2026-03-29T03:00'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('handles the fall-back overlap in Berlin: a repeated 02:30 is the first (summer time) one', () => {
    expect(iso(zonedTimeToUtc('Europe/Berlin', '2026-10-25T01:59'))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(zonedTimeToUtc('Europe/Berlin', '2026-10-25T02:30'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedTimeToUtc('Europe/Berlin', '2026-10-25T03:00'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('handles both DST changes in New York', () => {
    expect(iso(zonedTimeToUtc('America/New_York', '2026-03-08T02:30'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedTimeToUtc('America/New_York', '2026-03-08T03:00'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedTimeToUtc('America/New_York', '2026-11-01T01:30'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTimeToUtc('America/New_York', '2026-11-01T02:00'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('rejects what is not a local date-time', () => {
    expect(() => zonedTimeToUtc('UTC', '2026-02-30T10:00')).toThrow("'2026-02-30T10:00' is not a local date-time");
    expect(() => zonedTimeToUtc('UTC', '2026-03-01 10:00')).toThrow('is not a local date-time');
    expect(() => zonedTimeToUtc('UTC', '2026-03-01T10:00Z')).toThrow('is not a local date-time');
  });
});

describe('addCalendarDays', () => {
  it('keeps the local wall-clock time across a DST change (167 hours in spring, 169 in autumn)', () => {
    expect(iso(addCalendarDays('Europe/Berlin', at('2026-03-27T09:00:00Z'), 7))).toBe('2026-04-03T08:00:00.000Z');
    expect(iso(addCalendarDays('Europe/Berlin', at('2026-10-23T08:00:00Z'), 7))).toBe('2026-10-30T09:00:00.000Z');
    expect(iso(addCalendarDays('UTC', at('2026-10-23T08:00:00.250Z'), 7))).toBe('2026-10-30T08:00:00.250Z');
  });
});

describe('addBusinessHours', () => {
  const berlin = weekdays('Europe/Berlin');

  it('carries the rest of the hours over the weekend: Friday 16:00 + 4h is Monday 12:00', () => {
    // Friday 2026-06-05 16:00 CEST (UTC+2) → 1h on Friday, 3h on Monday from 09:00.
    expect(iso(addBusinessHours(berlin, at('2026-06-05T14:00:00Z'), 4))).toBe('2026-06-08T10:00:00.000Z');
  });

  it('ends at closing time rather than at the next opening when the hours run out exactly', () => {
    expect(iso(addBusinessHours(berlin, at('2026-06-05T14:00:00Z'), 1))).toBe('2026-06-05T15:00:00.000Z');
    expect(iso(addBusinessHours(berlin, at('2026-06-05T15:00:00Z'), 0.5))).toBe('2026-06-08T07:30:00.000Z');
  });

  it('counts from the next opening when it starts outside working time', () => {
    expect(iso(addBusinessHours(berlin, at('2026-06-06T08:00:00Z'), 1))).toBe('2026-06-08T08:00:00.000Z');
    expect(iso(addBusinessHours(berlin, at('2026-06-08T05:00:00Z'), 1))).toBe('2026-06-08T08:00:00.000Z');
    expect(iso(addBusinessHours(berlin, at('2026-06-06T08:00:00Z'), 0))).toBe('2026-06-08T07:00:00.000Z');
    expect(iso(addBusinessHours(berlin, at('2026-06-08T09:12:00Z'), 0))).toBe('2026-06-08T09:12:00.000Z');
    expect(iso(addBusinessHours(berlin, at('2026-06-08T07:00:00Z'), 0.25))).toBe('2026-06-08T07:15:00.000Z');
  });

  it('skips holidays', () => {
    const withHolidays = weekdays('Europe/Berlin', NINE_TO_FIVE, ['2026-06-08', '2026-06-09']);
    expect(iso(addBusinessHours(withHolidays, at('2026-06-05T14:00:00Z'), 4))).toBe('2026-06-10T10:00:00.000Z');
    const goodFriday = weekdays('Europe/Berlin', NINE_TO_FIVE, ['2026-04-03']);
    expect(iso(addBusinessHours(goodFriday, at('2026-04-02T14:00:00Z'), 4))).toBe('2026-04-06T10:00:00.000Z');
  });

  it('skips the lunch break of a day with two intervals, in any order', () => {
    const lunch = weekdays('UTC', [
      { start: '13:00', end: '17:30' },
      { start: '09:00', end: '12:00' },
    ]);
    expect(iso(addBusinessHours(lunch, at('2026-06-08T11:00:00Z'), 2))).toBe('2026-06-08T14:00:00.000Z');
    expect(iso(addBusinessHours(lunch, at('2026-06-08T12:15:00Z'), 1))).toBe('2026-06-08T14:00:00.000Z');
    // Monday 11:00–12:00 and 13:00–17:30 are 5.5 hours; the other 3 fill Tuesday's morning.
    expect(iso(addBusinessHours(lunch, at('2026-06-08T11:00:00Z'), 8.5))).toBe('2026-06-09T12:00:00.000Z');
  });

  it('follows the Berlin clocks across spring forward and fall back', () => {
    const daily = everyDay('Europe/Berlin');
    // Saturday 16:00 CET + 2h → Sunday 10:00, which is CEST (UTC+2) after the night of 2026-03-29.
    expect(iso(addBusinessHours(daily, at('2026-03-28T15:00:00Z'), 2))).toBe('2026-03-29T08:00:00.000Z');
    // Saturday 16:00 CEST + 2h → Sunday 10:00 CET (UTC+1) after the night of 2026-10-25.
    expect(iso(addBusinessHours(daily, at('2026-10-24T14:00:00Z'), 2))).toBe('2026-10-25T09:00:00.000Z');
  });

  it('counts real elapsed hours through the DST night itself', () => {
    const sundays = ZWorkingCalendar.parse({ timeZone: 'Europe/Berlin', hours: { sun: [{ start: '00:00', end: '24:00' }] } });
    // Sunday 00:00 CET = Saturday 23:00 UTC; three hours later the clocks show 04:00 CEST.
    expect(iso(addBusinessHours(sundays, at('2026-03-28T23:00:00Z'), 3))).toBe('2026-03-29T02:00:00.000Z');
    // The spring Sunday has 23 hours: all of them end at Monday 00:00 CEST, not on the next Sunday.
    expect(iso(addBusinessHours(sundays, at('2026-03-28T12:00:00Z'), 23))).toBe('2026-03-29T22:00:00.000Z');
    expect(iso(addBusinessHours(sundays, at('2026-10-24T12:00:00Z'), 25))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('follows the New York clocks across both DST changes', () => {
    const newYork = weekdays('America/New_York');
    // Friday 16:00 EST (UTC-5) + 4h → Monday 12:00 EDT (UTC-4).
    expect(iso(addBusinessHours(newYork, at('2026-03-06T21:00:00Z'), 4))).toBe('2026-03-09T16:00:00.000Z');
    // Friday 16:00 EDT + 4h → Monday 12:00 EST.
    expect(iso(addBusinessHours(newYork, at('2026-10-30T20:00:00Z'), 4))).toBe('2026-11-02T17:00:00.000Z');
  });

  it('finds the local day at the extreme offsets (UTC+14 and UTC-11)', () => {
    // Monday 08:00 in Kiritimati is Sunday 18:00 UTC.
    expect(iso(addBusinessHours(weekdays('Pacific/Kiritimati'), at('2026-06-07T18:00:00Z'), 1))).toBe('2026-06-07T20:00:00.000Z');
    // Friday 16:00 in Pago Pago is Saturday 03:00 UTC; Monday 12:00 there is Monday 23:00 UTC.
    expect(iso(addBusinessHours(weekdays('Pacific/Pago_Pago'), at('2026-06-06T03:00:00Z'), 4))).toBe('2026-06-08T23:00:00.000Z');
  });

  it('rejects negative or non-finite hours and invalid dates', () => {
    expect(() => addBusinessHours(berlin, at('2026-06-05T14:00:00Z'), -1)).toThrow('at least 0, got -1');
    expect(() => addBusinessHours(berlin, at('2026-06-05T14:00:00Z'), Number.NaN)).toThrow('finite');
    expect(() => addBusinessHours(berlin, new Date('not a date'), 1)).toThrow('Invalid date');
  });

  it('refuses a calendar without working hours instead of searching forever', () => {
    const closed = { timeZone: 'UTC', hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] };
    expect(() => addBusinessHours(closed, at('2026-06-05T14:00:00Z'), 1)).toThrow('The working calendar has no working hours on any day');
  });

  it(`gives up after ${MAX_CLOSED_DAYS} days in a row without working time`, () => {
    const mondays = Array.from({ length: 110 }, (_, week) => new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10));
    const closedAllYear = ZWorkingCalendar.parse({ timeZone: 'UTC', hours: { mon: NINE_TO_FIVE }, holidays: mondays });
    expect(() => addBusinessHours(closedAllYear, at('2026-01-01T00:00:00Z'), 1)).toThrow(
      'The working calendar has no working time for 366 days in a row after 2026-01-01T00:00:00.000Z (check its holidays)',
    );
  });
});

describe('businessHoursBetween', () => {
  const berlin = weekdays('Europe/Berlin', NINE_TO_FIVE, ['2026-06-09']);

  it('counts only working time, as a fraction of hours', () => {
    expect(businessHoursBetween(berlin, at('2026-06-08T08:00:00Z'), at('2026-06-08T09:30:00Z'))).toBe(1.5);
    expect(businessHoursBetween(berlin, at('2026-06-05T14:00:00Z'), at('2026-06-08T08:00:00Z'))).toBe(2);
    expect(businessHoursBetween(berlin, at('2026-06-06T00:00:00Z'), at('2026-06-07T23:59:00Z'))).toBe(0);
    expect(businessHoursBetween(berlin, at('2026-06-08T14:00:00Z'), at('2026-06-10T08:00:00Z'))).toBe(2);
  });

  it('is 0 when `to` is not after `from`', () => {
    expect(businessHoursBetween(berlin, at('2026-06-08T10:00:00Z'), at('2026-06-08T08:00:00Z'))).toBe(0);
    expect(businessHoursBetween(berlin, at('2026-06-08T10:00:00Z'), at('2026-06-08T10:00:00Z'))).toBe(0);
  });

  it('skips a lunch break', () => {
    const lunch = weekdays('UTC', [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
    expect(businessHoursBetween(lunch, at('2026-06-08T11:30:00Z'), at('2026-06-08T13:30:00Z'))).toBe(1);
    expect(businessHoursBetween(lunch, at('2026-06-08T00:00:00Z'), at('2026-06-09T00:00:00Z'))).toBe(7.5);
  });

  it('measures 23 and 25 hour days on the DST Sundays', () => {
    const sundays = ZWorkingCalendar.parse({ timeZone: 'Europe/Berlin', hours: { sun: [{ start: '00:00', end: '24:00' }] } });
    expect(businessHoursBetween(sundays, at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z'))).toBe(23);
    expect(businessHoursBetween(sundays, at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'))).toBe(25);
    const newYork = weekdays('America/New_York');
    expect(businessHoursBetween(newYork, at('2026-03-06T21:00:00Z'), at('2026-03-09T16:00:00Z'))).toBe(4);
  });

  it('undoes addBusinessHours', () => {
    const calendar = weekdays('Europe/Berlin', [{ start: '08:30', end: '12:00' }, { start: '12:45', end: '17:15' }], ['2026-04-03', '2026-04-06']);
    for (const start of ['2026-03-20T10:17:00Z', '2026-03-27T16:59:00Z', '2026-03-28T12:00:00Z', '2026-10-23T11:00:00Z']) {
      for (const hours of [0.5, 4, 7.75, 40, 720]) {
        const due = addBusinessHours(calendar, at(start), hours);
        expect(businessHoursBetween(calendar, at(start), due)).toBeCloseTo(hours, 9);
      }
    }
  });
});

describe('ZWorkingCalendar', () => {
  const messages = (input: unknown) => ZWorkingCalendar.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

  it('accepts a calendar, fills missing days and holidays, and spells the time zone canonically', () => {
    const calendar = ZWorkingCalendar.parse({ timeZone: ' europe/berlin ', hours: { mon: [{ start: '00:00', end: '24:00' }] } });
    expect(calendar).toEqual({
      timeZone: 'Europe/Berlin',
      hours: { mon: [{ start: '00:00', end: '24:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: [],
    });
  });

  it('names what is wrong', () => {
    expect(messages({ timeZone: 'Mars/Olympus', hours: { mon: NINE_TO_FIVE } })).toEqual(['timeZone: must be an IANA time zone such as Europe/Berlin']);
    expect(messages({ timeZone: 'UTC', hours: {} })).toEqual(['hours: must have working hours on at least one day']);
    expect(messages({ timeZone: 'UTC', hours: { mon: [{ start: '9:00', end: '17:00' }] } })).toEqual(['hours.mon.0.start: must be a time such as 09:00']);
    expect(messages({ timeZone: 'UTC', hours: { mon: [{ start: '17:00', end: '09:00' }] } })).toEqual(['hours.mon.0.end: must be after start']);
    expect(messages({ timeZone: 'UTC', hours: { mon: [{ start: '24:00', end: '24:00' }] } })).toEqual(['hours.mon.0.start: must be a time such as 09:00']);
    expect(messages({ timeZone: 'UTC', hours: { tue: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '13:30' }] } })).toEqual([
      'hours.tue: intervals must not overlap',
    ]);
    expect(messages({ timeZone: 'UTC', hours: { mon: NINE_TO_FIVE }, holidays: ['2026-13-01'] })).toEqual(['holidays.0: must be a date such as 2026-03-01']);
  });

  it('lets intervals touch', () => {
    const touching = [{ start: '09:00', end: '13:00' }, { start: '13:00', end: '17:00' }];
    expect(ZWorkingCalendar.safeParse({ timeZone: 'UTC', hours: { mon: touching } }).success).toBe(true);
  });
});
