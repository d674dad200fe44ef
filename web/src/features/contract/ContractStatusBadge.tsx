import { Badge, type BadgeProps } from '@mantine/core';
import type { ContractStatus } from '../../types.ts';
import { STATUS_LOOK } from './contract-text.ts';

export function ContractStatusBadge({ status, ...props }: { status: ContractStatus } & BadgeProps) {
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant={status === 'active' ? 'filled' : 'light'} title={look.description} style={{ flexShrink: 0 }} {...props}>
      {look.label}
    </Badge>
  );
}
