import { Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useId, useState } from 'react';
import { MonthRangeInputs } from '../../components/MonthRangeInputs.tsx';
import type { FunnelGrouping } from '../../types.ts';
import { customMonths, GROUPING_LABELS, MAX_WINDOW_DAYS, RANGE_LABELS, type FunnelSettings, type RangeKey } from './funnel-settings.ts';

const GROUPINGS = Object.entries(GROUPING_LABELS).map(([value, label]) => ({ value, label }));
const RANGES = Object.entries(RANGE_LABELS).map(([value, label]) => ({ value, label }));

type Props = { settings: FunnelSettings; onChange: (settings: FunnelSettings) => void; today: Date };

/** The window is typed; the report follows once typing pauses. */
function WindowInput({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const [text, setText] = useState<string | number>(value);
  const commit = useDebouncedCallback((days: number) => onChange(days), 500);
  useEffect(() => setText(value), [value]);
  return (
    <NumberInput
      label="Conversion window (days)"
      description="How long a lead has to reach a stage"
      value={text}
      min={1}
      max={MAX_WINDOW_DAYS}
      step={30}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="strict"
      onChange={(next) => {
        setText(next);
        const days = Number(next);
        if (Number.isInteger(days) && days >= 1 && days <= MAX_WINDOW_DAYS) commit(days);
      }}
      w={{ base: '100%', xs: 200 }}
    />
  );
}

export function FunnelControls({ settings, onChange, today }: Props) {
  const groupLabel = useId();
  const set = (patch: Partial<FunnelSettings>) => onChange({ ...settings, ...patch });
  const [fromMonth, toMonth] = customMonths(settings, today);
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="md" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={groupLabel}>
            Group by
          </Text>
          <SegmentedControl
            aria-labelledby={groupLabel}
            data={GROUPINGS}
            value={settings.by}
            onChange={(by) => set({ by: by as FunnelGrouping })}
          />
        </Stack>
        <Select
          label="Period"
          description="When the leads were created"
          data={RANGES}
          value={settings.range}
          allowDeselect={false}
          onChange={(range) =>
            set(range === 'custom' ? { range, fromMonth, toMonth } : { range: (range ?? '12m') as RangeKey })
          }
          w={{ base: '100%', xs: 190 }}
        />
        {settings.range === 'custom' && (
          <MonthRangeInputs fromMonth={fromMonth} toMonth={toMonth} onChange={set} />
        )}
        <WindowInput value={settings.windowDays} onChange={(windowDays) => set({ windowDays })} />
      </Group>
    </Paper>
  );
}
