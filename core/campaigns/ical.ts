import { addDays } from './days.ts';

/**
 * An iCalendar (RFC 5545) feed of all-day events, as Google Calendar, Outlook and Apple Calendar
 * subscribe to it: CRLF line ends, content lines folded at 75 octets (never inside a UTF-8
 * character), TEXT values escaped (\\ \; \, \n), DTSTAMP in UTC, DTSTART;VALUE=DATE with an
 * exclusive DTEND, a UID per event that stays the same across fetches.
 */

export type CalendarEvent = {
  uid: string;
  summary: string;
  description: string;
  /** First and last day of the event, both included. */
  firstDay: string;
  lastDay: string;
  status: 'CONFIRMED' | 'TENTATIVE';
  categories: readonly string[];
  url: string | null;
  lastModified: Date;
};

export type CalendarFeed = { name: string; description: string; stamp: Date; events: readonly CalendarEvent[] };

const PRODUCT_ID = '-//Accord//Campaign calendar//EN';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a content line into lines of at most 75 octets; each continuation starts with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** 2026-04-01 → 20260401 */
function dateValue(day: string): string {
  return day.replaceAll('-', '');
}

/** An instant in UTC: 20260401T093000Z */
function dateTimeValue(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function eventLines(event: CalendarEvent, stamp: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${dateTimeValue(stamp)}`,
    `DTSTART;VALUE=DATE:${dateValue(event.firstDay)}`,
    `DTEND;VALUE=DATE:${dateValue(addDays(event.lastDay, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `STATUS:${event.status}`,
    'TRANSP:TRANSPARENT',
    ...(event.categories.length > 0 ? [`CATEGORIES:${event.categories.map(escapeText).join(',')}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    `LAST-MODIFIED:${dateTimeValue(event.lastModified)}`,
    'END:VEVENT',
  ];
}

/** The whole feed as one iCalendar object, ready to serve as text/calendar. */
export function renderICalendar(feed: CalendarFeed): string {
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODUCT_ID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    `X-WR-CALDESC:${escapeText(feed.description)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...feed.events.flatMap((event) => eventLines(event, feed.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
