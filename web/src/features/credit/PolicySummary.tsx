import { Paper, Stack, Text } from '@mantine/core';
import { DetailGrid } from '../../components/DetailGrid.tsx';
import type { CreditRules } from '../../types.ts';
import { MODEL_LABELS, SOURCING_LABELS, touchTypesText } from './credit-policy.ts';

function Rule({ label, description }: { label: string; description: string }) {
  return (
    <Stack gap={0} component="span">
      <Text span size="sm" fw={600}>
        {label}
      </Text>
      <Text span size="xs" c="dimmed">
        {description}
      </Text>
    </Stack>
  );
}

/** A credit policy's rules in plain words: the settling model, what sources a deal, what influences it, and the terms. */
export function PolicySummary({ rules }: { rules: CreditRules }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <DetailGrid
          details={[
            { label: 'Settling model', value: <Rule {...MODEL_LABELS[rules.settlingModel]} /> },
            { label: 'Sourced by', value: <Rule {...SOURCING_LABELS[rules.sourcedBy]} /> },
            { label: 'Influence counts', value: <Rule label={touchTypesText(rules.influencedTouchTypes)} description="Touches of these types in the lookback window influence a deal." /> },
          ]}
        />
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Terms
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {rules.terms || '—'}
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
