import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { postForm } from '../components/files';
import { hoursFromHalves } from '../lib/format';

type Verification = Schemas['VerificationDto'];
type PdfCheck = Schemas['PdfCheckDto'];
interface Fields {
  serial: string;
  code: string;
}

const VERDICT: Record<string, { type: 'success' | 'error' | 'warning'; title: string }> = {
  valid: { type: 'success', title: '证书有效' },
  revoked: { type: 'error', title: '证书已撤销' },
  superseded: { type: 'warning', title: '证书已换发，以新证书为准' },
  unknown: {
    type: 'warning',
    title: '查无此证书：请核对证书编号和核验码（证书二维码下方的核验码）',
  },
};

/** The verified certificate: masked name, project, type, hours, dates, issuers, SHA-256. */
function Result({ v }: { v: Verification }) {
  const verdict = VERDICT[v.status] ?? VERDICT.unknown;
  return (
    <section aria-label="核验结果" style={{ marginTop: 16 }}>
      <Alert
        type={verdict.type}
        showIcon
        role="status"
        title={verdict.title}
        description={
          v.status === 'revoked'
            ? `撤销日期：${v.revokedOn ?? '—'}`
            : v.status === 'superseded' && v.supersededBy
              ? `新证书编号：${v.supersededBy}`
              : undefined
        }
        style={{ marginBottom: 12 }}
      />
      {v.status !== 'unknown' && (
        <dl className="facts">
          <dt>证书编号</dt>
          <dd>{v.serial}</dd>
          <dt>持证人</dt>
          <dd>{v.name}</dd>
          <dt>培训项目</dt>
          <dd>{v.projectTitle}</dd>
          <dt>培训类型</dt>
          <dd>{v.typeLabel}</dd>
          <dt>学时</dt>
          <dd>{v.halfHours !== null ? hoursFromHalves(v.halfHours) : '—'}</dd>
          <dt>培训时间</dt>
          <dd>
            {v.startDate} 至 {v.endDate}
          </dd>
          <dt>发证日期</dt>
          <dd>{v.issuedOn}</dd>
          <dt>发证单位</dt>
          <dd>{v.issuers.join('、')}</dd>
          {v.revokedOn && (
            <>
              <dt>撤销日期</dt>
              <dd>{v.revokedOn}</dd>
            </>
          )}
          <dt>SHA-256</dt>
          <dd>
            <code style={{ wordBreak: 'break-all' }}>{v.sha256}</code>
          </dd>
        </dl>
      )}
    </section>
  );
}

/**
 * Public certificate verification: serial + code (the code printed under the QR code), and
 * the PDF checked byte for byte against the one issued. `/verify?s=<serial>&c=<code>` fills
 * the form in and verifies at once (the link on the worker's certificate page).
 */
export default function VerifyPage() {
  const [params] = useSearchParams();
  const [form] = Form.useForm<Fields>();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pdfResult, setPdfResult] = useState<PdfCheck | null>(null);

  const fieldErrors = (err: unknown) => {
    if (!(err instanceof ApiError)) return;
    const toForm = { c: 'code', serial: 'serial' } as Record<string, keyof Fields>;
    form.setFields(
      err.fields
        .filter((p) => toForm[p.field])
        .map((p) => ({ name: toForm[p.field], errors: p.messages })),
    );
    const onFile = err.fields.find((p) => p.field === 'file');
    if (onFile) setFileError(onFile.messages.join('；'));
  };

  const verify = useMutation({
    mutationFn: async ({ serial, code }: Fields) =>
      unwrap(
        await api.GET('/api/v1/verify/{serial}', {
          params: { path: { serial: serial.trim() }, query: { c: code.trim() } },
        }),
      ),
    onMutate: () => setPdfResult(null),
    onError: fieldErrors,
  });

  const check = useMutation({
    mutationFn: async ({ serial, code, file }: Fields & { file: File }) => {
      const body = new FormData();
      body.append('file', file);
      const q = new URLSearchParams({ c: code.trim() }).toString();
      return (
        await postForm<PdfCheck>(
          `/api/v1/verify/${encodeURIComponent(serial.trim())}/pdf?${q}`,
          body,
        )
      ).body;
    },
    onMutate: () => setFileError(null),
    onSuccess: (r) => {
      setPdfResult(r);
      verify.reset();
    },
    onError: fieldErrors,
  });

  useEffect(() => {
    const serial = params.get('s');
    const code = params.get('c');
    if (serial && code) {
      form.setFieldsValue({ serial, code });
      verify.mutate({ serial, code });
    }
    // the link's parameters, once
  }, []);

  const checkFile = async () => {
    const file = fileRef.current?.files?.[0];
    const fields = await form.validateFields().catch(() => null);
    if (!fields) return;
    if (!file) {
      setFileError('请选择要核对的证书 PDF 文件');
      return;
    }
    check.mutate({ ...fields, file });
  };

  const shown = pdfResult?.verification ?? verify.data;
  const error = verify.error ?? check.error;
  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          <SafetyCertificateOutlined aria-hidden /> 培训合格证书核验
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          年度培训项目合格证书由北京市民政局和北京市人力资源和社会保障局颁发。输入证书编号和核验码即可核验真伪；上传证书
          PDF 可核对文件是否与颁发的原件逐字节一致。
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => verify.mutate(v)}
          onValuesChange={() => {
            verify.reset();
            setPdfResult(null);
          }}
        >
          <Form.Item
            label="证书编号"
            name="serial"
            rules={[{ required: true, whitespace: true, message: '请输入证书编号' }]}
          >
            <Input placeholder="如 BJPX-2026-000123" autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="核验码"
            name="code"
            rules={[{ required: true, whitespace: true, message: '请输入核验码' }]}
          >
            <Input placeholder="证书二维码下方的核验码" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={verify.isPending}>
            核验
          </Button>
          <div className="field" style={{ marginTop: 16 }}>
            <label htmlFor="verify-pdf">证书 PDF 文件（可选）</label>
            <input
              id="verify-pdf"
              ref={fileRef}
              type="file"
              accept="application/pdf,.pdf"
              aria-describedby={fileError ? 'verify-pdf-error' : undefined}
              onChange={() => {
                setFileError(null);
                setPdfResult(null);
              }}
            />
            {fileError && (
              <div id="verify-pdf-error" className="field-error" role="alert">
                {fileError}
              </div>
            )}
          </div>
          <Button block style={{ marginTop: 8 }} loading={check.isPending} onClick={checkFile}>
            核对 PDF 文件
          </Button>
        </Form>
        {error !== null && !(error instanceof ApiError && error.fields.length > 0) && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(error)}
            style={{ marginTop: 16 }}
          />
        )}
        {pdfResult && (
          <Alert
            type={pdfResult.matches ? 'success' : 'error'}
            showIcon
            role="status"
            style={{ marginTop: 16 }}
            title={
              pdfResult.matches
                ? '文件与颁发的证书逐字节一致'
                : pdfResult.verification.status === 'unknown'
                  ? '无法核对：查无此证书，请核对证书编号和核验码'
                  : '文件与颁发的证书不一致：文件可能被修改过'
            }
            description={
              <>
                上传文件的 SHA-256：
                <code style={{ wordBreak: 'break-all' }}>{pdfResult.sha256}</code>
              </>
            }
          />
        )}
        {shown && <Result v={shown} />}
        <Typography.Paragraph className="login-footer">
          <Link to="/login">返回登录</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
