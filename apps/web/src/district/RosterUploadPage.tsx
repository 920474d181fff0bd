import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/errors';
import { api, unwrap, type Schemas } from '../api/client';
import { downloadFile, postForm } from '../components/files';
import { PageHead, Panel } from '../components/ui';

type Result = Schemas['RosterImportResultDto'];
const FINAL = ['invalid', 'completed', 'failed'];

/** The rows of a refused roster (`details.errors` of 422 ROSTER_INVALID), or null for another error. */
function rowErrors(err: unknown): Schemas['RowErrorDto'][] | null {
  if (!(err instanceof ApiError) || err.code !== 'ROSTER_INVALID') return null;
  const errors = (err.details as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as Schemas['RowErrorDto'][]) : null;
}

/**
 * The roster upload (.xlsx/.csv): the import runs as a job; when any row is bad
 * nothing is written and every bad row and column is listed.
 */
export function RosterUploadPage() {
  const input = useRef<HTMLInputElement>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useQuery({
    queryKey: ['roster', 'imports', importId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/rosters/imports/{id}', { params: { path: { id: importId! } } }),
      ),
    enabled: !!importId,
    refetchInterval: (q) => (q.state.data && FINAL.includes(q.state.data.status) ? false : 1000),
  });
  const [done, setDone] = useState<Result | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setUploadError(null);
    setImportId(null);
    setDone(null);
    try {
      const form = new FormData();
      form.append('file', file);
      // a small roster is imported at once (200); a large one becomes a job to poll (202)
      const { status: http, body } = await postForm<Result | Schemas['RosterJobDto']>(
        '/api/v1/rosters/imports',
        form,
      );
      if (http === 202) setImportId((body as Schemas['RosterJobDto']).id);
      else setDone(body as Result);
    } catch (err) {
      // 422 ROSTER_INVALID: every bad row and column, nothing written
      const rows = rowErrors(err);
      if (rows) {
        setDone({
          importId: '',
          status: 'invalid',
          totalRows: 0,
          created: 0,
          updated: 0,
          errorCount: rows.length,
          errors: rows,
          failure: null,
        });
      } else {
        setUploadError(
          err instanceof ApiError && err.fields.length
            ? err.fields.map((f) => `${f.field}：${f.messages.join('；')}`).join('；')
            : errorMessage(err),
        );
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const r: Result | undefined = done ?? status.data;
  return (
    <>
      <PageHead title="名册导入" />
      <Panel>
        <p className="muted">
          按模板填写社区工作者名册（Excel 或
          CSV）。按身份证号匹配：已有的更新，没有的新增；有任何错误行时整份不导入，请按下表改正后重新上传。
        </p>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile('/api/v1/rosters/template', '名册模板.xlsx')}
          >
            下载模板
          </Button>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={busy}
            onClick={() => input.current?.click()}
          >
            上传名册
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv"
            aria-label="名册文件"
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void upload(f);
            }}
          />
        </Space>
        {uploadError && (
          <Alert type="error" showIcon role="alert" title={uploadError} style={{ marginTop: 12 }} />
        )}
        {status.error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(status.error)}
            style={{ marginTop: 12 }}
          />
        )}
        {importId && (!r || !FINAL.includes(r.status)) && (
          <p role="status" style={{ marginTop: 12 }}>
            正在检查名册…
          </p>
        )}
        {r?.status === 'completed' && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={`导入完成：共 ${r.totalRows} 行，新增 ${r.created} 人，更新 ${r.updated} 人`}
            style={{ marginTop: 12 }}
          />
        )}
        {r?.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`导入失败：${r.failure ?? ''}`}
            style={{ marginTop: 12 }}
          />
        )}
        {r?.status === 'invalid' && (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              title={`名册有 ${r.errorCount} 处错误，未导入任何数据。请改正下列行列后重新上传。`}
              style={{ margin: '12px 0' }}
            />
            <Table<Schemas['RowErrorDto']>
              rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
              size="small"
              dataSource={r.errors}
              pagination={r.errors.length > 50 ? { pageSize: 50 } : false}
              columns={[
                { title: '行', dataIndex: 'row', width: 80 },
                { title: '列', dataIndex: 'column', width: 160 },
                { title: '问题', dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Panel>
    </>
  );
}
