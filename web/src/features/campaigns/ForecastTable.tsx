import { Alert, Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount, formatDay, formatPercent } from '../../format.ts';
import type { CampaignForecast, ProductForecast } from '../../types.ts';
import { PRODUCT_KIND_LABELS, formatNumber, formatUplift } from './campaign-text.ts';

/** Coverage as a small bar: full and green at 100 % or more, red below. */
function CoverageBar({ coverage }: { coverage: number | null }) {
  if (coverage === null) return <Text size="sm">—</Text>;
  const isShort = coverage < 1;
  const width = Math.max(2, Math.min(1, coverage) * 100);
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Box w={60} h={8} bg="gray.2" style={{ borderRadius: 4, overflow: 'hidden' }} aria-hidden>
        <Box h="100%" w={`${width}%`} bg={isShort ? 'red.6' : 'teal.6'} />
      </Box>
      <Text size="sm" c={isShort ? 'red.7' : undefined} fw={isShort ? 600 : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatPercent(coverage, 0)}
      </Text>
    </Group>
  );
}

function RunsOut({ item }: { item: ProductForecast }) {
  if (!item.runsOutOn) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" c="red.7" fw={600}>
      {formatDay(item.runsOutOn)}
      <Text span size="xs" c="red.7" display="block" fw={400}>
        week {Number(item.runsOutWeek?.slice(6))}
      </Text>
    </Text>
  );
}

/** Forecast demand against stock on hand and incoming, per product and promo item, with the shortfalls and the week they run out. */
export function ForecastTable({ forecast }: { forecast: CampaignForecast }) {
  const { items } = forecast;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The campaign has no products or promo items yet: add them in the plan to see the forecast.
      </Text>
    );
  }
  const short = items.filter((item) => item.shortfall > 0);
  return (
    <Stack gap="sm">
      {short.length > 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={short.length === 1 ? 'One item runs short' : `${short.length} items run short`}>
          {short
            .map((item) => `${item.sku}: ${formatCount(item.shortfall)} units missing${item.runsOutOn ? `, runs out on ${formatDay(item.runsOutOn)}` : ''}`)
            .join('; ')}
          .
        </Alert>
      ) : (
        <Group gap={6}>
          <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text size="sm">The stock on hand and incoming covers the forecast of every item.</Text>
        </Group>
      )}
      <TableCard minWidth={900} label="Forecast and coverage" dense>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={170}>Product</Table.Th>
            <NumTh>Uplift</NumTh>
            <NumTh>Campaign demand</NumTh>
            <NumTh>Demand to the end</NumTh>
            <NumTh>On hand</NumTh>
            <NumTh>Incoming</NumTh>
            <NumTh>Coverage</NumTh>
            <NumTh>Shortfall</NumTh>
            <Table.Th>Runs out</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const isShort = item.shortfall > 0;
            return (
              <Table.Tr key={item.productId} bg={isShort ? 'red.0' : undefined}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {item.sku}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {item.name}
                  </Text>
                  <Badge size="xs" variant="light" color={item.kind === 'promo_item' ? 'grape' : 'gray'} tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
                    {PRODUCT_KIND_LABELS[item.kind]}
                  </Badge>
                </Table.Td>
                <NumTd>{item.kind === 'promo_item' ? `${formatNumber(item.perUnit ?? 1, 2)} per unit sold` : formatUplift(item.upliftPercent)}</NumTd>
                <NumTd>{formatCount(item.campaignDemand)}</NumTd>
                <NumTd>{formatCount(item.demand)}</NumTd>
                <NumTd>{formatCount(item.onHand)}</NumTd>
                <NumTd>{formatCount(item.available - item.onHand)}</NumTd>
                <NumTd>
                  <CoverageBar coverage={item.coverage} />
                </NumTd>
                <NumTd c={isShort ? 'red.7' : undefined} fw={isShort ? 700 : undefined}>
                  {isShort ? formatCount(item.shortfall) : '—'}
                </NumTd>
                <Table.Td>
                  <RunsOut item={item} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </TableCard>
      <Text size="xs" c="dimmed">
        From {formatDay(forecast.from)} to the campaign’s last day: the weekly baseline until the launch, then with the uplift; a promo item goes out with each unit sold
        during the campaign. Incoming counts the deliveries due by the end.
      </Text>
    </Stack>
  );
}
