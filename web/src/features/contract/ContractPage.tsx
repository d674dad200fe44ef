import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { SIGNING_ROLES, type SigningRole } from '../../../../core/permissions.ts';
import { LinkedRow, TableCard } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { notifySuccess } from '../../notify.ts';
import type { ContractVersionSummary } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { ContractStatusBadge } from './ContractStatusBadge.tsx';
import { ContractSummary } from './ContractSummary.tsx';
import { SIGNER_LABELS } from './contract-text.ts';
import { useCampaignNames } from './use-campaign-names.ts';
import { useContractVersion, useContractVersions, useCreateDraft } from './use-contract.ts';

function Signer({ version, role }: { version: ContractVersionSummary; role: SigningRole }) {
  const { details } = useCurrentWorkspace();
  const signature = version.signatures.find((s) => s.role === role && !s.voidedAt);
  if (signature) {
    return (
      <Stack gap={0}>
        <Text size="sm">{signature.userName}</Text>
        <Text size="xs" c="dimmed">
          {formatDate(signature.signedAt, details.timeZone)}
        </Text>
      </Stack>
    );
  }
  return (
    <Text size="sm" c={version.status === 'proposed' ? 'blue' : 'dimmed'}>
      {version.status === 'proposed' ? 'Awaiting signature' : '—'}
    </Text>
  );
}

function VersionsTable({ versions }: { versions: ContractVersionSummary[] }) {
  const { pathTo, details } = useCurrentWorkspace();
  return (
    <TableCard minWidth={760} label="Lead contract versions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Version</Table.Th>
          <Table.Th>Status</Table.Th>
          {SIGNING_ROLES.map((role) => (
            <Table.Th key={role}>{SIGNER_LABELS[role].seat}</Table.Th>
          ))}
          <Table.Th>Last changed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((version) => (
          <LinkedRow key={version.version} to={pathTo(`lead-contract/${version.version}`)} bg={version.status === 'active' ? 'teal.0' : undefined}>
            <Table.Td>
              <Anchor component={Link} to={pathTo(`lead-contract/${version.version}`)} size="sm" fw={600}>
                v{version.version}
              </Anchor>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {version.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <ContractStatusBadge status={version.status} />
            </Table.Td>
            {SIGNING_ROLES.map((role) => (
              <Table.Td key={role}>
                <Signer version={version} role={role} />
              </Table.Td>
            ))}
            <Table.Td>
              <Text size="sm">{formatDate(version.updatedAt, details.timeZone)}</Text>
              {version.basedOn !== null && (
                <Text size="xs" c="dimmed">
                  Based on v{version.basedOn}
                </Text>
              )}
            </Table.Td>
          </LinkedRow>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

function ActiveContract({ version }: { version: number }) {
  const detail = useContractVersion(version);
  const { nameOf } = useCampaignNames();
  const { details } = useCurrentWorkspace();
  return (
    <QueryStatus query={detail} label="Loading the active contract">
      {(active) => (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            v{active.version} “{active.name}”, active since {active.activatedAt ? formatDate(active.activatedAt, details.timeZone) : '—'}, signed by{' '}
            {active.signatures
              .filter((s) => !s.voidedAt)
              .map((s) => `${s.userName} (${SIGNER_LABELS[s.role].team})`)
              .join(' and ')}
            .
          </Text>
          <ContractSummary definition={active.definition} sla={active.sla} campaignName={nameOf} />
        </Stack>
      )}
    </QueryStatus>
  );
}

export function NewDraftButton({ basedOn, label = 'New draft' }: { basedOn?: number; label?: string }) {
  const navigate = useNavigate();
  const { pathTo } = useCurrentWorkspace();
  const create = useCreateDraft();
  return (
    <Stack gap="xs" align="flex-end">
      <Button
        leftSection={<IconPlus size={16} />}
        loading={create.isPending}
        onClick={() =>
          create.mutate(basedOn === undefined ? {} : { basedOn }, {
            onSuccess: (draft) => {
              notifySuccess(`Draft v${draft.version} was created.`);
              void navigate(pathTo(`lead-contract/${draft.version}`));
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
            {can('contract.edit') && <NewDraftButton />}
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
                <VersionsTable versions={items} />
              )}
            </Section>
          </Stack>
        )}
      </QueryStatus>
    </Stack>
  );
}
