import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCode } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { TableCard } from '../../../components/DataTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { formatDate } from '../../../format.ts';
import { useConfirmedRemoval } from '../../../hooks/use-confirmed-removal.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import type { TrackingSite } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { CreateSiteForm } from './CreateSiteForm.tsx';
import { SnippetModal } from './SnippetModal.tsx';
import { useDeactivateTrackingSite, useTrackingSites } from './use-tracking-sites.ts';

function SitesTable({ sites, onShowSnippet }: { sites: TrackingSite[]; onShowSnippet: (site: TrackingSite) => void }) {
  const { details } = useCurrentWorkspace();
  const deactivate = useDeactivateTrackingSite();
  const confirm = useConfirmedRemoval<TrackingSite>(deactivate, (item) => `“${item.name}” no longer sends visits to Accord.`);
  const closing = confirm.target;

  if (sites.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No websites yet. Add one above to get its snippet.
      </Text>
    );
  }

  return (
    <>
      <TableCard minWidth={760} label="Websites">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Allowed origins</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((site) => (
            <Table.Tr key={site.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {site.name}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                {site.allowedOrigins.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Any website
                  </Text>
                ) : (
                  <Group gap={4}>
                    {site.allowedOrigins.map((origin) => (
                      <Badge key={origin} variant="outline" color="gray" tt="none" style={{ maxWidth: '100%' }}>
                        {origin}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                {site.isActive ? (
                  <StatusBadge status="active" />
                ) : (
                  <Badge color="gray" variant="light">
                    Inactive
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(site.createdAt, details.timeZone)}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {site.isActive && (
                    <>
                      <Button size="xs" variant="light" leftSection={<IconCode size={14} />} onClick={() => onShowSnippet(site)} aria-label={`Show snippet for ${site.name}`}>
                        Snippet
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => confirm.ask(site)} aria-label={`Deactivate ${site.name}`}>
                        Deactivate
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableCard>
      <ConfirmModal
        {...confirm.modal}
        title="Deactivate this website?"
        confirmLabel="Deactivate"
      >
        Visits and form fills on “{closing?.name}” will no longer be recorded, even where the snippet is still in the
        pages. What was already recorded stays. This cannot be undone; add the website again for a new snippet.
      </ConfirmModal>
    </>
  );
}

/** Settings > Website tracking: sites whose snippet records page views and form fills as touchpoints. */
export function TrackingPage() {
  useDocumentTitle('Website tracking');
  const sites = useTrackingSites();
  const [shown, setShown] = useState<TrackingSite | null>(null);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Website tracking"
        description="A small snippet on your website records page views and form fills, so both teams see which pages people read before they became leads."
      />
      <CreateSiteForm onCreated={setShown} />
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Websites
        </Title>
        <QueryStatus query={sites}>{(items) => <SitesTable sites={items} onShowSnippet={setShown} />}</QueryStatus>
      </Stack>
      <SnippetModal site={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
