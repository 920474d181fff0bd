import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../api/hooks';
import { errorMessage } from '../api/errors';
import { applyFieldErrors } from '../components/forms';
import { Pager, useCursorPaging } from '../components/paging';
import { EmptyState, PageHead, QueryError } from '../components/ui';
import { thisYear } from '../lib/format';
import { gradeBlock, type LimitsRow, type LimitsScreen } from './records';

/**
 * 年度考核: the street's workers for a year with their grade; a grade the training record
 * forbids (or a full share limit) is disabled with its reason; the street records grades,
 * the district permits a forbidden grade with a written reason.
 */
export function AssessmentPage() {
  const session = useSession();
  const role = session?.actor.role;
  const isDistrict = role === 'district_admin';
  const [year, setYear] = useState(thisYear());
  const [streetId, setStreetId] = useState<string | undefined>();
  const paging = useCursorPaging();
  const streets = useQuery({
    queryKey: ['org-units', 'street'],
    enabled: isDistrict,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/org/units', { params: { query: { kind: 'street' } } })),
  });
  const street = isDistrict ? (streetId ?? streets.data?.[0]?.id) : undefined;
  const screen = useQuery({
    queryKey: ['assessment-limits', year, street ?? null, paging.cursor],
    enabled: !isDistrict || !!street,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/assessment/limits', {
          params: { query: { year, streetId: street, cursor: paging.cursor, limit: 50 } },
        }),
      ) as unknown as LimitsScreen,
  });
  const s = screen.data;
  return (
    <>
      <PageHead
        title={`年度考核${s ? ` · ${s.streetName}` : ''}`}
        extra={
          <Space wrap>
            {isDistrict && (
              <Select
                aria-label="街道"
                placeholder="街道"
                style={{ width: 200 }}
                loading={streets.isLoading}
                value={street}
                onChange={(v: string) => {
                  setStreetId(v);
                  paging.reset();
                }}
                options={(streets.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            )}
            <Select
              aria-label="年度"
              value={year}
              onChange={(y: number) => {
                setYear(y);
                paging.reset();
              }}
              options={[thisYear(), thisYear() - 1, thisYear() - 2].map((y) => ({
                value: y,
                label: `${y} 年度`,
              }))}
            />
          </Space>
        }
      />
      {streets.error && <QueryError error={streets.error} retry={() => void streets.refetch()} />}
      {screen.error && <QueryError error={screen.error} retry={() => void screen.refetch()} />}
      {s && (
        <p className="muted">
          {isDistrict
            ? '年度培训记录不允许的等次，可由区主管部门书面说明理由后准予，街道随后即可评定。'
            : '年度培训记录不允许的等次不可选，原因列在下方；确需评定的，请区主管部门书面准予。'}
        </p>
      )}
      {s && s.shareLimits.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {s.shareLimits.map((l) => (
            <Col key={l.grade} xs={24} md={12}>
              <Card size="small" title={<h2 className="card-h2">{l.label}比例限制</h2>}>
                <div>
                  {l.label}不得超过在职人数的 {l.maxPercent}%：在职 {l.active} 人中至多 {l.cap}{' '}
                  人，已评 <strong>{l.given}</strong> 人
                </div>
                <Progress
                  aria-label={`${l.label}名额已用`}
                  percent={l.cap ? Math.min(100, Math.round((l.given / l.cap) * 100)) : 100}
                  status={l.given >= l.cap ? 'exception' : 'normal'}
                  format={() => `${l.given}/${l.cap}`}
                />
                <div className="muted">{l.source}</div>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Table<LimitsRow>
        rowKey="workerId"
        size="middle"
        loading={screen.isLoading}
        dataSource={s?.workers ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: <EmptyState title="本街道没有在职社区工作者。先在“名册导入”上传名册。" />,
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            width: 120,
            render: (v: string, r) => <Link to={`/d/workers/${r.workerId}`}>{v}</Link>,
          },
          {
            title: '培训记录',
            width: 260,
            render: (_, r) =>
              !r.computed ? (
                <Tag>记录尚未生成</Tag>
              ) : (
                <Space direction="vertical" size={2}>
                  {r.requirements.map((q) => (
                    <span key={q.code}>
                      <Tag color={q.met ? 'green' : 'orange'}>{q.met ? '达标' : '未达标'}</Tag>
                      {q.label}
                    </span>
                  ))}
                  {r.requirements.length === 0 && <span className="muted">无必训要求</span>}
                </Space>
              ),
          },
          {
            title: '考核等次',
            render: (_, r) =>
              s && (
                <GradeCell
                  screen={s}
                  row={r}
                  year={year}
                  mayRecord={role === 'street_admin'}
                  mayOverride={isDistrict}
                />
              ),
          },
        ]}
      />
      <Pager paging={paging} nextCursor={s?.nextCursor} />
    </>
  );
}

function GradeCell({
  screen,
  row,
  year,
  mayRecord,
  mayOverride,
}: {
  screen: LimitsScreen;
  row: LimitsRow;
  year: number;
  mayRecord: boolean;
  mayOverride: boolean;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<string | null>(row.grade);
  const [overriding, setOverriding] = useState(false);
  const labelOf = (code: string | null) =>
    code ? (screen.grades.find((g) => g.code === code)?.label ?? code) : '—';
  const save = useMutation({
    mutationFn: async (grade: string) =>
      unwrap(
        await api.PUT('/api/v1/workers/{id}/assessments/{year}', {
          params: { path: { id: row.workerId, year } },
          body: { grade },
        }),
      ),
    onSuccess: async (g) => {
      void message.success(`${row.name}：已评定为${g.label}`);
      await qc.invalidateQueries({ queryKey: ['assessment-limits'] });
    },
  });
  const blocked = screen.grades
    .map((g) => ({ ...g, why: gradeBlock(screen, row, g.code) }))
    .filter((g) => g.why);
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap>
        <Radio.Group
          aria-label={`${row.name} 的考核等次`}
          optionType="button"
          size="small"
          disabled={!mayRecord}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value as string);
            save.reset();
          }}
          options={screen.grades.map((g) => ({
            value: g.code,
            label: g.label,
            disabled: !!gradeBlock(screen, row, g.code),
            title: gradeBlock(screen, row, g.code) ?? g.label,
          }))}
        />
        {mayRecord && (
          <Button
            size="small"
            type="primary"
            aria-label={`保存等次 ${row.name}`}
            disabled={!draft || draft === row.grade}
            loading={save.isPending}
            onClick={() => draft && save.mutate(draft)}
          >
            保存等次
          </Button>
        )}
        {mayOverride && blocked.length > 0 && (
          <Button
            size="small"
            aria-label={`书面准予 ${row.name}`}
            onClick={() => setOverriding(true)}
          >
            书面准予
          </Button>
        )}
        {row.grade && <Tag color="blue">已评：{labelOf(row.grade)}</Tag>}
        {row.overrideGrade && <Tag color="purple">区已准予：{labelOf(row.overrideGrade)}</Tag>}
      </Space>
      {blocked.map((g) => (
        <div key={g.code} className="muted" style={{ fontSize: 12 }}>
          {g.why}
        </div>
      ))}
      {save.error && <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} />}
      {overriding && (
        <OverrideModal
          screen={screen}
          row={row}
          year={year}
          grades={blocked.map((g) => ({ code: g.code, label: g.label }))}
          onClose={() => setOverriding(false)}
        />
      )}
    </Space>
  );
}

function OverrideModal({
  screen,
  row,
  year,
  grades,
  onClose,
}: {
  screen: LimitsScreen;
  row: LimitsRow;
  year: number;
  grades: { code: string; label: string }[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ grade: string; reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: { grade: string; reason: string }) =>
      unwrap(
        await api.PUT('/api/v1/workers/{id}/grade-overrides/{year}', {
          params: { path: { id: row.workerId, year } },
          body: v,
        }),
      ),
    onSuccess: async () => {
      void message.success(`已准予 ${row.name} 评定受限等次`);
      await qc.invalidateQueries({ queryKey: ['assessment-limits'] });
      onClose();
    },
    onError: (err) => {
      const rest = applyFieldErrors(form, err, ['grade', 'reason']);
      setProblem(
        rest.length || !form.getFieldsError().some((f) => f.errors.length)
          ? errorMessage(err)
          : null,
      );
    },
  });
  return (
    <Modal
      open
      title={`书面准予：${row.name}（${screen.year} 年度）`}
      okText="准予"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      destroyOnHidden
    >
      {row.reasons.map((r) => (
        <p key={r.text} className="muted">
          {r.text}（{r.source}）
        </p>
      ))}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Form form={form} layout="vertical" initialValues={{ grade: grades[0]?.code }}>
        <Form.Item
          name="grade"
          label="准予评定的等次"
          rules={[{ required: true, message: '请选择等次' }]}
        >
          <Radio.Group
            options={grades.map((g) => ({ value: g.code, label: g.label }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="书面理由"
          rules={[
            { required: true, message: '请填写理由' },
            { min: 10, message: '理由至少 10 个字' },
            { max: 500, message: '理由至多 500 个字' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
