import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { LEAD_CONTRACT } from './co-signed.ts';
import { ContractSummary } from './ContractSummary.tsx';
import { useCampaignNames } from './use-campaign-names.ts';
import { useContractVersion, useContractVersions } from './use-contract.ts';
import { NewDraftButton } from './VersionHeader.tsx';
import { ActiveSince, VersionsTable } from './VersionsTable.tsx';

function ActiveContract({ version }: { version: number }) {
  const detail = useContractVersion(version);
  const { nameOf } = useCampaignNames();
  return (
    <QueryStatus query={detail} label="Loading the active contract">
      {(active) => (
        <Stack gap="sm">
          <ActiveSince version={active} />
          <ContractSummary definition={active.definition} sla={active.sla} campaignName={nameOf} />
        </Stack>
      )}
    </QueryStatus>
  );
}

/** `/w/:slug/lead-contract`: what both teams agreed a qualified lead is, every version, and who signed it. */
export function ContractPage() {
  useDocumentTitle('Lead contract');
  const { can } = useCurrentWorkspace();
  const versions = useContractVersions();
  const active = versions.data?.find((version) => version.status === 'active');
  return (
    <Stack gap="lg">
      <PageHeader
        title="Lead contract"
        description="What both teams agreed a qualified lead (MQL) is, and what each side commits to. A version becomes active once the marketing lead and the sales manager have both signed it."
        actions={
          <Group gap="sm" align="flex-start">
            {versions.isFetching && versions.data && <Loader size="sm" mt={8} aria-label="Updating the versions" />}
            {can('contract.edit') && <NewDraftButton doc={LEAD_CONTRACT} />}
          </Group>
        }
      />
      <QueryStatus query={versions} label="Loading the lead contract">
        {(items) => (
          <Stack gap="xl">
            <Section title="The active contract" description="How leads are scored today, in plain words.">
              {active ? (
                <ActiveContract version={active.version} />
              ) : (
                <Paper withBorder radius="md" p="lg">
                  <Stack gap={4}>
                    <Text fw={600}>No version is active yet.</Text>
                    <Text size="sm" c="dimmed">
                      Leads are not scored until both teams have signed a version.
                      {can('contract.edit') ? ' Start a draft, propose it, and ask the marketing lead and the sales manager to sign it.' : ''}
                    </Text>
                  </Stack>
                </Paper>
              )}
            </Section>
            <Section title="Versions" description="Newest first. Open a version to read it, comment, or sign it.">
              {items.length === 0 ? (
                <Paper withBorder radius="md" p="lg">
                  <Group justify="space-between" gap="sm">
                    <Text size="sm" c="dimmed">
                      No versions yet. A first draft starts from Accord’s suggested definition, which you can change.
                    </Text>
                  </Group>
                </Paper>
              ) : (
                <VersionsTable doc={LEAD_CONTRACT} versions={items} />
              )}
            </Section>
          </Stack>
        )}
      </QueryStatus>
    </Stack>
  );
}
