import { Paper, SimpleGrid, Text } from '@mantine/core';
import { FUNNEL_STAGES, STAGE_LABELS } from '../../../../core/funnel/stages.ts';
import { formatCount } from '../../format.ts';
import type { FunnelReport } from '../../types.ts';

/** How many reached each stage during the period, whenever they were created. */
export function PeriodEntries({ period }: { period: FunnelReport['period'] }) {
  return (
    <SimpleGrid cols={{ base: 2, xs: 4, md: 7 }} spacing="sm" component="dl" m={0}>
      {FUNNEL_STAGES.map((stage) => (
        <Paper key={stage} withBorder radius="md" p="sm">
          <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
            {STAGE_LABELS[stage]}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatCount(period.entered[stage])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
