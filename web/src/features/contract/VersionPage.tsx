import { Button, Group, Loader, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { notifySuccess } from '../../notify.ts';
import type { ContractVersion } from '../../types.ts';
import { WorkspacePageNotFound } from '../workspaces/WorkspacePageNotFound.tsx';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { BacktestPanel } from './BacktestPanel.tsx';
import { ChangesFromActive } from './ChangesFromActive.tsx';
import { CommentsThread } from './CommentsThread.tsx';
import { NewDraftButton } from './ContractPage.tsx';
import { ContractStatusBadge } from './ContractStatusBadge.tsx';
import { ContractSummary } from './ContractSummary.tsx';
import { SIGNER_LABELS, STATUS_LOOK } from './contract-text.ts';
import { ContractEditor } from './editor/ContractEditor.tsx';
import { SignatureSlots } from './SignatureSlots.tsx';
import { useCampaignNames } from './use-campaign-names.ts';
import { useContractVersion, useContractVersions, useProposeVersion } from './use-contract.ts';

function ProposeButton({ version, blockedReason }: { version: ContractVersion; blockedReason: string | null }) {
  const propose = useProposeVersion(version.version);
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

function statusText(version: ContractVersion): string {
  if (version.status !== 'proposed' || version.awaiting.length !== 1) return STATUS_LOOK[version.status].description;
  return `Waiting for the ${SIGNER_LABELS[version.awaiting[0]!].seat.toLowerCase()} to sign.`;
}

function dates(version: ContractVersion, timeZone: string): string {
  const parts = [
    version.basedOn !== null ? `Based on v${version.basedOn}` : 'Started from Accord’s suggested definition',
    `created ${formatDate(version.createdAt, timeZone)}`,
    `last changed ${formatDate(version.updatedAt, timeZone)}`,
    version.proposedAt && version.status !== 'draft' ? `proposed ${formatDate(version.proposedAt, timeZone)}` : null,
    version.activatedAt ? `active from ${formatDate(version.activatedAt, timeZone)}` : null,
    version.retiredAt ? `retired ${formatDate(version.retiredAt, timeZone)}` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

function VersionView({ version, updating }: { version: ContractVersion; updating: boolean }) {
  useDocumentTitle(`Lead contract v${version.version}`);
  const { can, details } = useCurrentWorkspace();
  const versions = useContractVersions();
  const activeVersion = versions.data ? (versions.data.find((v) => v.status === 'active')?.version ?? null) : undefined;
  const isActive = version.status === 'active';
  const active = useContractVersion(activeVersion ?? null, activeVersion !== undefined && activeVersion !== null && !isActive);
  const activeDefinition = isActive ? version.definition : (active.data?.definition ?? null);
  const { nameOf } = useCampaignNames();
  const [dirty, setDirty] = useState(false);
  const editable = (version.status === 'draft' || version.status === 'proposed') && can('contract.edit');
  const unsaved = editable && dirty ? 'Save or discard your changes first: this acts on the version as saved.' : null;
  // The editor waits for the active version, so its preview compares from the first score.
  const activeReady = activeVersion !== undefined && (activeVersion === null || isActive || active.isSuccess || active.isError);

  return (
    <Stack gap="xl">
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
                {statusText(version)} {dates(version, details.timeZone)}
              </Text>
            </Stack>
            {version.status === 'draft' && can('contract.edit') && <ProposeButton version={version} blockedReason={unsaved} />}
            {(version.status === 'active' || version.status === 'retired') && can('contract.edit') && (
              <NewDraftButton basedOn={version.version} label="New draft from this version" />
            )}
          </Group>
          <SignatureSlots version={version} blockedReason={unsaved} />
        </Stack>
      </Paper>

      {!isActive && (
        <Section
          title="Changes from the active version"
          description={dirty ? 'As saved: your unsaved changes are not in this list yet.' : 'What signing this version would change, rule by rule.'}
        >
          {activeVersion !== undefined && <ChangesFromActive version={version} activeVersion={activeVersion} />}
        </Section>
      )}

      <Section
        title="The contract"
        description={editable ? 'Change the rules and the service levels; the preview below shows what your changes would do.' : 'This version in plain words.'}
      >
        {editable ? (
          activeReady ? (
            <ContractEditor
              key={version.updatedAt}
              version={version}
              activeVersion={activeVersion ?? null}
              activeDefinition={activeDefinition}
              onDirtyChange={setDirty}
            />
          ) : null
        ) : (
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <ContractSummary definition={version.definition} sla={version.sla} campaignName={nameOf} />
          </Paper>
        )}
      </Section>

      {can('contract.edit') && !isActive && (
        <Section
          title="Backtest"
          description="What this version would have done with past leads whose outcome is known: how many MQLs, how many of them went on to buy, and which leads only one version lets through."
        >
          <BacktestPanel key={version.contentHash} version={version.version} savedNote={unsaved} />
        </Section>
      )}

      <Section title="Comments" description="Questions and objections from both teams, before anyone signs.">
        <CommentsThread version={version.version} comments={version.comments} />
      </Section>
    </Stack>
  );
}

/** `/w/:slug/lead-contract/:version`: one version, its signatures, its changes, its editor with a live preview, its backtest and its discussion. */
export function VersionPage() {
  const { version: param = '' } = useParams();
  const { pathTo } = useCurrentWorkspace();
  const number = /^[1-9]\d{0,8}$/.test(param) ? Number(param) : null;
  const detail = useContractVersion(number);
  if (number === null) return <WorkspacePageNotFound />;
  return (
    <RecordPage back={{ to: pathTo('lead-contract'), label: 'Lead contract' }} query={detail} loadingLabel="Loading the version">
      {(version) => <VersionView version={version} updating={detail.isFetching} />}
    </RecordPage>
  );
}
