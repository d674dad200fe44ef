import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CalendarItem, CalendarOverlap } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { formatDayRange } from './campaign-text.ts';

/** Offers that compete for the same product or audience on the same days, before customers find out. */
export function OverlapWarnings({ overlaps, items }: { overlaps: CalendarOverlap[]; items: CalendarItem[] }) {
  const { pathTo } = useCurrentWorkspace();
  if (overlaps.length === 0) return null;
  const nameOf = (id: string) => items.find((item) => item.id === id)?.name ?? 'another campaign';
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={overlaps.length === 1 ? 'Two offers compete' : `${overlaps.length} pairs of offers compete`} role="region" aria-label="Overlapping offers">
      <List size="sm" spacing={4}>
        {overlaps.map((overlap) => {
          const [a, b] = overlap.campaignIds;
          const shared = [
            overlap.skus.length > 0 ? `${overlap.skus.length === 1 ? 'product' : 'products'} ${overlap.skus.join(', ')}` : null,
            overlap.segments.length > 0 ? `${overlap.segments.length === 1 ? 'segment' : 'segments'} ${overlap.segments.join(', ')}` : null,
          ]
            .filter(Boolean)
            .join(' and ');
          return (
            <List.Item key={`${a}-${b}`}>
              <Text span size="sm">
                <Anchor component={Link} to={pathTo(`campaigns/${a}`)} size="sm">
                  {nameOf(a)}
                </Anchor>{' '}
                and{' '}
                <Anchor component={Link} to={pathTo(`campaigns/${b}`)} size="sm">
                  {nameOf(b)}
                </Anchor>{' '}
                both make an offer on {shared}, {formatDayRange(overlap.from, overlap.to)}.
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
