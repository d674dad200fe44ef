import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SIGNING_ROLES, type SigningRole } from '../../../../core/permissions.ts';
import { LinkedRow, TableCard } from '../../components/DataTable.tsx';
import { formatDate } from '../../format.ts';
import type { CoSignedVersion, ContractVersionSummary } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import type { CoSignedDoc } from './co-signed.ts';
import { ContractStatusBadge } from './ContractStatusBadge.tsx';
import { SIGNER_LABELS } from './contract-text.ts';

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

/** Every version of a co-signed document, newest first: its status, who signed it for each team, when it last changed. */
export function VersionsTable({ doc, versions }: { doc: CoSignedDoc; versions: ContractVersionSummary[] }) {
  const { pathTo, details } = useCurrentWorkspace();
  return (
    <TableCard minWidth={760} label={`${doc.title} versions`}>
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
          <LinkedRow key={version.version} to={pathTo(`${doc.page}/${version.version}`)} bg={version.status === 'active' ? 'teal.0' : undefined}>
            <Table.Td>
              <Anchor component={Link} to={pathTo(`${doc.page}/${version.version}`)} size="sm" fw={600}>
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

/** "v3 “Spring rules”, active since 2 Apr 2026, signed by Mara (Marketing) and Sam (Sales)." */
export function ActiveSince({ version }: { version: CoSignedVersion }) {
  const { details } = useCurrentWorkspace();
  return (
    <Text size="sm" c="dimmed">
      v{version.version} “{version.name}”, active since {version.activatedAt ? formatDate(version.activatedAt, details.timeZone) : '—'}, signed by{' '}
      {version.signatures
        .filter((s) => !s.voidedAt)
        .map((s) => `${s.userName} (${SIGNER_LABELS[s.role].team})`)
        .join(' and ')}
      .
    </Text>
  );
}
