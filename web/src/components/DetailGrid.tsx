import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type Detail = { label: string; value: ReactNode };

/** Label and value pairs in a responsive grid; an empty value shows "—". */
export function DetailGrid({ details, cols = 3 }: { details: Detail[]; cols?: number }) {
  return (
    <SimpleGrid cols={{ base: 2, md: cols }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
      {details.map(({ label, value }) => (
        <Stack key={label} gap={2} style={{ minWidth: 0 }}>
          <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
