import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { errorMessage } from '../api/errors';
import { hoursFromHalves, when } from '../lib/format';

/** Ask again this long before the token rotates, so that the screen never shows a dead code. */
const EARLY_MS = 3_000;
const FALLBACK_MS = 30_000;

/**
 * The session's rotating check-in QR code for a projector (full screen, no
 * menu): GET /sessions/:id/check-in-code again shortly before each rotation
 * (about every 30 s), the QR drawn in the browser as SVG from the code's URL,
 * with the 6-digit code for those who type it.
 */
export default function QrPage() {
  const { sessionId = '' } = useParams();
  const code = useQuery({
    queryKey: ['sessions', sessionId, 'check-in-code'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/sessions/{id}/check-in-code', {
          params: { path: { id: sessionId } },
        }),
      ),
    refetchInterval: (q) => {
      const d = q.state.data;
      if (!d) return FALLBACK_MS;
      return Math.max(1_000, new Date(d.rotatesAt).getTime() - Date.now() - EARLY_MS);
    },
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const roster = useQuery({
    queryKey: ['sessions', sessionId, 'attendance'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/sessions/{id}/attendance', {
          params: { path: { id: sessionId } },
        }),
      ),
    refetchInterval: 15_000,
  });
  const [svg, setSvg] = useState('');
  const url = code.data?.url;
  useEffect(() => {
    if (!url) return;
    let live = true;
    const absolute = new URL(url, window.location.origin).toString();
    void QRCode.toString(absolute, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (s) => live && setSvg(s),
    );
    return () => {
      live = false;
    };
  }, [url]);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const r = roster.data;
  const checkedIn = r ? r.marks.filter((m) => m.checkInAt).length : 0;
  const left = code.data
    ? Math.max(0, Math.round((new Date(code.data.rotatesAt).getTime() - now) / 1000))
    : null;
  return (
    <main className="qr-page">
      <h1 className="qr-title">扫码签到</h1>
      {r && (
        <p className="qr-sub">
          {when(r.startsAt)} – {when(r.endsAt)} · {hoursFromHalves(r.halfHours)}
        </p>
      )}
      {code.error ? (
        <p className="qr-error" role="alert">
          {errorMessage(code.error)}
        </p>
      ) : (
        <>
          <div
            className="qr-code"
            role="img"
            aria-label="签到二维码"
            data-url={url}
            // the SVG is drawn here by the qrcode library from the API's URL, not user input
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <p className="qr-digits">
            签到码 <strong data-testid="qr-code-digits">{code.data?.code ?? '······'}</strong>
          </p>
          <p className="qr-sub">
            请用手机相机扫描二维码，或在“签到”页输入签到码
            {left !== null && `（${left} 秒后更新）`}
          </p>
        </>
      )}
      {r && (
        <p className="qr-count" data-testid="qr-count">
          已签到 {checkedIn} / {r.marks.length} 人
        </p>
      )}
    </main>
  );
}
