import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { markSignedOut } from './auth';

/** An expired session on any call signs the client out, so the guard shows the sign-in page. */
function onError(err: unknown) {
  if (err instanceof ApiError && err.problem.code === 'UNAUTHENTICATED') markSignedOut(queryClient);
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});
