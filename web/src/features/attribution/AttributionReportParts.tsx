import { Alert, Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Stat } from '../../components/Stat.tsx';
import { formatCount, formatDay, formatPercent, plural } from '../../format.ts';
import type { AttributionMeasure, AttributionReport } from '../../types.ts';
import { MODEL_LABELS } from '../credit/credit-policy.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { formatWholeMoney } from './attribution-format.ts';
import { CONVERSION_NOUNS, CONVERSION_PLURALS, MEASURE_LABELS } from './attribution-labels.ts';

/** The period as people read it: `to` is the day after the last one. */
export function periodText(report: Pick<AttributionReport, 'from' | 'to'>): string {
  const last = new Date(Date.parse(`${report.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `from ${formatDay(report.from)} to ${formatDay(last)}`;
}

/** The measure's totals: conversions, their amount, the share any touch explains. */
export function AttributionStats({ report, measure }: { report: AttributionReport; measure: AttributionMeasure }) {
  const data = report[measure];
  const touched = data.conversions - data.unattributed.conversions;
  return (
    <SimpleGrid type="container" cols={{ base: 2, '600px': 4 }} spacing="sm">
      <Stat label={CONVERSION_PLURALS[measure]} value={formatCount(data.conversions)} />
      <Stat label={MEASURE_LABELS[measure]} value={formatWholeMoney(data.valueMinor, report.currency)} />
      <Stat label="With a touch in the window" value={data.conversions === 0 ? '—' : formatPercent(touched / data.conversions, 0)} />
      <Stat label="No touch (not credited)" value={`${formatCount(data.unattributed.conversions)} · ${formatWholeMoney(data.unattributed.valueMinor, report.currency)}`} />
    </SimpleGrid>
  );
}

/** Which model settles credit, as both teams signed it, or that none does yet. */
export function PolicyNote({ report }: { report: AttributionReport }) {
  const { pathTo } = useCurrentWorkspace();
  const { settlingModel, version } = report.policy;
  if (settlingModel === null || version === null) {
    return (
      <Text size="sm" c="dimmed">
        No credit policy is signed yet, so no model settles credit: the models disagree, and{' '}
        <Anchor component={Link} to={pathTo('credit-policy')} size="sm">
          the credit policy
        </Anchor>{' '}
        is where both teams choose one.
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      <Text span fw={600} c="var(--mantine-color-text)">
        {MODEL_LABELS[settlingModel].label}
      </Text>{' '}
      settles credit, as both teams signed in{' '}
      <Anchor component={Link} to={pathTo(`credit-policy/${version}`)} size="sm">
        credit policy v{version}
      </Anchor>
      ; the other models are shown beside it for comparison.
    </Text>
  );
}

/** What the numbers cannot be trusted for: mixed currencies, models left out. */
export function ReportWarnings({ report, measure }: { report: AttributionReport; measure: AttributionMeasure }) {
  const currencies = Object.entries(report.currencies);
  const skipped = Object.entries(report[measure].skipped);
  if (currencies.length <= 1 && skipped.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconInfoCircle />} title="Read these numbers with care">
      <Stack gap={4}>
        {currencies.length > 1 && (
          <Text size="sm">
            Deals of this period are in several currencies ({currencies.map(([code, count]) => `${code}: ${plural(count, 'deal')}`).join(', ')}); amounts are added up as recorded and shown in {report.currency}.
          </Text>
        )}
        {skipped.map(([model, reason]) => (
          <Text size="sm" key={model}>
            {MODEL_LABELS[model as keyof typeof MODEL_LABELS].label} is left out: {reason}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** The period had no conversion of this measure: nothing to credit, and why. */
export function NoConversions({ report, measure }: { report: AttributionReport; measure: AttributionMeasure }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap={4}>
        <Text fw={600}>
          No {CONVERSION_NOUNS[measure]} {measure === 'pipeline' ? 'was created' : 'was won'} {periodText(report)}.
        </Text>
        <Text size="sm" c="dimmed">
          There is nothing to credit: every model gives every {report.by} zero. Choose another period above
          {measure === 'revenue' ? ', or look at the pipeline (opportunities created) instead' : ''}.
        </Text>
      </Stack>
    </Paper>
  );
}
