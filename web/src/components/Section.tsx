import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode };

/** A titled part of a page, with one line saying what it shows. */
export function Section({ title, description, actions, children }: Props) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
          <Title order={2} fz="h4">
            {title}
          </Title>
          {description !== undefined && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
