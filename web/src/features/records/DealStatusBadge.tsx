import { Badge } from '@mantine/core';
import type { DealStatus } from '../../../../core/funnel/stages.ts';

const LOOK: Record<DealStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'blue' },
  won: { label: 'Won', color: 'teal' },
  lost: { label: 'Lost', color: 'red' },
};

export function DealStatusBadge({ status }: { status: DealStatus }) {
  const { label, color } = LOOK[status];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
