import { Button, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { apiUrl } from '../../api.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { DealsTable } from './DealsTable.tsx';
import { useDeals } from './use-records.ts';

/** `/w/:slug/deals`: every deal, newest first, with its amount, discount and outcome. */
export function DealsPage() {
  useDocumentTitle('Deals');
  const { workspace, can } = useCurrentWorkspace();
  const deals = useDeals();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Deals"
        description="Every deal, newest first: what it is worth, the discount given from the list price, and how it ended."
        actions={
          can('funnel.export') && (
            <Button component="a" href={apiUrl(`/workspaces/${workspace.id}/deals/export.csv`)} variant="default" leftSection={<IconDownload size={16} />}>
              Export CSV
            </Button>
          )
        }
      />
      <QueryStatus query={deals} label="Loading deals">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          if (items.length === 0) return <Text size="sm" c="dimmed">No deals yet.</Text>;
          return (
            <Stack gap="sm">
              <DealsTable deals={items} />
              <LoadMore query={deals} />
            </Stack>
          );
        }}
      </QueryStatus>
    </Stack>
  );
}
