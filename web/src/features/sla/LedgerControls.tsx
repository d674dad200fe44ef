import { Group, Paper, Select } from '@mantine/core';
import { MonthRangeInputs } from '../../components/MonthRangeInputs.tsx';
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
          <MonthRangeInputs fromMonth={fromMonth} toMonth={toMonth} onChange={set} />
        )}
      </Group>
    </Paper>
  );
}
