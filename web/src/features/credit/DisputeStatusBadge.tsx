import { Badge, type BadgeProps } from '@mantine/core';
import type { DisputeStatus } from '../../types.ts';
import { DISPUTE_LOOK } from './dispute-text.ts';

export function DisputeStatusBadge({ status, ...props }: { status: DisputeStatus } & BadgeProps) {
  const look = DISPUTE_LOOK[status];
  return (
    <Badge color={look.color} variant={status === 'open' ? 'light' : 'filled'} title={look.description} style={{ flexShrink: 0 }} {...props}>
      {look.label}
    </Badge>
  );
}
