import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconArrowsJoin2 } from '@tabler/icons-react';

export function Logo({ size = 'lg' }: { size?: 'lg' | 'xl' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'xl' ? 36 : 30} radius="md" variant="filled" aria-hidden>
        <IconArrowsJoin2 size={size === 'xl' ? 22 : 18} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'xl' ? 26 : 20} lh={1}>
        Accord
      </Text>
    </Group>
  );
}
