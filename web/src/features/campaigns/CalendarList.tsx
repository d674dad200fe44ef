import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CalendarItem } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { CampaignStateBadge } from './CampaignStateBadge.tsx';
import { TEAM_LABELS, formatDayRange, offerSummary } from './campaign-text.ts';

/** The calendar as a list: one card per campaign, by launch day (the view phones get). */
export function CalendarList({ items, overlapping }: { items: CalendarItem[]; overlapping: ReadonlySet<string> }) {
  const { pathTo } = useCurrentWorkspace();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No campaign runs in this period.
      </Text>
    );
  }
  const sorted = [...items].sort((a, b) => a.launchOn.localeCompare(b.launchOn) || a.name.localeCompare(b.name));
  return (
    <Stack gap="xs" component="ul" aria-label="Campaigns" p={0} m={0} style={{ listStyle: 'none' }}>
      {sorted.map((item) => (
        <Paper key={item.id} component="li" withBorder radius="md" p="sm" aria-label={item.name}>
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={pathTo(`campaigns/${item.id}`)} fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                {item.name}
              </Anchor>
              <CampaignStateBadge state={item.state} blockers={item.readiness?.blockers} />
            </Group>
            <Text size="sm">
              {formatDayRange(item.launchOn, item.endOn)}
              {item.announceOn && item.announceOn < item.launchOn ? ` · announced ${formatDayRange(item.announceOn, item.announceOn)}` : ''}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {[
                item.channels.length > 0 ? item.channels.join(', ') : 'No channel',
                offerSummary(item.offer, item.currency),
                `${item.productCount} ${item.productCount === 1 ? 'product' : 'products'}`,
                item.owner ? `${item.owner.name ?? 'Someone'}${item.owner.team ? ` (${TEAM_LABELS[item.owner.team]})` : ''}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {overlapping.has(item.id) && (
              <Group gap={4} wrap="nowrap">
                <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-hidden />
                <Text size="xs" c="orange.8">
                  Competes with another offer (see the warnings above)
                </Text>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
