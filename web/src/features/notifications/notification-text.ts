import { EVENT_LABELS } from '../../../../core/notifications/events.ts';
import type { NotificationEvent } from '../../../../core/notifications/events.ts';

export { EVENT_LABELS };
export type { NotificationEvent };

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday": how long ago `iso` was, in the reader's language. */
export function formatAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** The unread count as the bell badge shows it: "9+" beyond nine. */
export function badgeCount(unread: number): string {
  return unread > 9 ? '9+' : String(unread);
}
