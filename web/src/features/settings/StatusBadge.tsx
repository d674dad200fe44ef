import { Badge } from '@mantine/core';
import type { Status } from './status.ts';

const LOOK: Record<Status, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  pending: { label: 'Pending', color: 'blue' },
  accepted: { label: 'Accepted', color: 'teal' },
  revoked: { label: 'Revoked', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
};

export function StatusBadge({ status }: { status: Status }) {
  const { label, color } = LOOK[status];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
