import { Stack, Text } from '@mantine/core';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import type { CreditPolicyVersion } from '../../types.ts';
import { CoSignedVersionsPage } from '../contract/CoSignedVersionsPage.tsx';
import { useVersion } from '../contract/use-co-signed.ts';
import { ActiveSince } from '../contract/VersionsTable.tsx';
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

function NoActivePolicy({ canEdit }: { canEdit: boolean }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>No version is signed yet.</Text>
      <Text size="sm" c="dimmed">
        Until both teams sign one, Accord’s default rules apply and no model is agreed to settle credit for targets and bonuses.
        {canEdit ? ' Start a draft from the defaults, propose it, and ask the marketing lead and the sales manager to sign it.' : ''}
      </Text>
    </Stack>
  );
}

/** `/w/:slug/credit-policy`: which attribution model settles credit and what counts as sourced and influenced, every version, and who signed it. */
export function CreditPolicyPage() {
  return (
    <CoSignedVersionsPage
      doc={CREDIT_POLICY}
      description="Which attribution model settles credit for targets and bonuses, and what counts as sourced and as influenced. A version is in force once the marketing lead and the sales manager have both signed it."
      active={{
        title: 'The policy in force',
        description: 'How credit is settled today, in plain words.',
        show: (version) => <ActivePolicy version={version} />,
        none: (canEdit) => <NoActivePolicy canEdit={canEdit} />,
      }}
    />
  );
}
