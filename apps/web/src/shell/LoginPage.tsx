import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { errorMessage } from '../api/errors';
import { useSession } from '../api/hooks';
import { saveSession } from '../api/session';
import { homeOf } from './groups';

interface Credentials {
  username: string;
  password: string;
}

/** A path of this app to go back to after signing in (never another site). */
const safeNext = (next: string | null): string | null =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : null;

export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (session) return <Navigate to={next ?? homeOf(session.actor.role)} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const pair = unwrap(await api.POST('/api/v1/auth/login', { body: values }));
      queryClient.clear();
      saveSession(pair);
      void navigate(next ?? homeOf(pair.actor.role), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          社区工作者培训管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-subtitle">
          北京市社区工作者培训办法 · 市、区、街道、培训机构和社区工作者共用
        </Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph className="login-footer">
          <Link to="/verify">证书核验</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
