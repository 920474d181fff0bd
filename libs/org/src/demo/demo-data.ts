import type { Role } from '@peixun/core';

/** The demo organisation: 北京市 with two districts, four streets, eight communities and one institution. */
export const DEMO_PASSWORD = 'Demo#2026';

export interface DemoUnit {
  key: string;
  kind: 'municipality' | 'district' | 'street' | 'community' | 'institution';
  name: string;
  code: string;
  parent?: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'bj', kind: 'municipality', name: '北京市', code: '110000' },
  { key: 'dc', kind: 'district', name: '东城区', code: '110101', parent: 'bj' },
  { key: 'hd', kind: 'district', name: '海淀区', code: '110108', parent: 'bj' },
  { key: 'dc-dhm', kind: 'street', name: '东华门街道', code: '110101001', parent: 'dc' },
  { key: 'dc-js', kind: 'street', name: '景山街道', code: '110101002', parent: 'dc' },
  { key: 'hd-zgc', kind: 'street', name: '中关村街道', code: '110108013', parent: 'hd' },
  { key: 'hd-hdj', kind: 'street', name: '海淀街道', code: '110108005', parent: 'hd' },
  {
    key: 'dc-dhm-1',
    kind: 'community',
    name: '多福巷社区',
    code: '110101001001',
    parent: 'dc-dhm',
  },
  { key: 'dc-dhm-2', kind: 'community', name: '银闸社区', code: '110101001002', parent: 'dc-dhm' },
  {
    key: 'dc-js-1',
    kind: 'community',
    name: '景山东街社区',
    code: '110101002001',
    parent: 'dc-js',
  },
  { key: 'dc-js-2', kind: 'community', name: '吉祥社区', code: '110101002002', parent: 'dc-js' },
  { key: 'hd-zgc-1', kind: 'community', name: '科源社区', code: '110108013001', parent: 'hd-zgc' },
  { key: 'hd-zgc-2', kind: 'community', name: '科星社区', code: '110108013002', parent: 'hd-zgc' },
  {
    key: 'hd-hdj-1',
    kind: 'community',
    name: '芙蓉里社区',
    code: '110108005001',
    parent: 'hd-hdj',
  },
  {
    key: 'hd-hdj-2',
    kind: 'community',
    name: '稻香园社区',
    code: '110108005002',
    parent: 'hd-hdj',
  },
  {
    key: 'inst',
    kind: 'institution',
    name: '北京社会管理职业学院',
    code: 'INST-0001',
    parent: 'bj',
  },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scope: string | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'shi.admin', displayName: '市民政局管理员', role: 'municipal_admin', scope: 'bj' },
  {
    username: 'dongcheng.admin',
    displayName: '东城区民政局管理员',
    role: 'district_admin',
    scope: 'dc',
  },
  {
    username: 'haidian.admin',
    displayName: '海淀区民政局管理员',
    role: 'district_admin',
    scope: 'hd',
  },
  {
    username: 'donghuamen.admin',
    displayName: '东华门街道管理员',
    role: 'street_admin',
    scope: 'dc-dhm',
  },
  {
    username: 'jingshan.admin',
    displayName: '景山街道管理员',
    role: 'street_admin',
    scope: 'dc-js',
  },
  {
    username: 'zhongguancun.admin',
    displayName: '中关村街道管理员',
    role: 'street_admin',
    scope: 'hd-zgc',
  },
  {
    username: 'haidianjie.admin',
    displayName: '海淀街道管理员',
    role: 'street_admin',
    scope: 'hd-hdj',
  },
  {
    username: 'jigou.staff',
    displayName: '培训机构教务',
    role: 'institution_staff',
    scope: 'inst',
  },
  { username: 'teacher.wang', displayName: '王老师', role: 'teacher', scope: 'inst' },
  { username: 'worker.li', displayName: '李社工', role: 'worker', scope: null },
];

/** Demo workers: three per community (a head, a deputy, a staff member), with last year's grades. */
export const DEMO_WORKER_NAMES = [
  '王秀英',
  '李建国',
  '张丽',
  '刘伟',
  '陈静',
  '杨帆',
  '赵敏',
  '黄磊',
  '周婷',
  '吴强',
  '徐芳',
  '孙浩',
  '马琳',
  '朱军',
  '胡月',
  '郭涛',
  '何雪',
  '高峰',
  '林娜',
  '罗斌',
  '郑洁',
  '梁超',
  '谢欣',
  '宋阳',
];
