import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount, formatPercent } from '../../format.ts';
import type { AttributionModel, AttributionReport, CampaignEconomics } from '../../types.ts';
import { MODEL_LABELS } from '../credit/credit-policy.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { formatWholeMoney } from './attribution-format.ts';

type Money = { value: number | null; currency: string };

/** An amount, or "—" when there is none (no budget, no MQL to divide by). */
function moneyText({ value, currency }: Money): string {
  return value === null ? '—' : formatWholeMoney(value, currency);
}

/** A count with what each one cost below it. */
function CountWithCost({ count, cost, currency }: { count: number; cost: number | null; currency: string }) {
  return (
    <NumTd>
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {formatCount(count)}
        </Text>
        <Text size="xs" c="dimmed">
          {cost === null ? '—' : `${formatWholeMoney(cost, currency)} each`}
        </Text>
      </Stack>
    </NumTd>
  );
}

/** The period's share of the spend, above the whole spend against the budget. */
function Spend({ campaign }: { campaign: CampaignEconomics }) {
  const total = moneyText({ value: campaign.spendMinor, currency: campaign.currency });
  return (
    <NumTd>
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {formatWholeMoney(campaign.spendInPeriodMinor, campaign.currency)}
        </Text>
        <Text size="xs" c={campaign.budgetUsed !== null && campaign.budgetUsed > 1 ? 'red.7' : 'dimmed'}>
          {campaign.budgetMinor === null
            ? `${total} spent, no budget`
            : `${total} of ${formatWholeMoney(campaign.budgetMinor, campaign.currency)} (${formatPercent(campaign.budgetUsed, 0)})`}
        </Text>
      </Stack>
    </NumTd>
  );
}

function Roi({ value }: { value: number | null }) {
  return (
    <NumTd fw={700} c={value === null ? 'dimmed' : value >= 0 ? 'teal.8' : 'red.7'}>
      {value === null ? '—' : `${value > 0 ? '+' : ''}${formatPercent(value, 0)}`}
    </NumTd>
  );
}

/**
 * Per campaign: budget and spend, the period's share of the spend, what each MQL, SQL and won
 * customer of the period cost, the pipeline and revenue one model credits it, and its return
 * ((credited revenue − spend in the period) / spend in the period).
 */
export function CampaignEconomicsTable({ report, campaigns, model }: { report: AttributionReport; campaigns: CampaignEconomics[]; model: AttributionModel }) {
  const { pathTo } = useCurrentWorkspace();
  return (
    <TableCard minWidth={860} dense label="Campaign economics">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Campaign</Table.Th>
          <NumTh title="The spend spread evenly over the campaign's days: this period's share; below, the whole spend against the budget">Spend in period</NumTh>
          <NumTh title="MQLs of the period, and the spend in the period per MQL">MQLs</NumTh>
          <NumTh title="SQLs of the period, and the spend in the period per SQL">SQLs</NumTh>
          <NumTh title="Customers won in the period, and the spend in the period per customer">Won</NumTh>
          <NumTh title={`Pipeline credited by ${MODEL_LABELS[model].label}`}>Pipeline</NumTh>
          <NumTh title={`Revenue credited by ${MODEL_LABELS[model].label}`}>Revenue</NumTh>
          <NumTh title="(credited revenue − spend in the period) / spend in the period">Return</NumTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {campaigns.map((campaign) => (
          <Table.Tr key={campaign.id}>
            <Table.Td miw={180}>
              <Anchor component={Link} to={pathTo(`campaigns/${campaign.id}`)} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {campaign.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {campaign.channel ?? 'No channel'}
              </Text>
            </Table.Td>
            <Spend campaign={campaign} />
            <CountWithCost count={campaign.mqls} cost={campaign.costPerMqlMinor} currency={campaign.currency} />
            <CountWithCost count={campaign.sqls} cost={campaign.costPerSqlMinor} currency={campaign.currency} />
            <CountWithCost count={campaign.customers} cost={campaign.costPerCustomerMinor} currency={campaign.currency} />
            <NumTd>{moneyText({ value: campaign.pipeline.creditedMinor[model], currency: report.currency })}</NumTd>
            <NumTd>{moneyText({ value: campaign.revenue.creditedMinor[model], currency: report.currency })}</NumTd>
            <Roi value={campaign.roi[model]} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
