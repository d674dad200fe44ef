import { Button, Group, Loader, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../format.ts';
import { notifySuccess } from '../../notify.ts';
import type { CoSignedVersion } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import type { CoSignedDoc } from './co-signed.ts';
import { ContractStatusBadge } from './ContractStatusBadge.tsx';
import { SIGNER_LABELS, STATUS_LOOK } from './contract-text.ts';
import { SignatureSlots } from './SignatureSlots.tsx';
import { useCreateDraft, useProposeVersion } from './use-co-signed.ts';

/** Starts a draft (from `basedOn`, else from the active version) and opens it. */
export function NewDraftButton({ doc, basedOn, label = 'New draft' }: { doc: CoSignedDoc; basedOn?: number; label?: string }) {
  const navigate = useNavigate();
  const { pathTo } = useCurrentWorkspace();
  const create = useCreateDraft(doc);
  return (
    <Stack gap="xs" align="flex-end">
      <Button
        leftSection={<IconPlus size={16} />}
        loading={create.isPending}
        onClick={() =>
          create.mutate(basedOn === undefined ? {} : { basedOn }, {
            onSuccess: (draft) => {
              notifySuccess(`Draft v${draft.version} was created.`);
              void navigate(pathTo(`${doc.page}/${draft.version}`));
            },
          })
        }
      >
        {label}
      </Button>
      <ErrorAlert error={create.error} />
    </Stack>
  );
}

function ProposeButton({ doc, version, blockedReason }: { doc: CoSignedDoc; version: CoSignedVersion; blockedReason: string | null }) {
  const propose = useProposeVersion(doc, version.version);
  const [asking, setAsking] = useState(false);
  const close = () => {
    propose.reset();
    setAsking(false);
  };
  return (
    <>
      <Tooltip label={blockedReason} disabled={!blockedReason}>
        <Button leftSection={<IconSend size={16} />} onClick={() => setAsking(true)} disabled={Boolean(blockedReason)}>
          Propose for signature
        </Button>
      </Tooltip>
      <ConfirmModal
        opened={asking}
        title={`Propose v${version.version} for signature?`}
        confirmLabel="Propose"
        confirmColor="blue"
        onClose={close}
        loading={propose.isPending}
        error={propose.error}
        onConfirm={() =>
          propose.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(`Version ${version.version} was proposed. The marketing lead and the sales manager were asked to sign it.`);
              close();
            },
          })
        }
      >
        The marketing lead and the sales manager are notified and can sign it. It can still be changed while proposed, but a change voids the
        signatures given so far.
      </ConfirmModal>
    </>
  );
}

function statusText(version: CoSignedVersion): string {
  if (version.status !== 'proposed' || version.awaiting.length !== 1) return STATUS_LOOK[version.status].description;
  return `Waiting for the ${SIGNER_LABELS[version.awaiting[0]!].seat.toLowerCase()} to sign.`;
}

function dates(doc: CoSignedDoc, version: CoSignedVersion, timeZone: string): string {
  const parts = [
    version.basedOn !== null ? `Based on v${version.basedOn}` : `Started from ${doc.startsFrom}`,
    `created ${formatDate(version.createdAt, timeZone)}`,
    `last changed ${formatDate(version.updatedAt, timeZone)}`,
    version.proposedAt && version.status !== 'draft' ? `proposed ${formatDate(version.proposedAt, timeZone)}` : null,
    version.activatedAt ? `active from ${formatDate(version.activatedAt, timeZone)}` : null,
    version.retiredAt ? `retired ${formatDate(version.retiredAt, timeZone)}` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

type Props = {
  doc: CoSignedDoc;
  version: CoSignedVersion;
  /** The query is refreshing the version. */
  updating: boolean;
  /** Why proposing or signing must wait (unsaved changes on the page), or null. */
  blockedReason: string | null;
};

/** The top of a version's page: its name, status and dates, propose or start a new draft from it, and the two signatures. */
export function VersionHeader({ doc, version, updating, blockedReason }: Props) {
  const { can, details } = useCurrentWorkspace();
  const canEdit = can(doc.edit);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ minWidth: 220, flex: '1 1 320px' }}>
            <Group gap="sm" wrap="wrap">
              <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
                v{version.version} · {version.name}
              </Title>
              <ContractStatusBadge status={version.status} size="lg" />
              {updating && <Loader size="xs" aria-label="Updating this version" />}
            </Group>
            <Text size="sm" c="dimmed">
              {statusText(version)} {dates(doc, version, details.timeZone)}
            </Text>
          </Stack>
          {version.status === 'draft' && canEdit && <ProposeButton doc={doc} version={version} blockedReason={blockedReason} />}
          {(version.status === 'active' || version.status === 'retired') && canEdit && (
            <NewDraftButton doc={doc} basedOn={version.version} label="New draft from this version" />
          )}
        </Group>
        <SignatureSlots doc={doc} version={version} blockedReason={blockedReason} />
      </Stack>
    </Paper>
  );
}
