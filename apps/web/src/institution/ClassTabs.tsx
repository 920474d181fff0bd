import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useSession } from '../api/hooks';

type Tab = 'sessions' | 'exams' | 'certificates' | 'evaluations';

const TABS: { key: Tab; label: string; path: string; staffOnly: boolean }[] = [
  { key: 'sessions', label: '课次', path: '', staffOnly: false },
  { key: 'exams', label: '考试', path: '/exams', staffOnly: true },
  { key: 'certificates', label: '证书', path: '/certificates', staffOnly: true },
  { key: 'evaluations', label: '评价结果', path: '/evaluations', staffOnly: false },
];

/**
 * The pages of one class as tabs: its sessions, its exam, its certificates and its
 * evaluation results. The exam and the certificates are the institution's (the API
 * does not open them to teachers), so a teacher sees the sessions and the results.
 */
export function ClassTabs({ classId, active }: { classId: string; active: Tab }) {
  const navigate = useNavigate();
  const staff = useSession()?.actor.role === 'institution_staff';
  return (
    <Tabs
      activeKey={active}
      onChange={(k) => {
        const t = TABS.find((x) => x.key === k);
        if (t) void navigate(`/i/classes/${classId}${t.path}`);
      }}
      items={TABS.filter((t) => staff || !t.staffOnly).map((t) => ({
        key: t.key,
        label: t.label,
      }))}
    />
  );
}
