import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's settings kept in its address (a link shares the view): read from the query string,
 * written back in place. `read` and `write` must be stable (module-level) functions.
 */
export function useUrlSettings<T>(read: (params: URLSearchParams) => T, write: (settings: T) => URLSearchParams): [T, (next: T) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const settings = useMemo(() => read(new URLSearchParams(search)), [search, read]);
  const set = useCallback((next: T) => setParams(write(next), { replace: true }), [setParams, write]);
  return [settings, set];
}
