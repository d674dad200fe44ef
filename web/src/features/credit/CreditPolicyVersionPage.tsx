import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { CreditPolicyVersion } from '../../types.ts';
import { ChangeList } from '../contract/ChangesFromActive.tsx';
import { CommentsThread } from '../contract/CommentsThread.tsx';
import { useVersion, useVersions } from '../contract/use-co-signed.ts';
import { VersionHeader } from '../contract/VersionHeader.tsx';
import { WorkspacePageNotFound } from '../workspaces/WorkspacePageNotFound.tsx';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { CREDIT_POLICY, policyChanges } from './credit-policy.ts';
import { PolicyEditor } from './PolicyEditor.tsx';
import { PolicySummary } from './PolicySummary.tsx';

/** What signing this version would change from the active one, rule by rule. */
function PolicyChanges({ version, activeVersion }: { version: CreditPolicyVersion; activeVersion: number | null }) {
  const active = useVersion<CreditPolicyVersion>(CREDIT_POLICY, activeVersion);
  if (activeVersion === null) {
    return (
      <Text size="sm" c="dimmed">
        No version is signed yet, so all of this one is new.
      </Text>
    );
  }
  return (
    <QueryStatus query={active} label="Loading the changes">
      {({ rules }) => <ChangeList lines={policyChanges(rules, version.rules)} empty={`Same rules as the active version (v${activeVersion}).`} />}
    </QueryStatus>
  );
}

function PolicyVersionView({ version, updating }: { version: CreditPolicyVersion; updating: boolean }) {
  useDocumentTitle(`Credit policy v${version.version}`);
  const { can } = useCurrentWorkspace();
  const versions = useVersions(CREDIT_POLICY);
  const activeVersion = versions.data ? (versions.data.find((v) => v.status === 'active')?.version ?? null) : undefined;
  const [dirty, setDirty] = useState(false);
  const editable = (version.status === 'draft' || version.status === 'proposed') && can('credit.edit');
  const unsaved = editable && dirty ? 'Save or discard your changes first: this acts on the version as saved.' : null;
  return (
    <Stack gap="xl">
      <VersionHeader doc={CREDIT_POLICY} version={version} updating={updating} blockedReason={unsaved} />
      {version.status !== 'active' && (
        <Section
          title="Changes from the active version"
          description={dirty ? 'As saved: your unsaved changes are not in this list yet.' : 'What signing this version would change, rule by rule.'}
        >
          {activeVersion !== undefined && <PolicyChanges version={version} activeVersion={activeVersion} />}
        </Section>
      )}
      <Section title="The policy" description={editable ? 'Choose the settling model and the sourced and influenced rules, then save.' : 'This version in plain words.'}>
        {editable ? <PolicyEditor key={version.updatedAt} version={version} onDirtyChange={setDirty} /> : <PolicySummary rules={version.rules} />}
      </Section>
      <Section title="Comments" description="Questions and objections from both teams, before anyone signs.">
        <CommentsThread doc={CREDIT_POLICY} version={version.version} comments={version.comments} />
      </Section>
    </Stack>
  );
}

/** `/w/:slug/credit-policy/:version`: one version of the credit policy, its signatures, its changes, its editor and its discussion. */
export function CreditPolicyVersionPage() {
  const { version: param = '' } = useParams();
  const { pathTo } = useCurrentWorkspace();
  const number = /^[1-9]\d{0,8}$/.test(param) ? Number(param) : null;
  const detail = useVersion<CreditPolicyVersion>(CREDIT_POLICY, number);
  if (number === null) return <WorkspacePageNotFound />;
  return (
    <RecordPage back={{ to: pathTo('credit-policy'), label: 'Credit policy' }} query={detail} loadingLabel="Loading the version">
      {(version) => <PolicyVersionView version={version} updating={detail.isFetching} />}
    </RecordPage>
  );
}
