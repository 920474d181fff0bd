/**
 * The plain page behind the QR code's short path (`/c/:sessionId/:token`): server-rendered,
 * phone-fit, no script. It names the session and whether the code is current, and tells the
 * worker to sign in to check in. No personal data: only what the projector shows anyway.
 */

export interface CheckInPageSession {
  classTitle: string;
  topic: string;
  institution: string | null;
  location: string;
  startsAt: Date;
  endsAt: Date;
}

export type CheckInPageState =
  'current' | 'expired' | 'invalid' | 'not_found' | 'cancelled' | 'rate_limited';

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function clock(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const p = (t: string): string => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

const HEADLINES: Record<CheckInPageState, { title: string; text: string; tone: string }> = {
  current: {
    title: '签到二维码有效',
    text: '请在手机上登录培训平台，登录后再次扫描投屏上的二维码完成签到；没有相机时，可在平台的签到页输入二维码下方的 6 位签到码。',
    tone: 'ok',
  },
  expired: {
    title: '二维码已过期',
    text: '签到二维码约每 30 秒更新一次。请扫描投屏上当前的二维码，或在平台的签到页输入 6 位签到码。',
    tone: 'warn',
  },
  invalid: {
    title: '二维码无效',
    text: '该二维码不属于本课次。请扫描教室投屏上的签到二维码。',
    tone: 'bad',
  },
  not_found: {
    title: '未找到该课次',
    text: '链接可能不完整。请扫描教室投屏上的签到二维码。',
    tone: 'bad',
  },
  cancelled: {
    title: '该课次已取消',
    text: '无需签到。请留意培训机构的通知。',
    tone: 'bad',
  },
  rate_limited: {
    title: '请求过于频繁',
    text: '请稍候一分钟再试。',
    tone: 'warn',
  },
};

/** The whole page as one HTML string. */
export function renderCheckInPage(
  state: CheckInPageState,
  session: CheckInPageSession | null,
  timeZone: string,
): string {
  const h = HEADLINES[state];
  const rows = session
    ? [
        ['班次', session.classTitle],
        ['课程', session.topic],
        ...(session.institution ? [['承办机构', session.institution]] : []),
        [
          '时间',
          `${clock(session.startsAt, timeZone)} – ${clock(session.endsAt, timeZone).slice(11)}`,
        ],
        ['地点', session.location],
      ]
        .map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`)
        .join('')
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(h.title)} · 课次签到</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f6f8;color:#1f2329;line-height:1.6}
main{max-width:30rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
.box{background:#fff;border-radius:.75rem;padding:1rem 1.25rem;margin-bottom:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.ok{border-left:.4rem solid #2e7d32}.warn{border-left:.4rem solid #ed6c02}.bad{border-left:.4rem solid #c62828}
table{border-collapse:collapse;width:100%}th{text-align:left;white-space:nowrap;color:#646a73;font-weight:normal;padding:.25rem 1rem .25rem 0;vertical-align:top}td{padding:.25rem 0}
footer{color:#8f959e;font-size:.85rem}
</style>
</head>
<body>
<main>
<h1>课次签到</h1>
<section class="box ${h.tone}"><strong>${escape(h.title)}</strong><p>${escape(h.text)}</p></section>
${rows ? `<section class="box"><table>${rows}</table></section>` : ''}
<footer>社区工作者培训管理平台</footer>
</main>
</body>
</html>
`;
}
