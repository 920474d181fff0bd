import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';

/**
 * Public certificate verification (serial + code, or the PDF). The
 * certificates API is still to come: the form is here, disabled, so that the
 * address printed on certificates already leads somewhere that explains.
 */
export default function VerifyPage() {
  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          <SafetyCertificateOutlined /> 培训合格证书核验
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          title="核验服务即将开通"
          description="年度培训项目合格证书由市民政局和市人力社保局颁发。证书功能上线后，输入证书编号和核验码（或上传证书 PDF）即可核验真伪。"
          style={{ marginBottom: 16 }}
        />
        <Form layout="vertical" disabled>
          <Form.Item label="证书编号" name="serial">
            <Input placeholder="如 京培证〔2026〕000123 号" />
          </Form.Item>
          <Form.Item label="核验码" name="code">
            <Input placeholder="证书右下角的 8 位核验码" />
          </Form.Item>
          <Button type="primary" block>
            核验
          </Button>
        </Form>
        <Typography.Paragraph className="login-footer">
          <Link to="/login">返回登录</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
