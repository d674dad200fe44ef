import { Stack, Table, Text } from '@mantine/core';
import type { Velocity } from '../../../../core/funnel/metrics.ts';
import { FUNNEL_STAGES, STAGE_LABELS, type FunnelStage } from '../../../../core/funnel/stages.ts';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount, plural } from '../../format.ts';
import type { FunnelReport } from '../../types.ts';
import { groupName } from './funnel-labels.ts';

/** The steps the server measures: from Lead onwards (visitors have no stage date of their own). */
const STEPS = FUNNEL_STAGES.slice(1, -1).map((from, i) => ({ from, to: FUNNEL_STAGES[i + 2]! }));

const days = (value: number | null) => (value === null ? '—' : `${formatCount(value)} d`);

function Cell({ velocity }: { velocity: Velocity | undefined }) {
  if (!velocity || velocity.count === 0) return <NumTd c="dimmed">—</NumTd>;
  return (
    <NumTd>
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {days(velocity.medianDays)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          p90 {days(velocity.p90Days)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {plural(velocity.count, 'lead')}
        </Text>
      </Stack>
    </NumTd>
  );
}

/** Median and 90th-percentile days between consecutive stages, one row per group, in the order of the funnel table. */
export function VelocityTable({ report, groupLabel }: { report: FunnelReport; groupLabel: string }) {
  const byGroup = new Map<string | null, Map<string, Velocity>>();
  for (const v of report.velocity) {
    const steps = byGroup.get(v.group) ?? new Map<string, Velocity>();
    steps.set(`${v.from}>${v.to}`, v);
    byGroup.set(v.group, steps);
  }
  const order = report.groups.map((g) => g.group).filter((group) => byGroup.has(group));
  const rest = [...byGroup.keys()].filter((group) => !order.includes(group));
  const groups = [...order, ...rest];
  if (groups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No lead of this period has moved between two stages yet.
      </Text>
    );
  }
  const key = (from: FunnelStage, to: FunnelStage) => `${from}>${to}`;
  return (
    <TableCard minWidth={820} dense label={`Days between stages by ${groupLabel.toLowerCase()}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{groupLabel}</Table.Th>
          {STEPS.map(({ from, to }) => (
            <NumTh key={from} style={{ whiteSpace: 'normal', verticalAlign: 'bottom' }}>
              {STAGE_LABELS[from]} →<br />
              {STAGE_LABELS[to]}
            </NumTh>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <Table.Tr key={group ?? '\u0000'}>
            <Table.Td>
              <Text size="sm" fw={500} c={group === null ? 'dimmed' : undefined}>
                {groupName(group)}
              </Text>
            </Table.Td>
            {STEPS.map(({ from, to }) => (
              <Cell key={from} velocity={byGroup.get(group)?.get(key(from, to))} />
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
