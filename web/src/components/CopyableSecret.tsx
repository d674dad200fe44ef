import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

type Props = { label: string; value: string; testId: string; hint?: string };

/** A value to copy, with a copy button: a secret or one-time link shown once, or a snippet to paste elsewhere. */
export function CopyableSecret({ label, value, testId, hint }: Props) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} fz="sm">
        {value}
      </Code>
      <Group justify="space-between" gap="xs" wrap="wrap">
        {hint ? (
          <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 180 }}>
            {hint}
          </Text>
        ) : (
          <span />
        )}
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
