import { Button, Group, Modal, Stack } from '@mantine/core';
import { CopyableSecret } from '../../../components/CopyableSecret.tsx';
import { formatDateTime } from '../../../format.ts';
import type { Member, OneTimeLink } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';

type Props = { issued: { member: Member; link: OneTimeLink } | null; onClose: () => void };

/** Shows a freshly issued password reset link, once. */
export function ResetLinkModal({ issued, onClose }: Props) {
  const { details } = useCurrentWorkspace();
  return (
    <Modal opened={issued !== null} onClose={onClose} title="Password reset link" centered size="lg">
      {issued && (
        <Stack>
          <CopyableSecret
            label={`Reset link for ${issued.member.name}`}
            value={issued.link.url}
            testId="reset-url"
            hint={`Share it with ${issued.member.name} directly. It works once, until ${formatDateTime(issued.link.expiresAt, details.timeZone)}, and is not shown again.`}
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
