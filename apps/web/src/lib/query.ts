/**
 * The server-state layer (decision 018): one TanStack Query client for the page, and `useApiQuery`, the one way a
 * page loads data. Each feature names its data with query keys (`<feature>Keys` in its api.ts) so a change made in
 * one place can invalidate what shows it everywhere.
 */
import { keepPreviousData, QueryClient, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refused or failed read is shown at once with 重试 (an automatic retry would only delay the message).
        retry: false,
        // An editor's copy is replaced only when the person asks (重新载入) or after their own change: a refetch
        // because the window regained focus would move the revision under what they are typing.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}

/** The page's client; a module value so sign-out can drop every cached answer (features/session). */
export const queryClient = createQueryClient();

export interface ApiQuery<T> {
  data: T | undefined;
  error: Error | undefined;
  /** A request for this key is under way (the first load or a reload). */
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `queryKey` with `load`; a newer key cancels the older request (its `signal` aborts), and the previous key's
 * answer stays on screen until the new one arrives, so fast typing in a search box never flashes an empty table.
 */
export function useApiQuery<T>(
  queryKey: QueryKey,
  load: (signal: AbortSignal) => Promise<T>,
  options: { keepPrevious?: boolean; /** Poll while something runs (a job): ms, or false to stop. */ pollEvery?: (data: T | undefined) => number | false } = {},
): ApiQuery<T> {
  const { pollEvery } = options;
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => load(signal),
    ...(options.keepPrevious === false ? {} : { placeholderData: keepPreviousData }),
    ...(pollEvery ? { refetchInterval: (q: { state: { data: T | undefined } }) => pollEvery(q.state.data) } : {}),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: query.error ?? undefined, loading: query.isFetching, reload };
}

/** Marks every query under `prefix` as stale and refetches the ones on screen (after a change was saved). */
export function useInvalidate(): (prefix: QueryKey) => Promise<void> {
  const client = useQueryClient();
  return useCallback((prefix: QueryKey) => client.invalidateQueries({ queryKey: prefix }), [client]);
}
