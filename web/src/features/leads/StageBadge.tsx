import { Badge, type BadgeProps } from '@mantine/core';
import { STAGE_LABELS, type LeadStage } from '../../../../core/funnel/stages.ts';

/** One colour per stage, warmer as a lead gets closer to buying; stages beside the funnel in muted tones. */
const STAGE_COLORS: Record<LeadStage, string> = {
  visitor: 'gray',
  lead: 'blue',
  mql: 'cyan',
  sal: 'teal',
  sql: 'green',
  opportunity: 'lime',
  customer: 'indigo',
  nurture: 'yellow',
  recycled: 'orange',
  disqualified: 'red',
};

export function StageBadge({ stage, ...props }: { stage: LeadStage } & BadgeProps) {
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} {...props}>
      {STAGE_LABELS[stage]}
    </Badge>
  );
}
