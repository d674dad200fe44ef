import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconSignature } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SIGNING_ROLES, type SigningRole } from '../../../../core/permissions.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { formatDateTime } from '../../format.ts';
import { notifySuccess } from '../../notify.ts';
import type { CoSignedVersion } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import type { CoSignedDoc } from './co-signed.ts';
import { SIGNER_LABELS } from './contract-text.ts';
import { useSignVersion } from './use-co-signed.ts';

type Props = { doc: CoSignedDoc; version: CoSignedVersion; blockedReason: string | null };

function Slot({ doc, version, role, onSign, blockedReason }: Props & { role: SigningRole; onSign: () => void }) {
  const { workspace, can, details } = useCurrentWorkspace();
  const all = version.signatures.filter((s) => s.role === role);
  const valid = all.find((s) => !s.voidedAt);
  const voided = all.filter((s) => s.voidedAt);
  const mine = workspace.role === role && can(doc.sign);
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
export function SignatureSlots({ doc, version, blockedReason }: Props) {
  const { workspace, user } = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const sign = useSignVersion(doc, version.version);
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
          <Slot key={r} doc={doc} version={version} role={r} onSign={() => setAsking(true)} blockedReason={blockedReason} />
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
                queryClient.setQueryData<CoSignedVersion>(doc.versionKey(workspace.id, version.version), (old) =>
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
                    ? `Version ${version.version} is now active: ${doc.whenActive}.`
                    : `You signed version ${version.version} for ${SIGNER_LABELS[role].team}. It now awaits the ${SIGNER_LABELS[other].seat.toLowerCase()}.`,
                );
                close();
              },
            })
          }
        >
          You agree, for {SIGNER_LABELS[role].team}, to “{version.name}” exactly as it is saved now: {doc.content}.{' '}
          {otherSigned
            ? `The ${SIGNER_LABELS[other].seat.toLowerCase()} has signed already, so it becomes the active ${doc.noun} at once and ${doc.whenActive}.`
            : `It becomes the active ${doc.noun} once the ${SIGNER_LABELS[other].seat.toLowerCase()} signs it too.`}
        </ConfirmModal>
      )}
    </>
  );
}
