import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconSignature } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SIGNING_ROLES, type SigningRole } from '../../../../core/permissions.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { formatDateTime } from '../../format.ts';
import { notifySuccess } from '../../notify.ts';
import { queryKeys } from '../../query-keys.ts';
import type { ContractVersion } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { SIGNER_LABELS } from './contract-text.ts';
import { useSignVersion } from './use-contract.ts';

type SlotProps = { version: ContractVersion; role: SigningRole; onSign: () => void; blockedReason: string | null };

function Slot({ version, role, onSign, blockedReason }: SlotProps) {
  const { workspace, can, details } = useCurrentWorkspace();
  const all = version.signatures.filter((s) => s.role === role);
  const valid = all.find((s) => !s.voidedAt);
  const voided = all.filter((s) => s.voidedAt);
  const mine = workspace.role === role && can('contract.sign');
  const { seat, team } = SIGNER_LABELS[role];
  return (
    <Paper withBorder radius="md" p="md" bg={valid ? 'teal.0' : undefined} aria-label={`${seat} signature`} component="section">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={3} fz="h5">
            {seat}
          </Title>
          <ThemeIcon variant="light" color={valid ? 'teal' : 'gray'} radius="xl" size="md" aria-hidden>
            {valid ? <IconCircleCheck size={16} /> : <IconClockHour4 size={16} />}
          </ThemeIcon>
        </Group>
        {valid ? (
          <Text size="sm">
            Signed for {team} by <strong>{valid.userName}</strong>
            <Text span size="xs" c="dimmed" display="block">
              {formatDateTime(valid.signedAt, details.timeZone)}
            </Text>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {version.status === 'proposed' ? `Awaiting the ${seat.toLowerCase()}’s signature.` : version.status === 'draft' ? 'Can sign once the draft is proposed.' : 'Not signed.'}
          </Text>
        )}
        {voided.map((s) => (
          <Text key={s.id} size="xs" c="dimmed">
            <Text span size="xs" td="line-through">
              Signed by {s.userName}, {formatDateTime(s.signedAt, details.timeZone)}
            </Text>{' '}
            — voided {s.voidedAt ? formatDateTime(s.voidedAt, details.timeZone) : ''}, when the version changed
          </Text>
        ))}
        {mine && version.status === 'proposed' && !valid && (
          <Tooltip label={blockedReason} disabled={!blockedReason}>
            <Button leftSection={<IconSignature size={16} />} onClick={onSign} disabled={Boolean(blockedReason)} w="fit-content">
              Sign for {team}
            </Button>
          </Tooltip>
        )}
      </Stack>
    </Paper>
  );
}

/** The two signatures a version needs, who gave them and when, and the button to sign for your own team. */
export function SignatureSlots({ version, blockedReason }: { version: ContractVersion; blockedReason: string | null }) {
  const { workspace, user } = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const sign = useSignVersion(version.version);
  const [asking, setAsking] = useState(false);
  const role = SIGNING_ROLES.find((r) => r === workspace.role);
  const other = SIGNING_ROLES.find((r) => r !== role);
  const otherSigned = version.signatures.some((s) => s.role === other && !s.voidedAt);
  const close = () => {
    sign.reset();
    setAsking(false);
  };
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {SIGNING_ROLES.map((r) => (
          <Slot key={r} version={version} role={r} onSign={() => setAsking(true)} blockedReason={blockedReason} />
        ))}
      </SimpleGrid>
      {role && other && (
        <ConfirmModal
          opened={asking}
          title={`Sign v${version.version} for ${SIGNER_LABELS[role].team}?`}
          confirmLabel={`Sign for ${SIGNER_LABELS[role].team}`}
          confirmColor="teal"
          onClose={close}
          loading={sign.isPending}
          error={sign.error}
          onConfirm={() =>
            sign.mutate(undefined, {
              onSuccess: (signed) => {
                // Shown at once: the server may take a few seconds to answer again while it rescores every lead.
                queryClient.setQueryData<ContractVersion>(queryKeys.contractVersion(workspace.id, version.version), (old) =>
                  old && {
                    ...old,
                    status: signed.activated ? 'active' : old.status,
                    awaiting: old.awaiting.filter((r) => r !== signed.role),
                    signatures: [
                      ...old.signatures,
                      { id: 'just-signed', version: old.version, userId: user.id, userName: user.name, role: signed.role, signedAt: new Date().toISOString(), voidedAt: null },
                    ],
                  },
                );
                notifySuccess(
                  signed.activated
                    ? `Version ${version.version} is now active. Every lead is being rescored by it.`
                    : `You signed version ${version.version} for ${SIGNER_LABELS[role].team}. It now awaits the ${SIGNER_LABELS[other].seat.toLowerCase()}.`,
                );
                close();
              },
            })
          }
        >
          You agree, for {SIGNER_LABELS[role].team}, to “{version.name}” exactly as it is saved now: its rules and its service levels.{' '}
          {otherSigned
            ? `The ${SIGNER_LABELS[other].seat.toLowerCase()} has signed already, so it becomes the active contract at once and every lead is rescored by it.`
            : `It becomes the active contract once the ${SIGNER_LABELS[other].seat.toLowerCase()} signs it too.`}
        </ConfirmModal>
      )}
    </>
  );
}
