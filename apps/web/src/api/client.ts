import createClient from 'openapi-fetch';
import { ApiError } from './errors';
import type { components, paths } from './schema';
import { freshSession, getSession, refreshSession } from './session';

export type Schemas = components['schemas'];

/**
 * Every call to the API: the signed-in user's access token (refreshed shortly
 * before it expires), and one retry after a refresh when the API still
 * answers 401 (the token was revoked or the clock is off).
 */
export async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const send = (req: Request, token: string | undefined): Promise<Response> => {
    if (token) req.headers.set('Authorization', `Bearer ${token}`);
    return fetch(req);
  };
  const session = await freshSession();
  const res = await send(input, session?.accessToken);
  if (res.status !== 401 || !session) return res;
  const renewed = await refreshSession(session.refreshToken);
  return renewed ? send(retry, renewed.accessToken) : res;
}

/** The typed client: paths, parameters, bodies and answers come from the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', fetch: authFetch });

/** openapi-fetch's answer → the data, or an ApiError with the API's `{ code, message, details }`. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw ApiError.from(result.response.status, result.error);
  }
  return result.data as T;
}

/** Whether someone is signed in (for code outside React). */
export const signedIn = (): boolean => getSession() !== null;
