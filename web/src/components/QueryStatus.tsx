import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

/** The part of a TanStack query (plain or infinite) this component needs. */
type QueryLike<T> = { status: 'pending' | 'error' | 'success'; error: unknown; data: T | undefined };

type Props<T> = { query: QueryLike<T>; children: (data: T) => ReactNode; label?: string };

/** Renders a spinner while loading, the error if it failed, otherwise `children(data)`. */
export function QueryStatus<T>({ query, children, label = 'Loading' }: Props<T>) {
  if (query.status === 'pending') {
    return (
      <Center py="xl">
        <Loader aria-label={label} />
      </Center>
    );
  }
  if (query.status === 'error') return <ErrorAlert error={query.error} title="Could not load this" />;
  return <>{children(query.data as T)}</>;
}
