import { Box, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CAMPAIGN_STATES } from '../../../../core/readiness/gate.ts';
import type { CalendarItem } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { layoutWeeks, type Bar } from './calendar-grid.ts';
import { STATE_LOOKS, formatDayRange, stateLabel } from './campaign-text.ts';

type Props = {
  from: string;
  to: string;
  items: CalendarItem[];
  today: string;
  /** The month shown ('YYYY-MM'): days of other months are dimmed. Null in the week view. */
  month: string | null;
  /** Campaigns with a competing offer. */
  overlapping: ReadonlySet<string>;
};

const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const DAY_MONTH = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const LONG_DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' });
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

function CampaignBar({ bar, detailed, isOverlapping }: { bar: Bar<CalendarItem>; detailed: boolean; isOverlapping: boolean }) {
  const { pathTo } = useCurrentWorkspace();
  const { item } = bar;
  const look = STATE_LOOKS[item.state];
  const state = stateLabel(item.state, item.readiness?.blockers);
  const dates = formatDayRange(item.launchOn, item.endOn);
  const color = `var(--mantine-color-${look.color}-6)`;
  return (
    <Tooltip label={`${item.name} · ${state} · ${dates}${isOverlapping ? ' · competes with another offer' : ''}`} openDelay={300} multiline maw={320}>
      <Box
        component={Link}
        to={pathTo(`campaigns/${item.id}`)}
        aria-label={`${item.name}: ${state}, ${dates}`}
        data-state={item.state}
        style={{
          gridColumn: `${bar.startColumn + 1} / ${bar.endColumn + 2}`,
          gridRow: bar.lane + 2,
          minWidth: 0,
          display: 'block',
          textDecoration: 'none',
          color: 'var(--mantine-color-text)',
          background: `var(--mantine-color-${look.color}-light)`,
          borderLeft: bar.continuesBefore ? `1px dashed ${color}` : `3px solid ${color}`,
          borderRight: bar.continuesAfter ? `1px dashed ${color}` : undefined,
          borderRadius: 4,
          padding: detailed ? '4px 6px' : '1px 6px',
          margin: '0 2px',
        }}
      >
        <Group gap={4} wrap="nowrap">
          {isOverlapping && <IconAlertTriangle size={12} color="var(--mantine-color-orange-7)" aria-hidden style={{ flexShrink: 0 }} />}
          <Text size="xs" fw={600} truncate="end" style={{ minWidth: 0 }}>
            {item.name}
          </Text>
        </Group>
        {detailed && (
          <Text size="xs" c={`${look.color}.9`} truncate="end">
            {state}
          </Text>
        )}
      </Box>
    </Tooltip>
  );
}

/** What the colours of the bars mean, for the states on screen. */
function Legend({ items, hasOverlaps }: { items: CalendarItem[]; hasOverlaps: boolean }) {
  const states = CAMPAIGN_STATES.filter((state) => items.some((item) => item.state === state));
  if (states.length === 0) return null;
  return (
    <Group gap="md" px="sm" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} aria-label="Colours">
      {states.map((state) => (
        <Group key={state} gap={6} wrap="nowrap">
          <Box w={12} h={12} style={{ borderRadius: 3, background: `var(--mantine-color-${STATE_LOOKS[state].color}-light)`, borderLeft: `3px solid var(--mantine-color-${STATE_LOOKS[state].color}-6)` }} />
          <Text size="xs">{STATE_LOOKS[state].label}</Text>
        </Group>
      ))}
      {hasOverlaps && (
        <Group gap={6} wrap="nowrap">
          <IconAlertTriangle size={12} color="var(--mantine-color-orange-7)" />
          <Text size="xs">Competing offer</Text>
        </Group>
      )}
    </Group>
  );
}

/** The month or week grid: a row per week, each campaign a bar across the days it runs. */
export function CalendarGrid({ from, to, items, today, month, overlapping }: Props) {
  const weeks = layoutWeeks(from, to, items);
  const detailed = month === null;
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }} role="region" aria-label={detailed ? 'Week' : 'Month'}>
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }} bg="gray.0" aria-hidden>
        {weeks[0]?.days.map((day) => (
          <Text key={day} size="xs" fw={600} c="dimmed" ta="center" py={6} tt="uppercase">
            {WEEKDAY.format(utc(day))}
          </Text>
        ))}
      </Box>
      {weeks.map((week) => (
        <Box
          key={week.start}
          role="group"
          aria-label={`Week of ${DAY_MONTH.format(utc(week.start))}`}
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
            gridTemplateRows: `auto repeat(${week.lanes}, auto) 1fr`,
            alignItems: 'start',
            rowGap: 3,
            minHeight: detailed ? 240 : 104,
            borderTop: '1px solid var(--mantine-color-gray-3)',
            paddingBottom: 6,
            position: 'relative',
          }}
        >
          {week.days.map((day, column) => {
            const isOtherMonth = month !== null && day.slice(0, 7) !== month;
            return (
              <Box
                key={day}
                style={{
                  gridColumn: column + 1,
                  gridRow: '1 / -1',
                  alignSelf: 'stretch',
                  borderLeft: column === 0 ? undefined : '1px solid var(--mantine-color-gray-2)',
                  background: isOtherMonth ? 'var(--mantine-color-gray-0)' : undefined,
                }}
                aria-hidden
              />
            );
          })}
          {week.days.map((day, column) => {
            const isToday = day === today;
            const isOtherMonth = month !== null && day.slice(0, 7) !== month;
            return (
              <Text
                key={`label-${day}`}
                size="xs"
                fw={isToday ? 700 : 500}
                c={isToday ? 'indigo.7' : isOtherMonth ? 'dimmed' : undefined}
                title={LONG_DAY.format(utc(day))}
                style={{ gridColumn: column + 1, gridRow: 1, padding: '4px 6px', zIndex: 1 }}
              >
                {detailed || day.endsWith('-01') ? DAY_MONTH.format(utc(day)) : Number(day.slice(8))}
                {isToday && (
                  <Text span size="xs" c="indigo.7" fw={700}>
                    {' '}
                    · today
                  </Text>
                )}
              </Text>
            );
          })}
          {week.bars.map((bar) => (
            <CampaignBar key={bar.item.id} bar={bar} detailed={detailed} isOverlapping={overlapping.has(bar.item.id)} />
          ))}
        </Box>
      ))}
      <Legend items={items} hasOverlaps={overlapping.size > 0} />
    </Paper>
  );
}
