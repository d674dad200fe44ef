import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { FunnelLine } from '../../../../core/funnel/metrics.ts';
import { FUNNEL_STAGES, STAGE_LABELS } from '../../../../core/funnel/stages.ts';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount, formatPercent } from '../../format.ts';
import type { FunnelReport } from '../../types.ts';
import { leadsPath } from '../leads/lead-filter.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { EVER, lastDayOf } from './funnel-settings.ts';
import { groupName } from './funnel-labels.ts';

function Counts({ line, strong }: { line: FunnelLine; strong?: boolean }) {
  return (
    <>
      {FUNNEL_STAGES.map((stage, index) => {
        const step = index > 0 ? line.steps[index - 1] : undefined;
        return (
          <NumTd key={stage}>
            <Stack gap={0}>
              <Text size="sm" fw={strong ? 700 : 500}>
                {formatCount(line.reached[stage])}
              </Text>
              {step && (
                <Text size="xs" c="dimmed" title={`Of the ${STAGE_LABELS[step.from]} count before it`}>
                  {formatPercent(step.rate)}
                </Text>
              )}
            </Stack>
          </NumTd>
        );
      })}
      <NumTd>
        <Text size="sm" fw={700}>
          {formatPercent(line.leadToCustomer)}
        </Text>
      </NumTd>
    </>
  );
}

/** One row per source, channel or campaign: how far its leads got, and the share kept at each step. */
export function GroupTable({ report, groupLabel }: { report: FunnelReport; groupLabel: string }) {
  const { pathTo } = useCurrentWorkspace();
  // The leads list filters by source and channel values; campaigns come by name only, so they are not links.
  const linkable = report.by === 'source' || report.by === 'channel';
  // The same leads as the row: created in the period (open-ended sides, such as "All time", are left out).
  const lastDay = lastDayOf(report);
  const createdFrom = report.from > EVER ? report.from : undefined;
  const createdTo = lastDay < new Date().toISOString().slice(0, 10) ? lastDay : undefined;
  const linkTo = (group: string) => pathTo(leadsPath({ [report.by]: group, createdFrom, createdTo }));
  return (
    <TableCard minWidth={900} dense label={`Funnel by ${groupLabel.toLowerCase()}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{groupLabel}</Table.Th>
          {FUNNEL_STAGES.map((stage) => (
            <NumTh key={stage}>{STAGE_LABELS[stage]}</NumTh>
          ))}
          <NumTh>Lead → customer</NumTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.groups.map((line) => (
          <Table.Tr key={line.group ?? '\u0000'}>
            <Table.Td>
              {linkable && line.group !== null ? (
                <Anchor component={Link} to={linkTo(line.group)} size="sm" fw={500} title={`Open the leads of ${line.group}`}>
                  {line.group}
                </Anchor>
              ) : (
                <Text size="sm" fw={500} c={line.group === null ? 'dimmed' : undefined}>
                  {groupName(line.group)}
                </Text>
              )}
            </Table.Td>
            <Counts line={line} />
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr bg="gray.0">
          <Table.Th>Total</Table.Th>
          <Counts line={report.total} strong />
        </Table.Tr>
      </Table.Tfoot>
    </TableCard>
  );
}
