import { Alert, Badge, Group, Loader, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Stat } from '../../components/Stat.tsx';
import { formatCount, formatDay, formatMoney, formatMonth, formatPercent } from '../../format.ts';
import type { PlanLine, Scorecard } from '../../types.ts';
import { elapsedShare, formatPeriod, PLAN_STAGE_LOOK } from './target-text.ts';
import { useScorecard } from './use-targets.ts';

/** A progress bar with its share in words; an unknown share (nothing needed, or no plan) is an empty grey bar and "—". */
function ProgressCell({ progress, label }: { progress: number | null; label: string }) {
  const known = progress !== null && Number.isFinite(progress);
  return (
    <Group gap="xs" wrap="nowrap" miw={150}>
      <Progress
        value={known ? Math.min(100, progress * 100) : 0}
        color={known && progress >= 1 ? 'teal' : 'blue'}
        size="md"
        radius="xl"
        style={{ flex: 1 }}
        aria-label={label}
      />
      <Text size="sm" w={56} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatPercent(progress, 0)}
      </Text>
    </Group>
  );
}

function RevenueCard({ card, now }: { card: Scorecard; now: Date }) {
  const money = (minor: number) => formatMoney(minor, card.currency);
  const name = formatPeriod(card.period.key);
  const passed = elapsedShare(card.period.from, card.period.to, now);
  if (!card.plan) {
    return (
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap={4}>
          <Text fw={600}>No revenue target is set for {name}.</Text>
          <Text size="sm" c="dimmed">
            Without a target there is nothing to turn into a funnel. Won so far: {money(card.actual.revenueMinor)} from {formatCount(card.actual.won)}{' '}
            {card.actual.won === 1 ? 'deal' : 'deals'}.
          </Text>
        </Stack>
      </Paper>
    );
  }
  const { revenue, targetMinor } = card.plan;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Stat label={`Target ${name}`} value={money(targetMinor)} />
          <Stat label="Won so far" value={money(revenue.actualMinor)} />
          <Stat label="Still to win" value={money(revenue.remainingMinor)} />
        </SimpleGrid>
        <ProgressCell progress={revenue.progress} label="Revenue won against the target" />
        <Text size="xs" c="dimmed">
          {formatPercent(revenue.progress, 0)} of the target won, with {formatPercent(passed, 0)} of the period passed ({formatDay(card.period.from)} to{' '}
          {formatDay(lastDay(card.period.to))}).
        </Text>
      </Stack>
    </Paper>
  );
}

function lastDay(to: string): string {
  return new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function PlanRow({ line }: { line: PlanLine }) {
  const look = PLAN_STAGE_LOOK[line.stage];
  const count = (value: number | null) => (value === null ? '—' : formatCount(value));
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {look.label}
          </Text>
          <Badge size="xs" variant="light" color={look.color} tt="none">
            {look.team}
          </Badge>
        </Group>
      </Table.Td>
      <NumTd>{count(line.needed)}</NumTd>
      <NumTd>{formatCount(line.actual)}</NumTd>
      <NumTd>{count(line.remaining)}</NumTd>
      <Table.Td>
        <ProgressCell progress={line.progress} label={`${look.label}: progress against what is needed`} />
      </Table.Td>
    </Table.Tr>
  );
}

/** "Oct 2025 – Mar 2026" for the trailing window (`to` excluded). */
function windowText(from: string, to: string): string {
  return `${formatMonth(from.slice(0, 7))} – ${formatMonth(lastDay(to).slice(0, 7))}`;
}

function RatesNote({ card }: { card: Scorecard }) {
  const { rates, avgDealMinor } = card.trailing;
  const parts = [
    `MQL rate ${formatPercent(rates.mqlRate)}`,
    `acceptance ${formatPercent(rates.acceptanceRate)}`,
    `opportunity rate ${formatPercent(rates.opportunityRate)}`,
    `win rate ${formatPercent(rates.winRate)}`,
    `average deal ${avgDealMinor === null ? '—' : formatMoney(Math.round(avgDealMinor), card.currency)}`,
  ];
  return (
    <Text size="xs" c="dimmed">
      At the rates of {windowText(card.trailing.from, card.trailing.to)}: {parts.join(' · ')}.
    </Text>
  );
}

function FunnelPlan({ card }: { card: Scorecard }) {
  if (!card.plan) return null;
  const reasons = [...new Set(card.plan.stages.flatMap((line) => (line.reason ? [line.reason] : [])))];
  const nothingYet = card.actual.opportunities === 0 && card.actual.won === 0;
  return (
    <Stack gap="xs">
      <Title order={3} fz="h5">
        What the target takes
      </Title>
      {reasons.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle />} title="Some stages cannot be planned yet">
          {reasons.map((reason) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`).join(' ')}
        </Alert>
      )}
      <TableCard minWidth={640} label={`Reverse funnel for ${formatPeriod(card.period.key)}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Stage</Table.Th>
            <NumTh>Needed</NumTh>
            <NumTh>So far</NumTh>
            <NumTh>Still needed</NumTh>
            <Table.Th>Progress</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {card.plan.stages.map((line) => (
            <PlanRow key={line.stage} line={line} />
          ))}
        </Table.Tbody>
      </TableCard>
      <RatesNote card={card} />
      {nothingYet && (
        <Text size="xs" c="dimmed">
          No deal has been created or won in {formatPeriod(card.period.key)} yet.
        </Text>
      )}
    </Stack>
  );
}

/**
 * The shared scorecard of a month or quarter ('2026-04', '2026-Q2'): the revenue target against what
 * is won, and the reverse funnel turning it into the leads, MQLs, SQLs, opportunities and won deals it
 * takes at the current rates, with the progress of each, for both teams.
 */
export function ScorecardPanel({ period }: { period: string }) {
  const scorecard = useScorecard(period);
  const now = new Date();
  return (
    <QueryStatus query={scorecard} label="Loading the scorecard">
      {(card) => (
        <Stack gap="md" pos="relative" aria-label={`Scorecard ${formatPeriod(card.period.key)}`} component="section">
          {scorecard.isFetching && <Loader size="xs" pos="absolute" top={0} right={0} aria-label="Updating the scorecard" />}
          <RevenueCard card={card} now={now} />
          <FunnelPlan card={card} />
        </Stack>
      )}
    </QueryStatus>
  );
}
