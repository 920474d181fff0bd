import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api, unwrap } from './client';
import { getSession, subscribeSession, type StoredSession } from './session';

/** The signed-in session (or null); re-renders when it changes, also from another tab. */
export function useSession(): StoredSession | null {
  return useSyncExternalStore(subscribeSession, getSession);
}

/** The account with its unit, district and street (the header shows them). */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: ['me', session?.actor.accountId],
    queryFn: async () => unwrap(await api.GET('/api/v1/auth/me')),
    enabled: !!session,
    staleTime: 5 * 60_000,
  });
}
