import { Button, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, plural } from '../../format.ts';
import { notifySuccess } from '../../notify.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { useAttributionSettings, useSaveLookback } from './use-attribution.ts';

const MAX_DAYS = 365;

function LookbackForm({ days }: { days: number }) {
  const save = useSaveLookback();
  const [value, setValue] = useState<string | number>(days);
  useEffect(() => setValue(days), [days]);
  const next = Number(value);
  const isValid = Number.isInteger(next) && next >= 1 && next <= MAX_DAYS;
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <NumberInput
          label="Change the window (days)"
          description="1 to 365 days"
          value={value}
          min={1}
          max={MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          onChange={setValue}
          error={value !== '' && !isValid ? 'Between 1 and 365 days' : undefined}
          w={{ base: '100%', xs: 200 }}
        />
        <Button
          disabled={!isValid || next === days}
          loading={save.isPending}
          onClick={() => save.mutate(next, { onSuccess: (saved) => notifySuccess(`Touches up to ${plural(saved.lookbackDays, 'day')} before a conversion now count.`) })}
        >
          Save window
        </Button>
      </Group>
      <ErrorAlert error={save.error} title="The window was not saved" />
    </Stack>
  );
}

/** The lookback window every report uses: shown to everyone, changed by those who set targets. */
export function LookbackCard() {
  const { can, details } = useCurrentWorkspace();
  const settings = useAttributionSettings();
  if (!settings.data) return null;
  const { lookbackDays, isDefault, updatedAt } = settings.data;
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
          <Text size="sm" fw={600}>
            Lookback window: {plural(lookbackDays, 'day')}
          </Text>
          <Text size="sm" c="dimmed">
            Touches of a deal’s lead in the {plural(lookbackDays, 'day')} before it was created (pipeline) or won (revenue) count for it.{' '}
            {isDefault ? 'This is the default.' : updatedAt ? `Set on ${formatDate(updatedAt, details.timeZone)}.` : ''}
          </Text>
        </Stack>
        {can('targets.manage') && <LookbackForm days={lookbackDays} />}
      </Group>
    </Paper>
  );
}
