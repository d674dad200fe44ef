import { MonthPickerInput } from '@mantine/dates';

type Props = { fromMonth: string; toMonth: string; onChange: (change: { fromMonth: string } | { toMonth: string }) => void };

/** Two month pickers ('YYYY-MM') for a chosen period: the first and the last month, both included. */
export function MonthRangeInputs({ fromMonth, toMonth, onChange }: Props) {
  return (
    <>
      <MonthPickerInput
        label="From month"
        description="First month included"
        value={`${fromMonth}-01`}
        maxDate={`${toMonth}-01`}
        onChange={(value) => value && onChange({ fromMonth: String(value).slice(0, 7) })}
        w={{ base: '100%', xs: 170 }}
      />
      <MonthPickerInput
        label="To month"
        description="Last month included"
        value={`${toMonth}-01`}
        minDate={`${fromMonth}-01`}
        onChange={(value) => value && onChange({ toMonth: String(value).slice(0, 7) })}
        w={{ base: '100%', xs: 170 }}
      />
    </>
  );
}
