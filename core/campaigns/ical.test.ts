import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderICalendar } from './ical.ts';

describe('iCalendar feed', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    const lines = folded.split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('renders all-day events with an exclusive end, a stable UID and UTC stamps, ending every line with CRLF', () => {
    const ics = renderICalendar({
      name: 'Brightwash campaigns',
      description: 'Campaigns',
      stamp: new Date('2026-03-02T08:00:00.123Z'),
      events: [
        {
          uid: 'campaign-1@accord',
          summary: 'Spring promo; free basin',
          description: 'Offer: 20 %, basin\nLine two',
          firstDay: '2026-04-01',
          lastDay: '2026-04-30',
          status: 'CONFIRMED',
          categories: ['tv', 'in-store, retail'],
          url: 'https://accord.example/w/brightwash/campaigns/1',
          lastModified: new Date('2026-03-01T10:00:00Z'),
        },
      ],
    });
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Accord//Campaign calendar//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Brightwash campaigns',
      'X-WR-CALDESC:Campaigns',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
      'BEGIN:VEVENT',
      'UID:campaign-1@accord',
      'DTSTAMP:20260302T080000Z',
      'DTSTART;VALUE=DATE:20260401',
      'DTEND;VALUE=DATE:20260501',
      'SUMMARY:Spring promo\\; free basin',
      'DESCRIPTION:Offer: 20 %\\, basin\\nLine two',
      'STATUS:CONFIRMED',
      'TRANSP:TRANSPARENT',
      'CATEGORIES:tv,in-store\\, retail',
      'URL:https://accord.example/w/brightwash/campaigns/1',
      'LAST-MODIFIED:20260301T100000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
});
