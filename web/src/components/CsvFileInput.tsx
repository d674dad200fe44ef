import { FileInput } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';

const MEGABYTE = 1024 * 1024;

type Props = { label: string; description?: string; value: File | null; onChange: (file: File | null) => void; maxBytes: number; disabled?: boolean };

/** Whether a chosen file is over the limit its import accepts. */
export function isTooBig(file: File | null, maxBytes: number): boolean {
  return file !== null && file.size > maxBytes;
}

/** The CSV file of an import, refused on the spot when it is larger than the server accepts. */
export function CsvFileInput({ label, description, value, onChange, maxBytes, disabled }: Props) {
  return (
    <FileInput
      label={label}
      description={description}
      placeholder="Choose a .csv file"
      accept=".csv,text/csv,text/plain"
      leftSection={<IconFileTypeCsv size={18} />}
      value={value}
      onChange={onChange}
      error={isTooBig(value, maxBytes) ? `This file is larger than ${maxBytes / MEGABYTE} MB. Split it into smaller files.` : undefined}
      clearable
      disabled={disabled}
      maw={480}
    />
  );
}
