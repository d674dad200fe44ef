import { Badge, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { REJECTION_REASONS } from '../../../../core/schemas/sla.ts';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount, formatMonth } from '../../format.ts';
import type { MarketingLedgerLine } from '../../types.ts';
import { formatPercentValue, rejectionLabel } from './sla-text.ts';

/** Badges in table cells keep their whole label. */
const BADGE = { flexShrink: 0, overflow: 'visible' } as const;
const REASON_COLORS = ['red.6', 'orange.5', 'yellow.6', 'grape.5', 'pink.5', 'cyan.6', 'gray.6', 'indigo.4'];

function Verdict({ met, running, label }: { met: boolean | null; running: boolean; label?: string }) {
  if (met === null) {
    return (
      <Text size="xs" c="dimmed">
        No decisions yet
      </Text>
    );
  }
  if (!met && running) {
    return (
      <Badge color="gray" variant="light" tt="none" style={BADGE} styles={{ label: { overflow: 'visible' } }}>
        Month running
      </Badge>
    );
  }
  return (
    <Badge color={met ? 'teal' : 'red'} variant="light" tt="none" style={BADGE} styles={{ label: { overflow: 'visible' } }}>
      {met ? 'Met' : (label ?? 'Missed')}
    </Badge>
  );
}

/** The reasons in the order of the reason codes, then any other the server knows. */
function reasonsIn(lines: MarketingLedgerLine[]): string[] {
  const seen = new Set(lines.flatMap((line) => Object.entries(line.rejectedByReason).filter(([, n]) => n > 0).map(([reason]) => reason)));
  return [...REJECTION_REASONS.filter((reason) => seen.has(reason)), ...[...seen].filter((reason) => !(REJECTION_REASONS as readonly string[]).includes(reason))];
}

function Charts({ lines }: { lines: MarketingLedgerLine[] }) {
  const target = lines[0]?.target ?? 0;
  const reasons = reasonsIn(lines);
  const volume = lines.map((line) => ({ month: formatMonth(line.month), MQLs: line.mqls, Accepted: line.accepted }));
  const rejections = lines.map((line) => ({
    month: formatMonth(line.month),
    ...Object.fromEntries(reasons.map((reason) => [rejectionLabel(reason), line.rejectedByReason[reason] ?? 0])),
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md" component="figure" m={0} aria-label="MQLs against the target">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            MQLs delivered and accepted, against the target of {formatCount(target)}
          </Text>
          <BarChart
            h={220}
            data={volume}
            dataKey="month"
            withLegend
            maxBarWidth={32}
            valueFormatter={(value) => new Intl.NumberFormat().format(value)}
            referenceLines={[{ y: target, color: 'orange.6', label: `Target ${formatCount(target)}`, labelPosition: 'insideTopRight' }]}
            series={[
              { name: 'MQLs', color: 'indigo.3' },
              { name: 'Accepted', color: 'teal.6' },
            ]}
          />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" component="figure" m={0} aria-label="Rejections by reason">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Why Sales rejected MQLs
          </Text>
          {reasons.length === 0 ? (
            <Text size="sm" c="dimmed">
              No MQL of this period was rejected.
            </Text>
          ) : (
            <BarChart
              h={220}
              data={rejections}
              dataKey="month"
              type="stacked"
              withLegend
              maxBarWidth={32}
              valueFormatter={(value) => new Intl.NumberFormat().format(value)}
              series={reasons.map((reason, index) => ({ name: rejectionLabel(reason), color: REASON_COLORS[index % REASON_COLORS.length]! }))}
            />
          )}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

/** Marketing's side per month: MQL volume against the target, and the share of decided MQLs Sales accepted. */
export function MarketingLedgerSection({ lines, thisMonth }: { lines: MarketingLedgerLine[]; thisMonth: string }) {
  const reasons = reasonsIn(lines);
  return (
    <Stack gap="sm">
      <Charts lines={lines} />
      <TableCard minWidth={900} dense label="Marketing's side per month">
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>Month</Table.Th>
            <Table.Th colSpan={3} ta="center" style={{ borderBottom: 0 }}>
              Volume: MQLs delivered
            </Table.Th>
            <Table.Th colSpan={5} ta="center" style={{ borderBottom: 0 }}>
              Quality: accepted by Sales, of those decided
            </Table.Th>
            <Table.Th rowSpan={2} miw={200}>
              Rejected because
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <NumTh>MQLs</NumTh>
            <NumTh>Target</NumTh>
            <Table.Th miw={100}>Volume</Table.Th>
            <NumTh>Accepted</NumTh>
            <NumTh>Rejected</NumTh>
            <NumTh>Accepted %</NumTh>
            <NumTh>Target</NumTh>
            <Table.Th miw={100}>Quality</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => {
            const running = line.month >= thisMonth;
            const short = line.target - line.mqls;
            return (
              <Table.Tr key={line.month}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMonth(line.month)}</Table.Td>
                <NumTd fw={600}>{formatCount(line.mqls)}</NumTd>
                <NumTd>{formatCount(line.target)}</NumTd>
                <Table.Td>
                  <Verdict met={line.volumeMet} running={running} label={`${formatCount(short)} short`} />
                </Table.Td>
                <NumTd>{formatCount(line.accepted)}</NumTd>
                <NumTd>{formatCount(line.rejected)}</NumTd>
                <NumTd fw={600}>{formatPercentValue(line.acceptedPercent)}</NumTd>
                <NumTd>{formatPercentValue(line.acceptedTarget)}</NumTd>
                <Table.Td>
                  <Verdict met={line.acceptedMet} running={false} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c={line.rejected === 0 ? 'dimmed' : undefined}>
                    {line.rejected === 0
                      ? '—'
                      : reasons
                          .filter((reason) => (line.rejectedByReason[reason] ?? 0) > 0)
                          .map((reason) => `${rejectionLabel(reason)} ${line.rejectedByReason[reason]}`)
                          .join(', ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </TableCard>
    </Stack>
  );
}
