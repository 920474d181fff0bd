import { authFetch } from '../api/client';
import { ApiError } from '../api/errors';

/** The file name of a download from its Content-Disposition (RFC 6266 / 5987). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads a file the API serves to signed-in users only: fetched with the
 * access token, handed to the browser as a blob (a plain link would carry no token).
 */
export async function downloadFile(path: string, fallbackName = 'download'): Promise<void> {
  const res = await authFetch(new Request(path));
  if (!res.ok) {
    throw ApiError.from(res.status, await res.json().catch(() => null));
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sends a multipart form (an upload) with the access token; the API's answer as JSON. */
export async function postForm<T>(
  path: string,
  form: FormData,
): Promise<{ status: number; body: T }> {
  const res = await authFetch(new Request(path, { method: 'POST', body: form }));
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw ApiError.from(res.status, body);
  return { status: res.status, body: body as T };
}
