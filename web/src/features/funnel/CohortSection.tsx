import { Badge, Paper, Stack, Table } from '@mantine/core';
import { CompositeChart } from '@mantine/charts';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount, formatMonth, formatPercent } from '../../format.ts';
import type { FunnelReport } from '../../types.ts';

type Cohort = FunnelReport['cohorts'][number];

/** A cohort is still converting while some of its leads are younger than the window. */
function isMaturing(cohort: string, windowDays: number, today: Date): boolean {
  const [year = 1970, month = 1] = cohort.split('-').map(Number);
  const monthEnd = Date.UTC(year, month, 1);
  return monthEnd + windowDays * 86_400_000 > today.getTime();
}

function CohortChart({ cohorts }: { cohorts: Cohort[] }) {
  const data = cohorts.map((c) => ({
    month: formatMonth(c.cohort),
    Leads: c.reached.lead,
    'Became customers': c.reached.customer,
    'Lead → customer (%)': c.leadToCustomer === null ? null : Math.round(c.leadToCustomer * 1000) / 10,
  }));
  return (
    <Paper withBorder radius="md" p="md">
      <CompositeChart
        h={260}
        data={data}
        dataKey="month"
        withLegend
        withRightYAxis
        rightYAxisProps={{ tickFormatter: (value: number) => `${value}%`, width: 50 }}
        rightYAxisLabel="Lead → customer"
        valueFormatter={(value) => new Intl.NumberFormat().format(value)}
        maxBarWidth={28}
        curveType="linear"
        series={[
          { name: 'Leads', color: 'indigo.2', type: 'bar' },
          { name: 'Became customers', color: 'indigo.7', type: 'bar' },
          { name: 'Lead → customer (%)', color: 'orange.6', type: 'line', yAxisId: 'right' },
        ]}
        connectNulls={false}
      />
    </Paper>
  );
}

/** Leads by the month they were created, and how many of each month became customers within the window. */
export function CohortSection({ report, today }: { report: FunnelReport; today: Date }) {
  const { cohorts, windowDays } = report;
  return (
    <Stack gap="sm">
      {cohorts.length > 1 && <CohortChart cohorts={cohorts} />}
      <TableCard minWidth={560} label="Monthly cohorts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month created</Table.Th>
            <NumTh>Leads</NumTh>
            <NumTh>MQLs</NumTh>
            <NumTh>Customers</NumTh>
            <NumTh>Lead → customer</NumTh>
            <Table.Th aria-label="Note" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cohorts.map((c) => (
            <Table.Tr key={c.cohort}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMonth(c.cohort)}</Table.Td>
              <NumTd>{formatCount(c.reached.lead)}</NumTd>
              <NumTd>{formatCount(c.reached.mql)}</NumTd>
              <NumTd>{formatCount(c.reached.customer)}</NumTd>
              <NumTd fw={600}>{formatPercent(c.leadToCustomer)}</NumTd>
              <Table.Td>
                {isMaturing(c.cohort, windowDays, today) && (
                  <Badge variant="light" color="yellow" tt="none" title={`Some leads of this month are younger than ${windowDays} days`}>
                    Still converting
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableCard>
    </Stack>
  );
}
