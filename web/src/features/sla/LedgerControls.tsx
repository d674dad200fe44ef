import { Group, Paper, Select } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { LEDGER_RANGE_LABELS, ledgerMonths, type LedgerRange, type LedgerSettings } from './ledger-period.ts';

const RANGES = Object.entries(LEDGER_RANGE_LABELS).map(([value, label]) => ({ value, label }));

type Props = { settings: LedgerSettings; onChange: (settings: LedgerSettings) => void; today: Date };

/** Which MQLs the ledger judges: those that qualified in the chosen months. */
export function LedgerControls({ settings, onChange, today }: Props) {
  const set = (patch: Partial<LedgerSettings>) => onChange({ ...settings, ...patch });
  const [fromMonth, toMonth] = ledgerMonths(settings, today);
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="md" align="flex-start" wrap="wrap">
        <Select
          label="Period"
          description="When the leads became MQLs"
          data={RANGES}
          value={settings.range}
          allowDeselect={false}
          onChange={(range) => set(range === 'custom' ? { range, fromMonth, toMonth } : { range: (range ?? '3m') as LedgerRange })}
          w={{ base: '100%', xs: 260 }}
        />
        {settings.range === 'custom' && (
          <>
            <MonthPickerInput
              label="From month"
              description="First month included"
              value={`${fromMonth}-01`}
              maxDate={`${toMonth}-01`}
              onChange={(value) => value && set({ fromMonth: String(value).slice(0, 7) })}
              w={{ base: '100%', xs: 170 }}
            />
            <MonthPickerInput
              label="To month"
              description="Last month included"
              value={`${toMonth}-01`}
              minDate={`${fromMonth}-01`}
              onChange={(value) => value && set({ toMonth: String(value).slice(0, 7) })}
              w={{ base: '100%', xs: 170 }}
            />
          </>
        )}
      </Group>
    </Paper>
  );
}
