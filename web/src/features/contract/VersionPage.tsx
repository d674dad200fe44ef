import { Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { ContractVersion } from '../../types.ts';
import { WorkspacePageNotFound } from '../workspaces/WorkspacePageNotFound.tsx';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { BacktestPanel } from './BacktestPanel.tsx';
import { ChangesFromActive } from './ChangesFromActive.tsx';
import { LEAD_CONTRACT } from './co-signed.ts';
import { CommentsThread } from './CommentsThread.tsx';
import { ContractSummary } from './ContractSummary.tsx';
import { ContractEditor } from './editor/ContractEditor.tsx';
import { useCampaignNames } from './use-campaign-names.ts';
import { useContractVersion, useContractVersions } from './use-contract.ts';
import { VersionHeader } from './VersionHeader.tsx';

function VersionView({ version, updating }: { version: ContractVersion; updating: boolean }) {
  useDocumentTitle(`Lead contract v${version.version}`);
  const { can } = useCurrentWorkspace();
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
      <VersionHeader doc={LEAD_CONTRACT} version={version} updating={updating} blockedReason={unsaved} />

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
        <CommentsThread doc={LEAD_CONTRACT} version={version.version} comments={version.comments} />
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
