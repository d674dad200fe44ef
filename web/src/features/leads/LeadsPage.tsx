import { Anchor, Button, Divider, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiUrl } from '../../api.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { filterSearch, readFilter, type LeadFilterValues } from './lead-filter.ts';
import { LeadFiltersBar } from './LeadFiltersBar.tsx';
import { LeadsTable } from './LeadsTable.tsx';
import { SavedViewsBar } from './SavedViewsBar.tsx';
import { useLeads } from './use-leads.ts';

/** `/w/:slug/leads`: everyone in the funnel, searched and filtered on the server; the filters live in the address. */
export function LeadsPage() {
  useDocumentTitle('Leads');
  const { workspace, can, pathTo } = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filter = useMemo(() => readFilter(new URLSearchParams(search)), [search]);
  const setFilter = useCallback(
    (next: LeadFilterValues) => setParams(new URLSearchParams(filterSearch(next)), { replace: true }),
    [setParams],
  );
  const leads = useLeads(filter);
  const hasFilters = Object.keys(filter).some((key) => key !== 'sort');

  return (
    <Stack gap="lg">
      <PageHeader
        title="Leads"
        description="Everyone in the funnel, the same list for Sales and Marketing. Open a lead to see its whole story."
        actions={
          can('funnel.export') && (
            <Button
              component="a"
              href={apiUrl(`/workspaces/${workspace.id}/leads/export.csv`, filter)}
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              Export CSV
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <LeadFiltersBar filter={filter} onChange={setFilter} />
          <Divider />
          <SavedViewsBar filter={filter} onApply={setFilter} />
        </Stack>
      </Paper>
      <QueryStatus query={leads} label="Loading leads">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return hasFilters ? (
              <Text c="dimmed" size="sm">
                No leads match these filters.
              </Text>
            ) : (
              <Text c="dimmed" size="sm">
                No leads yet.{' '}
                {can('funnel.import') ? (
                  <>
                    <Anchor component={Link} to={pathTo('import')} size="sm">
                      Import a CSV file
                    </Anchor> from your CRM, or send them through the API.
                  </>
                ) : (
                  'They arrive from CSV imports, the website snippet and the API.'
                )}
              </Text>
            );
          }
          return (
            <Stack gap="sm">
              <Group gap="xs" justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  Showing {plural(items.length, 'lead')}
                  {leads.hasNextPage ? ' — there are more' : ''}
                </Text>
                {leads.isFetching && !leads.isFetchingNextPage && <Loader size="xs" aria-label="Updating" />}
              </Group>
              <LeadsTable leads={items} />
              <LoadMore query={leads} />
            </Stack>
          );
        }}
      </QueryStatus>
    </Stack>
  );
}
