import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { CreditPolicyVersion } from '../../types.ts';
import { useVersion, useVersions } from '../contract/use-co-signed.ts';
import { NewDraftButton } from '../contract/VersionHeader.tsx';
import { ActiveSince, VersionsTable } from '../contract/VersionsTable.tsx';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { CREDIT_POLICY } from './credit-policy.ts';
import { PolicySummary } from './PolicySummary.tsx';

function ActivePolicy({ version }: { version: number }) {
  const detail = useVersion<CreditPolicyVersion>(CREDIT_POLICY, version);
  return (
    <QueryStatus query={detail} label="Loading the active policy">
      {(active) => (
        <Stack gap="sm">
          <ActiveSince version={active} />
          <PolicySummary rules={active.rules} />
        </Stack>
      )}
    </QueryStatus>
  );
}

function NoActivePolicy() {
  const { can } = useCurrentWorkspace();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap={4}>
        <Text fw={600}>No version is signed yet.</Text>
        <Text size="sm" c="dimmed">
          Until both teams sign one, Accord’s default rules apply and no model is agreed to settle credit for targets and bonuses.
          {can('credit.edit') ? ' Start a draft from the defaults, propose it, and ask the marketing lead and the sales manager to sign it.' : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

/** `/w/:slug/credit-policy`: which attribution model settles credit and what counts as sourced and influenced, every version, and who signed it. */
export function CreditPolicyPage() {
  useDocumentTitle('Credit policy');
  const { can } = useCurrentWorkspace();
  const versions = useVersions(CREDIT_POLICY);
  const active = versions.data?.find((version) => version.status === 'active');
  return (
    <Stack gap="lg">
      <PageHeader
        title="Credit policy"
        description="Which attribution model settles credit for targets and bonuses, and what counts as sourced and as influenced. A version is in force once the marketing lead and the sales manager have both signed it."
        actions={
          <Group gap="sm" align="flex-start">
            {versions.isFetching && versions.data && <Loader size="sm" mt={8} aria-label="Updating the versions" />}
            {can('credit.edit') && <NewDraftButton doc={CREDIT_POLICY} />}
          </Group>
        }
      />
      <QueryStatus query={versions} label="Loading the credit policy">
        {(items) => (
          <Stack gap="xl">
            <Section title="The policy in force" description="How credit is settled today, in plain words.">
              {active ? <ActivePolicy version={active.version} /> : <NoActivePolicy />}
            </Section>
            <Section title="Versions" description="Newest first. Open a version to read it, comment, or sign it.">
              {items.length === 0 ? (
                <Paper withBorder radius="md" p="lg">
                  <Text size="sm" c="dimmed">
                    No versions yet. A first draft starts from Accord’s default rules, which you can change.
                  </Text>
                </Paper>
              ) : (
                <VersionsTable doc={CREDIT_POLICY} versions={items} />
              )}
            </Section>
          </Stack>
        )}
      </QueryStatus>
    </Stack>
  );
}
