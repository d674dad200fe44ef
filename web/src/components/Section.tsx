import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { SectionHeading } from './SectionHeading.tsx';

type Props = { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode };

/** A titled part of a page, with one line saying what it shows. */
export function Section({ title, description, actions, children }: Props) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <SectionHeading title={title} description={description} style={{ flex: 1, minWidth: 220 }} />
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
