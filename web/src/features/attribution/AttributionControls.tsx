import { Group, Input, Paper, SegmentedControl, Select } from '@mantine/core';
import { MonthRangeInputs } from '../../components/MonthRangeInputs.tsx';
import type { AttributionMeasure, AttributionUnit } from '../../types.ts';
import { RANGE_LABELS, customMonths, type AttributionRange, type AttributionSettings } from './attribution-settings.ts';

const MEASURES = [
  { value: 'pipeline', label: 'Pipeline' },
  { value: 'revenue', label: 'Revenue' },
];
const UNITS = [
  { value: 'channel', label: 'By channel' },
  { value: 'campaign', label: 'By campaign' },
];
const RANGES = Object.entries(RANGE_LABELS).map(([value, label]) => ({ value, label }));

type Props = { settings: AttributionSettings; onChange: (settings: AttributionSettings) => void; today: Date };

type ChoiceProps = { label: string; description: string; data: { value: string; label: string }[]; value: string; onChange: (value: string) => void };

/** A segmented choice, labelled like the inputs beside it. */
function Choice({ label, description, data, value, onChange }: ChoiceProps) {
  return (
    <Input.Wrapper label={label} description={description} labelElement="div" maw="100%">
      <SegmentedControl aria-label={label} data={data} value={value} onChange={onChange} mt={4} style={{ display: 'flex', maxWidth: '100%' }} />
    </Input.Wrapper>
  );
}

/** What is credited (pipeline or revenue), to what (channels or campaigns), and over which months. */
export function AttributionControls({ settings, onChange, today }: Props) {
  const set = (patch: Partial<AttributionSettings>) => onChange({ ...settings, ...patch });
  const [fromMonth, toMonth] = customMonths(settings, today);
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="md" align="flex-start" wrap="wrap">
        <Choice label="Credit" description="Opportunities created, or deals won" data={MEASURES} value={settings.measure} onChange={(measure) => set({ measure: measure as AttributionMeasure })} />
        <Choice label="To" description="Channels, or campaigns with their costs" data={UNITS} value={settings.by} onChange={(by) => set({ by: by as AttributionUnit })} />
        <Select
          label="Period"
          description="When deals were created or won"
          data={RANGES}
          value={settings.range}
          allowDeselect={false}
          onChange={(range) => set(range === 'custom' ? { range, fromMonth, toMonth } : { range: (range ?? 'quarter') as AttributionRange })}
          w={{ base: '100%', xs: 210 }}
        />
        {settings.range === 'custom' && <MonthRangeInputs fromMonth={fromMonth} toMonth={toMonth} onChange={set} />}
      </Group>
    </Paper>
  );
}
