import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

/** Mark a query or mutation with `meta: { public: true }` when a 401 is an expected answer (e.g. a wrong password). */
type Meta = Record<string, unknown> | undefined;

function isSessionLost(error: unknown, meta: Meta): boolean {
  return error instanceof ApiError && error.isUnauthenticated && meta?.public !== true;
}

/** One query client for the page; any unexpected 401 (signed out, session expired) calls `onSignedOut`. */
export function createQueryClient(onSignedOut: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionLost(error, query.meta)) onSignedOut();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isSessionLost(error, mutation.meta)) onSignedOut();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2,
      },
    },
  });
}
