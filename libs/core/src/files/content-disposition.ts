import { FORBIDDEN_ALL } from '../common/control-chars';

/**
 * `Content-Disposition: attachment` for a download with a Chinese (any Unicode) file name:
 * an ASCII `filename` for old clients and the real name as RFC 5987 / RFC 6266 `filename*`.
 * Characters no file name may hold (path separators, quotes, controls) are replaced.
 */
export function attachmentDisposition(fileName: string, asciiFallback = 'download'): string {
  const name = safeFileName(fileName) || asciiFallback;
  const ascii = safeFileName(asciiFallback).replace(/[^\x20-\x7e]/g, '_') || 'download';
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987 attr-char does not allow ' ( ) *
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A name safe to save under: no path separators, quotes, reserved or control characters. */
export function safeFileName(name: string, max = 120): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|]/g, '_')
    // controls (tab and line breaks too), lone surrogates, noncharacters, bidi overrides
    .replace(FORBIDDEN_ALL, '')
    .replace(/[\t\n\r\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return Array.from(cleaned).slice(0, max).join('');
}
