import { Result } from 'antd';

export default function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="地址可能已过期。请从首页的菜单进入。"
      extra={<a href="/">返回首页</a>}
    />
  );
}
