import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AuditEvent } from '../../../types.ts';

function Snapshot({ title, value }: { title: string; value: unknown }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      {value === null || value === undefined ? (
        <Text size="sm" c="dimmed">
          Nothing
        </Text>
      ) : (
        <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}

/** The recorded state before and after the change, side by side. */
export function AuditChanges({ event }: { event: AuditEvent }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Snapshot title="Before" value={event.before} />
      <Snapshot title="After" value={event.after} />
    </SimpleGrid>
  );
}
