import { Stack, Text } from '@mantine/core';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { LEAD_CONTRACT } from './co-signed.ts';
import { CoSignedVersionsPage } from './CoSignedVersionsPage.tsx';
import { ContractSummary } from './ContractSummary.tsx';
import { useCampaignNames } from './use-campaign-names.ts';
import { useContractVersion } from './use-contract.ts';
import { ActiveSince } from './VersionsTable.tsx';

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

function NoActiveContract({ canEdit }: { canEdit: boolean }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>No version is active yet.</Text>
      <Text size="sm" c="dimmed">
        Leads are not scored until both teams have signed a version.
        {canEdit ? ' Start a draft, propose it, and ask the marketing lead and the sales manager to sign it.' : ''}
      </Text>
    </Stack>
  );
}

/** `/w/:slug/lead-contract`: what both teams agreed a qualified lead is, every version, and who signed it. */
export function ContractPage() {
  return (
    <CoSignedVersionsPage
      doc={LEAD_CONTRACT}
      description="What both teams agreed a qualified lead (MQL) is, and what each side commits to. A version becomes active once the marketing lead and the sales manager have both signed it."
      active={{
        title: 'The active contract',
        description: 'How leads are scored today, in plain words.',
        show: (version) => <ActiveContract version={version} />,
        none: (canEdit) => <NoActiveContract canEdit={canEdit} />,
      }}
    />
  );
}
