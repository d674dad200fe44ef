import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyableSecret } from '../../../components/CopyableSecret.tsx';
import type { WebhookCreated } from '../../../types.ts';

/** The new webhook's signing secret, shown this one time only, and how a receiver checks a request with it. */
export function NewWebhookModal({ created, onClose }: { created: WebhookCreated | null; onClose: () => void }) {
  return (
    <Modal opened={created !== null} onClose={onClose} title="Your webhook’s signing secret" centered size="lg" closeOnClickOutside={false}>
      {created && (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Copy it now">
            This is the only time the secret is shown. Give it to the system that receives the webhook, so it can check
            that a request really comes from Accord. If you lose it, delete the webhook and create a new one.
          </Alert>
          <CopyableSecret label={`Secret of “${created.webhook.name}”`} value={created.secret} testId="webhook-secret" />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              How the receiver checks a request
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>
                Every request carries <Code style={{ whiteSpace: 'nowrap' }}>x-accord-timestamp</Code> (seconds since 1970) and{' '}
                <Code style={{ whiteSpace: 'nowrap' }}>x-accord-signature: sha256=…</Code>.
              </List.Item>
              <List.Item>
                The signature is the hex HMAC-SHA256, keyed with this secret, of <Code style={{ whiteSpace: 'nowrap' }}>{'<timestamp>.<raw body>'}</Code>.
                Compute it yourself and compare in constant time.
              </List.Item>
              <List.Item>Refuse a request whose timestamp is more than five minutes old, so a captured request cannot be replayed.</List.Item>
              <List.Item>
                <Code style={{ whiteSpace: 'nowrap' }}>x-accord-delivery</Code> stays the same across retries of one message: use it to drop repeats.
              </List.Item>
            </List>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have copied it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
