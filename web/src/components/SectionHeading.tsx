import { Stack, Text, Title } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

type Props = { title: string; description?: ReactNode; order?: 2 | 3; style?: CSSProperties };

/** A section's title with one dimmed line under it saying what the section holds. */
export function SectionHeading({ title, description, order = 2, style }: Props) {
  return (
    <Stack gap={2} style={style}>
      <Title order={order} fz="h4">
        {title}
      </Title>
      {description !== undefined && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}
