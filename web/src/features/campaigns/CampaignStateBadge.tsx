import { Badge, type BadgeProps } from '@mantine/core';
import type { CampaignState, ReadinessCondition } from '../../types.ts';
import { STATE_LOOKS, stateLabel } from './campaign-text.ts';

type Props = { state: CampaignState; blockers?: readonly ReadinessCondition[] } & Omit<BadgeProps, 'color' | 'children'>;

/** Where a campaign stands: ready, blocked (with the first thing missing), scheduled, live, ended. */
export function CampaignStateBadge({ state, blockers, ...props }: Props) {
  return (
    <Badge color={STATE_LOOKS[state].color} variant="light" tt="none" style={{ flexShrink: 0, maxWidth: '100%' }} {...props}>
      {stateLabel(state, blockers)}
    </Badge>
  );
}
