import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, api, request, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when signed out (the server answers 401). */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useSignedInUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser used outside the signed-in area');
  return data;
}

/** Forgets the session on the client: the guard then routes to the sign-in page. */
export function markSignedOut(client: QueryClient): void {
  setCsrfToken('');
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  client.setQueryData(ME_KEY, null);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Me>('/api/auth/login', input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      client.clear();
      client.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    // Signed out on the client even when the server call fails (e.g. the session had already expired).
    onSettled: () => markSignedOut(client),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/auth/password', input),
    // A forced change clears the session's pending step: ask the server what is owed now.
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** The second sign-in step: a 6-digit code or a one-time recovery code. Answers the user, step cleared. */
export function useVerifyTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Me>('/api/auth/totp', { code }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      client.setQueryData(ME_KEY, me);
    },
  });
}

export interface TotpSetup {
  secret: string;
  /** otpauth:// URI, shown as a QR code. */
  uri: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

/** Starts two-factor enrolment: a fresh secret, not active until confirmed with a code. */
export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/api/auth/totp/setup') });
}

/**
 * Confirms enrolment with a code; answers the recovery codes (shown once). The user is not refreshed
 * here: an enrolment the session owed would otherwise close the page before the codes are read.
 */
export function useTotpEnable() {
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/api/auth/totp/enable', { code }),
  });
}

export function useTotpDisable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => request<void>('DELETE', '/api/auth/totp', { body: { password } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** A new set of recovery codes; the old ones stop working. */
export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (password: string) => api.post<RecoveryCodes>('/api/auth/recovery-codes', { password }),
  });
}

/**
 * While the app is open, the session can come to owe a step (the security administrator turned
 * two-factor on for the role): the server then answers AUTH_STEP_REQUIRED, and the user is read again
 * so the sign-in guard shows the step instead of a page of failed calls.
 */
export function useStepRequiredWatch(): void {
  const client = useQueryClient();
  useEffect(() => {
    const owesStep = (err: unknown) => err instanceof ApiError && err.code === 'AUTH_STEP_REQUIRED';
    const refresh = () => void client.invalidateQueries({ queryKey: ME_KEY });
    const stopQueries = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && owesStep(event.action.error)) refresh();
    });
    const stopMutations = client.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && owesStep(event.action.error)) refresh();
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [client]);
}

/** Asks the server again who the user is and what the session still owes. */
export function useRefreshMe(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ME_KEY });
}
