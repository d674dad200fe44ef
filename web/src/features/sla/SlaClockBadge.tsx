import { Badge } from '@mantine/core';
import { IconAlarm, IconClockHour4 } from '@tabler/icons-react';
import type { Handover } from '../../types.ts';
import { firstContactClock, FIRST_CONTACT_LOOKS } from './sla-text.ts';

/** Time left to the first contact of an open MQL, red once overdue; after the contact, whether it was in time. */
export function SlaClockBadge({ handover, now, size = 'md' }: { handover: Handover; now: number; size?: 'sm' | 'md' | 'lg' }) {
  const clock = firstContactClock(handover, now);
  if (!clock) return null;
  const state = handover.sla?.firstContactState;
  const color = clock.overdue ? 'red' : state === 'met' || state === 'breached' ? FIRST_CONTACT_LOOKS[state].color : 'blue';
  const Icon = clock.overdue ? IconAlarm : IconClockHour4;
  return (
    <Badge
      size={size}
      color={color}
      variant={clock.overdue ? 'filled' : 'light'}
      tt="none"
      leftSection={<Icon size={14} aria-hidden />}
      style={{ flexShrink: 0, maxWidth: '100%' }}
    >
      {clock.text}
    </Badge>
  );
}
