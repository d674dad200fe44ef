import { Group, SegmentedControl, Select } from '@mantine/core';
import { useMemo } from 'react';
import { parsePeriod, periodContaining, type PeriodKind } from '../../../../core/targets/periods.ts';
import { periodChoices } from './period-key.ts';

const KINDS = [
  { value: 'quarter', label: 'Quarter' },
  { value: 'month', label: 'Month' },
];

type Props = { value: string; onChange: (key: string) => void; today: Date };

/** A month or a quarter: the kind, then the period among the last two years (and the next one). */
export function PeriodKeyPicker({ value, onChange, today }: Props) {
  const period = parsePeriod(value);
  const choices = useMemo(() => periodChoices(period.kind, today), [period.kind, today]);
  const data = choices.some((choice) => choice.value === value) ? choices : [{ value, label: value }, ...choices];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Months or quarters"
        data={KINDS}
        value={period.kind}
        onChange={(kind) => onChange(periodContaining(kind as PeriodKind, new Date(`${period.from}T00:00:00Z`)).key)}
      />
      <Select
        label="Period"
        data={data}
        value={value}
        allowDeselect={false}
        onChange={(key) => key && onChange(key)}
        w={{ base: '100%', xs: 220 }}
      />
    </Group>
  );
}
