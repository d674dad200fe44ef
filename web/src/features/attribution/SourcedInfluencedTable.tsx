import { Table, Text } from '@mantine/core';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatPercent } from '../../format.ts';
import type { AttributionMeasure, AttributionReport } from '../../types.ts';
import { MEASURE_LABELS, UNIT_LABELS } from './attribution-labels.ts';
import { Amount, RowName, STICKY } from './CreditTable.tsx';

/**
 * Sourced (where the deal's lead came from: every deal once, so the column adds up to the total)
 * beside influenced (every channel or campaign that touched it in the window, each for the whole
 * amount: a deal counts in several rows).
 */
export function SourcedInfluencedTable({ report, measure, limit }: { report: AttributionReport; measure: AttributionMeasure; limit?: number }) {
  const data = report[measure];
  const unit = UNIT_LABELS[report.by];
  const rows = (limit === undefined ? data.rows : data.rows.slice(0, limit)).filter((row) => row.sourced.count + row.influenced.count > 0);
  const share = (count: number) => (data.conversions === 0 ? null : count / data.conversions);
  return (
    <TableCard minWidth={620} dense label={`${MEASURE_LABELS[measure]} sourced and influenced by ${unit.toLowerCase()}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th style={STICKY}>{unit}</Table.Th>
          <NumTh>Sourced</NumTh>
          <NumTh title="Share of the deals it sourced">Sourced %</NumTh>
          <NumTh>Influenced</NumTh>
          <NumTh title="Share of the deals it touched in the window">Influenced %</NumTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key ?? '\u0000'}>
            <Table.Td style={STICKY}>
              <RowName row={row} report={report} />
            </Table.Td>
            <NumTd>
              <Amount value={row.sourced.valueMinor} count={row.sourced.count} currency={report.currency} />
            </NumTd>
            <NumTd>{formatPercent(share(row.sourced.count), 0)}</NumTd>
            <NumTd>
              <Amount value={row.influenced.valueMinor} count={row.influenced.count} currency={report.currency} />
            </NumTd>
            <NumTd>{formatPercent(share(row.influenced.count), 0)}</NumTd>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr bg="gray.0">
          <Table.Th style={{ ...STICKY, background: 'var(--mantine-color-gray-0)' }}>Total</Table.Th>
          <NumTd>
            <Amount value={data.valueMinor} count={data.conversions} currency={report.currency} strong />
          </NumTd>
          <NumTd fw={700}>{formatPercent(data.conversions === 0 ? null : 1, 0)}</NumTd>
          <NumTd colSpan={2}>
            <Text size="xs" c="dimmed">
              A deal counts for each {unit.toLowerCase()} it touched
            </Text>
          </NumTd>
        </Table.Tr>
      </Table.Tfoot>
    </TableCard>
  );
}
