import {
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FormOutlined,
  FileDoneOutlined,
  LikeOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  ProjectOutlined,
  ScanOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../api/session';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** the roles that may open it: the menu shows only what the role may do */
  roles: Role[];
}

/**
 * Every page in the menu, with the roles the API lets do what the page does.
 * Only pages that exist are listed: institution review, nominations,
 * plan drafting, exams, certificates, surveys and evaluations are added here
 * as their pages (and, for some, their APIs) land.
 */
export const MENU: MenuEntry[] = [
  // 市民政局
  { path: '/b', label: '工作台', icon: <DashboardOutlined />, roles: ['municipal_admin'] },
  {
    path: '/b/annual-plans',
    label: '年度计划',
    icon: <CarryOutOutlined />,
    roles: ['municipal_admin'],
  },
  { path: '/b/plans', label: '计划审批', icon: <FileDoneOutlined />, roles: ['municipal_admin'] },
  {
    path: '/b/institutions',
    label: '机构审核',
    icon: <BankOutlined />,
    roles: ['municipal_admin'],
  },
  { path: '/b/nominations', label: '进修推荐', icon: <StarOutlined />, roles: ['municipal_admin'] },
  { path: '/b/surveys', label: '需求调研', icon: <FormOutlined />, roles: ['municipal_admin'] },
  {
    path: '/b/certificates',
    label: '证书撤销',
    icon: <SafetyCertificateOutlined />,
    roles: ['municipal_admin'],
  },
  { path: '/b/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['municipal_admin'] },
  // 区、街道
  {
    path: '/d',
    label: '社区工作者',
    icon: <TeamOutlined />,
    roles: ['district_admin', 'street_admin'],
  },
  {
    path: '/d/roster',
    label: '名册导入',
    icon: <UploadOutlined />,
    roles: ['district_admin', 'street_admin'],
  },
  // project plans are drafted by district bureaus only (ProjectPlansService.ownDistrict)
  { path: '/d/plans', label: '项目计划', icon: <ProjectOutlined />, roles: ['district_admin'] },
  { path: '/d/nominations', label: '进修推荐', icon: <StarOutlined />, roles: ['district_admin'] },
  {
    path: '/d/coverage',
    label: '培训覆盖',
    icon: <PieChartOutlined />,
    roles: ['district_admin', 'street_admin'],
  },
  {
    path: '/d/assessment',
    label: '年度考核',
    icon: <CheckSquareOutlined />,
    roles: ['district_admin', 'street_admin'],
  },
  {
    path: '/d/reports',
    label: '培训统计',
    icon: <BarChartOutlined />,
    roles: ['district_admin', 'street_admin'],
  },
  {
    path: '/d/surveys',
    label: '需求调研',
    icon: <FormOutlined />,
    roles: ['district_admin', 'street_admin'],
  },
  // 培训机构、教师
  {
    path: '/i',
    label: '班次',
    icon: <BookOutlined />,
    roles: ['institution_staff', 'teacher'],
  },
  // 社区工作者
  { path: '/w', label: '可报名课程', icon: <SolutionOutlined />, roles: ['worker'] },
  { path: '/w/enrollments', label: '我的报名', icon: <ScheduleOutlined />, roles: ['worker'] },
  { path: '/w/timetable', label: '我的课表', icon: <CalendarOutlined />, roles: ['worker'] },
  { path: '/w/check-in', label: '签到', icon: <ScanOutlined />, roles: ['worker'] },
  { path: '/w/hours', label: '我的学时', icon: <FieldTimeOutlined />, roles: ['worker'] },
  {
    path: '/w/certificates',
    label: '我的证书',
    icon: <SafetyCertificateOutlined />,
    roles: ['worker'],
  },
  { path: '/w/evaluations', label: '待评价', icon: <LikeOutlined />, roles: ['worker'] },
  { path: '/w/surveys', label: '问卷', icon: <FormOutlined />, roles: ['worker'] },
  // everyone
  {
    path: '/notifications',
    label: '消息',
    icon: <BellOutlined />,
    roles: [
      'municipal_admin',
      'district_admin',
      'street_admin',
      'institution_staff',
      'teacher',
      'worker',
    ],
  },
];

export const menuFor = (role: Role): MenuEntry[] => MENU.filter((m) => m.roles.includes(role));

/** The entry a path belongs to (the longest prefix), for the menu's selection. */
export function selectedEntry(entries: MenuEntry[], pathname: string): MenuEntry | undefined {
  return entries
    .filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
