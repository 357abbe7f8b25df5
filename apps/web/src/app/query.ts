import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.ts';
import { notifyError } from './notify.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent: true` means the screen shows the error itself (inline), so no toast. */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

function isClientError(err: unknown): boolean {
  return isApiError(err) && err.status >= 400 && err.status < 500;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (!query.meta?.silent) notifyError(err);
    },
  }),
  mutationCache: new MutationCache({
    onError: (err, _vars, _result, mutation) => {
      if (!mutation.meta?.silent) notifyError(err);
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, err) => !isClientError(err) && count < 2,
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
  },
});
