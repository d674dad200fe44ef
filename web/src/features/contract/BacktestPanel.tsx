import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DefinitionOutcome, DifferenceSet } from '../../../../core/scoring/backtest.ts';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatCount, formatDay, formatPercent, plural } from '../../format.ts';
import type { BacktestReport } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { useBacktest } from './use-contract.ts';

const month = (date: Date) => date.toISOString().slice(0, 7);

/** The first day of the month `offset` months from `yyyyMm`. */
function monthStart(yyyyMm: string, offset = 0): string {
  const [year = 1970, m = 1] = yyyyMm.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + offset, 1)).toISOString().slice(0, 10);
}

/** The last six full months: from the month six before this one to last month, both included. */
function defaultMonths(today: Date): [string, string] {
  const thisMonth = month(today);
  return [monthStart(thisMonth, -6).slice(0, 7), monthStart(thisMonth, -1).slice(0, 7)];
}

const lift = (value: number | null) => (value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`);

function signed(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^[-−]/, '')}` : '±0';
}

type Metric = { label: string; hint: string; show: (o: DefinitionOutcome) => string; diff: (a: DefinitionOutcome, b: DefinitionOutcome) => string };

const countDiff = (pick: (o: DefinitionOutcome) => number) => (a: DefinitionOutcome, b: DefinitionOutcome) => {
  const d = pick(a) - pick(b);
  return signed(d, formatCount(Math.abs(d)));
};
const rateDiff = (pick: (o: DefinitionOutcome) => number | null, format: (v: number) => string) => (a: DefinitionOutcome, b: DefinitionOutcome) => {
  const x = pick(a);
  const y = pick(b);
  if (x === null || y === null) return '—';
  return signed(x - y, format(Math.abs(x - y)));
};

const METRICS: Metric[] = [
  { label: 'MQLs', hint: 'Leads it would have qualified', show: (o) => formatCount(o.mqls), diff: countDiff((o) => o.mqls) },
  { label: 'Reached SQL', hint: 'Of those MQLs', show: (o) => formatCount(o.reachedSql), diff: countDiff((o) => o.reachedSql) },
  { label: 'Reached opportunity', hint: 'Of those MQLs', show: (o) => formatCount(o.reachedOpportunity), diff: countDiff((o) => o.reachedOpportunity) },
  { label: 'Won', hint: 'MQLs that became customers', show: (o) => formatCount(o.won), diff: countDiff((o) => o.won) },
  {
    label: 'Precision',
    hint: 'Won ÷ MQLs: how many MQLs were worth it',
    show: (o) => formatPercent(o.precision),
    diff: rateDiff((o) => o.precision, (v) => `${(v * 100).toFixed(1)} pts`),
  },
  {
    label: 'Recall',
    hint: 'Won MQLs ÷ all customers: how many buyers it caught',
    show: (o) => formatPercent(o.recall),
    diff: rateDiff((o) => o.recall, (v) => `${(v * 100).toFixed(1)} pts`),
  },
  { label: 'Lift', hint: 'Precision ÷ the win rate of all leads', show: (o) => lift(o.lift), diff: rateDiff((o) => o.lift, (v) => `${v.toFixed(2)}×`) },
];

function Progress({ reached }: { reached: { sql: boolean; opportunity: boolean; won: boolean } }) {
  if (reached.won) return <Badge color="indigo" variant="light" tt="none">Won</Badge>;
  if (reached.opportunity) return <Badge color="lime" variant="light" tt="none">Opportunity</Badge>;
  if (reached.sql) return <Badge color="green" variant="light" tt="none">SQL</Badge>;
  return (
    <Text size="xs" c="dimmed">
      Not past MQL
    </Text>
  );
}

function Difference({ title, description, set }: { title: string; description: string; set: DifferenceSet }) {
  const { pathTo } = useCurrentWorkspace();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={4} fz="h5">
          {title}
        </Title>
        <Text size="sm">
          <strong>{plural(set.count, 'lead')}</strong>, of which {formatCount(set.won)} won. <Text span c="dimmed" size="sm">{description}</Text>
        </Text>
        {set.examples.length > 0 && (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {set.examples.map((example) => (
              <Group key={example.leadId} component="li" justify="space-between" gap="xs" wrap="nowrap">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={pathTo(`leads/${example.leadId}`)} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {example.name ?? 'Unnamed lead'}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    Fit {formatCount(example.candidate.fit)} · engagement {formatCount(example.candidate.engagement)} by this version
                  </Text>
                </Stack>
                <Progress reached={example.reached} />
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Result({ report }: { report: BacktestReport }) {
  const lastDay = new Date(new Date(`${report.to}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
  const active = report.activeVersion === null ? 'No active version' : `Active (v${report.activeVersion})`;
  return (
    <Stack gap="md" data-testid="backtest-result">
      <Text size="sm">
        {plural(report.leads, 'lead')} created from {formatDay(report.from)} to {formatDay(lastDay)}; {formatCount(report.wonLeads)} of them became customers (
        {formatPercent(report.baseWinRate)}). Each lead is scored with what was known on {formatDay(report.to)}.
      </Text>
      <TableCard minWidth={620} dense label="Backtest: this version beside the active one">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <NumTh>This version (v{report.version})</NumTh>
            <NumTh>{active}</NumTh>
            <NumTh>Difference</NumTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {METRICS.map((metric) => (
            <Table.Tr key={metric.label}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {metric.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {metric.hint}
                </Text>
              </Table.Td>
              <NumTd fw={600}>{metric.show(report.candidate)}</NumTd>
              <NumTd>{report.activeVersion === null ? '—' : metric.show(report.active)}</NumTd>
              <NumTd c="dimmed">{report.activeVersion === null ? '—' : metric.diff(report.candidate, report.active)}</NumTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableCard>
      {report.activeVersion !== null && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Difference title="Only this version lets through" description="MQLs by this version that the active one did not qualify." set={report.onlyCandidate} />
          <Difference title="Only the active version lets through" description="MQLs by the active version that this one filters out." set={report.onlyActive} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

type Props = { version: number; savedNote: string | null };

/** Runs this version, as saved, over the leads created in a period whose outcome is known, beside the active version. */
export function BacktestPanel({ version, savedNote }: Props) {
  const [today] = useState(() => new Date());
  const [defaultFrom, defaultTo] = defaultMonths(today);
  const [fromMonth, setFromMonth] = useState(defaultFrom);
  const [toMonth, setToMonth] = useState(defaultTo);
  const backtest = useBacktest();
  const run = () => backtest.mutate({ version, from: monthStart(fromMonth), to: monthStart(toMonth, 1) });
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <MonthPickerInput
            label="From month"
            description="Leads created from"
            value={`${fromMonth}-01`}
            maxDate={`${toMonth}-01`}
            onChange={(value) => value && setFromMonth(String(value).slice(0, 7))}
            w={{ base: '100%', xs: 170 }}
          />
          <MonthPickerInput
            label="To month"
            description="Up to and including"
            value={`${toMonth}-01`}
            minDate={`${fromMonth}-01`}
            maxDate={`${month(today)}-01`}
            onChange={(value) => value && setToMonth(String(value).slice(0, 7))}
            w={{ base: '100%', xs: 170 }}
          />
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={run} loading={backtest.isPending}>
            Run backtest
          </Button>
        </Group>
        {savedNote && (
          <Text size="xs" c="dimmed" mt="xs">
            {savedNote}
          </Text>
        )}
      </Paper>
      <ErrorAlert error={backtest.error} />
      {backtest.data && <Result report={backtest.data} />}
    </Stack>
  );
}
