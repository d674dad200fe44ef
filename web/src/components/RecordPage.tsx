import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { BackLink } from './BackLink.tsx';
import { QueryStatus } from './QueryStatus.tsx';

type Props<T> = {
  back: { to: string; label: string };
  query: Parameters<typeof QueryStatus<T>>[0]['query'];
  loadingLabel: string;
  children: (data: T) => ReactNode;
};

/** The frame of a page about one record: a link back to its list, then the record once loaded. */
export function RecordPage<T>({ back, query, loadingLabel, children }: Props<T>) {
  return (
    <Stack gap="md">
      <BackLink to={back.to} label={back.label} />
      <QueryStatus query={query} label={loadingLabel}>
        {children}
      </QueryStatus>
    </Stack>
  );
}
