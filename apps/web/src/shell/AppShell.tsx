import { BellOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Grid, Layout, Popover } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { useMe, useSession } from '../api/hooks';
import { clearSession, getSession } from '../api/session';
import { ROLE_LABEL } from '../lib/labels';
import { menuFor, selectedEntry, type MenuEntry } from './menu';

const SideNav = lazy(() => import('./SideNav'));

const { Header, Sider, Content } = Layout;

/** Signs out: the refresh token's login is revoked on the server, then forgotten here. */
export async function signOut(): Promise<void> {
  const s = getSession();
  if (s) {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: s.refreshToken }),
    }).catch(() => undefined);
  }
  clearSession();
}

/** "东城区 · 东华门街道 · 多福巷社区", the places the account works in. */
function useScopeText(): string {
  const me = useMe().data;
  if (!me) return '';
  const parts = [me.district?.name, me.street?.name, me.unit?.name].filter(
    (x, i, all): x is string => !!x && all.indexOf(x) === i,
  );
  return parts.join(' · ');
}

function UnreadBell() {
  const session = useSession();
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: async () => unwrap(await api.GET('/api/v1/notifications/unread-count')),
    enabled: !!session,
    refetchInterval: 60_000,
  });
  const count = unread.data?.count ?? 0;
  return (
    <Link to="/notifications" className="app-bell" aria-label={`消息，${count} 条未读`}>
      <BellOutlined aria-hidden />
      {count > 0 && <span className="app-badge">{count > 99 ? '99+' : count}</span>}
    </Link>
  );
}

/** The worker's phone navigation: four tabs at the bottom of the screen. */
function BottomTabs({ entries }: { entries: MenuEntry[] }) {
  const { pathname } = useLocation();
  const selected = selectedEntry(entries, pathname);
  return (
    <nav className="bottom-tabs" aria-label="主导航">
      {entries.map((e) => (
        <Link
          key={e.path}
          to={e.path}
          className={selected?.path === e.path ? 'active' : undefined}
          aria-current={selected?.path === e.path ? 'page' : undefined}
        >
          <span aria-hidden>{e.icon}</span>
          <span>{e.label.replace(/^(可报名|我的)/, '')}</span>
        </Link>
      ))}
    </nav>
  );
}

/** Header, menu by role, and the page. Phones get a drawer menu (and the worker bottom tabs). */
export function AppShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const scope = useScopeText();
  if (!session) return null;
  const role = session.actor.role;
  const entries = menuFor(role);
  const wide = screens.md ?? true;
  const phoneTabs = !wide && role === 'worker';

  const logout = async () => {
    await signOut();
    queryClient.clear();
    void navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="app-header">
        {!wide && !phoneTabs && (
          <Button
            type="text"
            aria-label="打开菜单"
            icon={<MenuOutlined style={{ color: '#fff' }} />}
            onClick={() => setDrawer(true)}
          />
        )}
        <Link to="/" className="app-title">
          {wide ? '社区工作者培训管理平台' : '培训平台'}
        </Link>
        <div className="app-scope" data-testid="scope">
          <span className="app-role">{ROLE_LABEL[role]}</span>
          {scope && <span className="app-unit">{scope}</span>}
        </div>
        <UnreadBell />
        <Popover
          trigger="click"
          placement="bottomRight"
          content={
            <div className="app-account">
              <div>{session.actor.username}</div>
              <Button icon={<LogoutOutlined />} onClick={logout} block>
                退出登录
              </Button>
            </div>
          }
        >
          <Button type="text" className="app-user" aria-label={`账号 ${session.actor.username}`}>
            <UserOutlined />
            {wide && <span>{session.actor.username}</span>}
          </Button>
        </Popover>
      </Header>
      <Layout>
        {wide && (
          <Sider width={200} theme="light" className="app-sider">
            <Suspense>
              <SideNav entries={entries} title={ROLE_LABEL[role]} />
            </Suspense>
          </Sider>
        )}
        <Content className={phoneTabs ? 'app-content with-tabs' : 'app-content'}>
          <main>{children}</main>
        </Content>
      </Layout>
      {phoneTabs && <BottomTabs entries={entries} />}
      {!wide && !phoneTabs && drawer && (
        <Suspense>
          <SideNav
            entries={entries}
            title={ROLE_LABEL[role]}
            drawer={{ open: drawer, onClose: () => setDrawer(false) }}
          />
        </Suspense>
      )}
    </Layout>
  );
}
