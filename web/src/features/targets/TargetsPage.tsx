import { Anchor, Button, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { parsePeriod, PERIOD_KEY } from '../../../../core/targets/periods.ts';
import { LinkedRow, NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import type { RevenueTarget } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { ScorecardPanel } from './ScorecardPanel.tsx';
import { currentPeriods, formatPeriod } from './target-text.ts';
import { TargetFormModal } from './TargetFormModal.tsx';
import { useTargets } from './use-targets.ts';

const THIS = currentPeriods(new Date());

function readPeriod(params: URLSearchParams): string {
  const period = params.get('period') ?? '';
  return PERIOD_KEY.test(period) ? period : THIS.quarter;
}

function writePeriod(period: string): URLSearchParams {
  return new URLSearchParams({ period });
}

/** The periods to choose a scorecard of: this quarter and month, and every period with a target, latest first. */
function periodOptions(targets: RevenueTarget[], chosen: string): { value: string; label: string }[] {
  const keys = [...new Set([THIS.quarter, THIS.month, chosen, ...targets.map((t) => t.period)])];
  const periods = keys.map(parsePeriod).sort((a, b) => b.from.localeCompare(a.from) || b.kind.localeCompare(a.kind));
  return periods.map(({ key }) => ({ value: key, label: `${formatPeriod(key)}${targets.some((t) => t.period === key) ? '' : ' (no target)'}` }));
}

type Editing = { target: RevenueTarget | null } | null;

function TargetsTable({ targets, onChange }: { targets: RevenueTarget[]; onChange: (target: RevenueTarget) => void }) {
  const { pathTo, can, details } = useCurrentWorkspace();
  const canManage = can('targets.manage');
  return (
    <TableCard minWidth={640} label="Revenue targets">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Period</Table.Th>
          <NumTh>Target</NumTh>
          <Table.Th>Note</Table.Th>
          <Table.Th>Last changed</Table.Th>
          {canManage && <Table.Th aria-label="Actions" />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {targets.map((target) => (
          <LinkedRow key={target.id} to={pathTo(`targets?period=${target.period}`)}>
            <Table.Td>
              <Anchor component={Link} to={pathTo(`targets?period=${target.period}`)} size="sm" fw={600}>
                {formatPeriod(target.period)}
              </Anchor>
            </Table.Td>
            <NumTd>{formatMoney(target.amountMinor, target.currency)}</NumTd>
            <Table.Td>
              <Text size="sm" c={target.note ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                {target.note ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDate(target.updatedAt, details.timeZone)}</Text>
            </Table.Td>
            {canManage && (
              <Table.Td>
                <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => onChange(target)} aria-label={`Change the target of ${formatPeriod(target.period)}`}>
                  Change
                </Button>
              </Table.Td>
            )}
          </LinkedRow>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** `/w/:slug/targets`: the revenue targets both teams share, and the chosen period's scorecard with its reverse funnel. */
export function TargetsPage() {
  useDocumentTitle('Targets');
  const { can } = useCurrentWorkspace();
  const targets = useTargets();
  const [period, setPeriod] = useUrlSettings(readPeriod, writePeriod);
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Targets"
        description="The revenue targets Marketing and Sales share, and what each one takes at today’s conversion rates and deal size: the leads, MQLs, SQLs, opportunities and won deals, with the progress of each."
        actions={
          can('targets.manage') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ target: null })}>
              Set a target
            </Button>
          )
        }
      />
      <Section
        title="Scorecard"
        description={`${formatPeriod(period)}: the target turned back into the funnel it takes, and how far the period has come.`}
        actions={
          <Select
            label="Period"
            data={periodOptions(targets.data ?? [], period)}
            value={period}
            onChange={(value) => value && setPeriod(value)}
            allowDeselect={false}
            w={200}
            comboboxProps={{ withinPortal: true }}
          />
        }
      >
        <ScorecardPanel period={period} />
      </Section>
      <Section title="Targets" description="Latest period first. Open one to see its scorecard.">
        <QueryStatus query={targets} label="Loading the targets">
          {(items) =>
            items.length === 0 ? (
              <Paper withBorder radius="md" p="lg">
                <Text size="sm" c="dimmed">
                  No target is set yet.{can('targets.manage') ? ' Set one for a month or a quarter.' : ' A marketing lead or a sales manager sets them.'}
                </Text>
              </Paper>
            ) : (
              <TargetsTable targets={items} onChange={(target) => setEditing({ target })} />
            )
          }
        </QueryStatus>
      </Section>
      {editing && (
        <TargetFormModal
          target={editing.target}
          defaultPeriod={targets.data?.some((t) => t.period === period) ? '' : period}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setPeriod(saved.period);
          }}
        />
      )}
    </Stack>
  );
}
