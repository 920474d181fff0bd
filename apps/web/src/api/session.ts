import type { components } from './schema';

export type TokenPair = components['schemas']['TokenPairDto'];
export type Actor = components['schemas']['ActorDto'];
export type Role = Actor['role'];

/** What a signed-in browser keeps: shared by its tabs through localStorage. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** ms since the epoch when the access token expires */
  accessExpiresAt: number;
  actor: Actor;
}

const KEY = 'peixun.session';
/** refresh this long before the access token expires, so that no request goes out with a dead one */
const EARLY_MS = 30_000;

type Listener = () => void;
const listeners = new Set<Listener>();
let current: StoredSession | null = read();

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

function emit(): void {
  for (const l of listeners) l();
}

// another tab signed in, refreshed or signed out
window.addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  current = read();
  emit();
});

export function getSession(): StoredSession | null {
  return current;
}

export function subscribeSession(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function saveSession(pair: TokenPair): StoredSession {
  current = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: Date.now() + pair.expiresIn * 1000,
    actor: pair.actor,
  };
  localStorage.setItem(KEY, JSON.stringify(current));
  emit();
  return current;
}

export function clearSession(): void {
  current = null;
  localStorage.removeItem(KEY);
  emit();
}

let inflight: Promise<StoredSession | null> | null = null;

/**
 * Trades the refresh token for a new pair. Refresh tokens are single-use and a
 * replayed one revokes the whole login, so one refresh at a time: within a tab
 * (one promise) and across tabs (a Web Lock, after which the token is re-read:
 * if another tab has already rotated it, its new pair is used as it is).
 */
export function refreshSession(stale: string): Promise<StoredSession | null> {
  inflight ??= (async () => {
    const run = async (): Promise<StoredSession | null> => {
      const latest = read();
      if (!latest) return null;
      if (latest.refreshToken !== stale) {
        current = latest;
        return latest;
      }
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: stale }),
      });
      if (!res.ok) {
        // expired, revoked or reused: the login is over
        if (res.status === 401 || res.status === 403) clearSession();
        return null;
      }
      return saveSession((await res.json()) as TokenPair);
    };
    return navigator.locks
      ? (navigator.locks.request('peixun.refresh', run) as Promise<StoredSession | null>)
      : run();
  })().finally(() => {
    inflight = null;
  });
  return inflight;
}

/** The session with an access token that is good for at least the next half minute. */
export async function freshSession(): Promise<StoredSession | null> {
  const s = current;
  if (!s) return null;
  if (s.accessExpiresAt - Date.now() > EARLY_MS) return s;
  return refreshSession(s.refreshToken);
}
