import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyableSecret } from '../../../components/CopyableSecret.tsx';
import type { TokenCreated } from '../../../types.ts';

/** The new token's secret, shown this one time only. */
export function NewTokenModal({ created, onClose }: { created: TokenCreated | null; onClose: () => void }) {
  return (
    <Modal opened={created !== null} onClose={onClose} title="Your new API token" centered size="lg" closeOnClickOutside={false}>
      {created && (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Copy it now">
            This is the only time the token is shown. Store it somewhere safe, such as a password manager. If you lose
            it, revoke it and create a new one.
          </Alert>
          <CopyableSecret label={`Token “${created.token.name}”`} value={created.secret} testId="token-secret" />
          <Group justify="flex-end">
            <Button onClick={onClose}>I have copied it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
