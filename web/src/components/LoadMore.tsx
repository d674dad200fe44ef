import { Button, Center, Stack } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert.tsx';

/** The part of a TanStack infinite query this component needs. */
type PagedQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
};

/** "Load more" under a cursor-paged list, and why the next page failed if it did; nothing when there is no more. */
export function LoadMore({ query }: { query: PagedQuery }) {
  if (!query.hasNextPage && !query.isFetchNextPageError) return null;
  return (
    <Stack gap="sm">
      {query.isFetchNextPageError && <ErrorAlert error={query.error} />}
      {query.hasNextPage && (
        <Center>
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
