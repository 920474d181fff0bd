import { chineseDate, hoursLabel } from '@peixun/core';
import type { VerificationDto } from '../dto/certificates.dto';

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const STATUS: Record<string, { label: string; color: string }> = {
  valid: { label: '证书有效', color: '#1f7a3a' },
  revoked: { label: '证书已撤销', color: '#b42318' },
  superseded: { label: '证书已换发（本证作废）', color: '#b54708' },
  unknown: { label: '查无此证书', color: '#555' },
};

export interface CheckOutcome {
  matches: boolean;
  sha256: string;
}

/**
 * The public verification page: plain HTML, no script, fit for a phone. Shows the state and
 * what the certificate states (name masked), and a form to upload the PDF for a byte-for-byte
 * check (multipart POST to the same URL).
 */
export function verificationPage(
  v: VerificationDto,
  link: { serial: string; code: string },
  check?: CheckOutcome,
  notice?: string,
): string {
  const s = STATUS[v.status] ?? STATUS.unknown;
  const rows: [string, string][] =
    v.status === 'unknown'
      ? []
      : [
          ['证书编号', v.serial ?? ''],
          ['姓名', v.name ?? ''],
          ['培训项目', v.projectTitle ?? ''],
          ['培训类型', v.typeLabel ?? ''],
          ['培训学时', v.halfHours === null ? '' : `${hoursLabel(v.halfHours)} 学时`],
          [
            '培训时间',
            v.startDate && v.endDate
              ? `${chineseDate(v.startDate)} 至 ${chineseDate(v.endDate)}`
              : '',
          ],
          ['发证机关', v.issuers.join('、')],
          ['发证日期', v.issuedOn ? chineseDate(v.issuedOn) : ''],
          ...(v.revokedOn ? ([['撤销日期', chineseDate(v.revokedOn)]] as [string, string][]) : []),
          ...(v.supersededBy ? ([['换发后编号', v.supersededBy]] as [string, string][]) : []),
          ['PDF SHA-256', v.sha256 ?? ''],
        ];
  const action = `/v/${encodeURIComponent(link.serial)}?c=${encodeURIComponent(link.code)}`;
  const checkHtml = check
    ? check.matches
      ? `<p class="ok">上传的 PDF 与发证原件逐字节一致。</p>`
      : `<p class="bad">上传的 PDF 与发证原件不一致（可能被修改）。<br><small>上传文件 SHA-256：${esc(check.sha256)}</small></p>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>证书查验 ${esc(link.serial)}</title>
<style>
body{font-family:system-ui,"PingFang SC","Noto Sans SC",sans-serif;margin:0;padding:16px;background:#f6f7f9;color:#111}
main{max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:16px}
h1{font-size:20px;margin:0 0 8px}
.status{font-size:18px;font-weight:bold;color:${s.color};margin:8px 0 16px}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:6px 4px;border-bottom:1px solid #eee;vertical-align:top;word-break:break-all}
th{width:6em;color:#555;font-weight:normal}
.ok{color:#1f7a3a;font-weight:bold}.bad{color:#b42318;font-weight:bold}
form{margin-top:16px}small{color:#555}
</style></head>
<body><main>
<h1>年度培训项目合格证书查验</h1>
<p class="status">${esc(s.label)}</p>
${notice ? `<p class="bad">${esc(notice)}</p>` : ''}
${rows.length ? `<table>${rows.map(([k, val]) => `<tr><th>${esc(k)}</th><td>${esc(val)}</td></tr>`).join('')}</table>` : `<p>编号 ${esc(link.serial)} 没有对应的有效记录，请核对二维码或证书编号。</p>`}
${checkHtml}
${
  v.status === 'unknown'
    ? ''
    : `<form method="post" action="${esc(action)}" enctype="multipart/form-data">
<p>上传证书 PDF，核对是否与原件一致：</p>
<input type="file" name="file" accept="application/pdf" required>
<button type="submit">核对</button>
</form>`
}
</main></body></html>`;
}
