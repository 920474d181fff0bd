import { Drawer, Menu, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { selectedEntry, type MenuEntry } from './menu';

function NavMenu({ entries, onNavigate }: { entries: MenuEntry[]; onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const selected = selectedEntry(entries, pathname);
  return (
    <nav aria-label="主导航">
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        items={entries.map((e) => ({
          key: e.path,
          icon: e.icon,
          label: (
            <Link to={e.path} onClick={onNavigate}>
              {e.label}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}

/**
 * The menu of a desktop (beside the page) or of a phone (in a drawer). Its
 * own chunk: a worker's phone, which navigates with bottom tabs, never loads it.
 */
export default function SideNav({
  entries,
  title,
  drawer,
}: {
  entries: MenuEntry[];
  title: string;
  drawer?: { open: boolean; onClose: () => void };
}) {
  if (!drawer) return <NavMenu entries={entries} />;
  return (
    <Drawer
      open={drawer.open}
      onClose={drawer.onClose}
      placement="left"
      size={240}
      title={<Typography.Text strong>{title}</Typography.Text>}
    >
      <NavMenu entries={entries} onNavigate={drawer.onClose} />
    </Drawer>
  );
}
