import { LABELS, POSTS } from '../workers/workers.rules';

/** The roster's columns, with the Chinese headers bureaus use. Order is the template's order. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', required: true, example: '李四' },
  { key: 'idNumber', header: '身份证号', required: true, example: '110101199003076632' },
  { key: 'gender', header: '性别', required: false, example: '男' },
  { key: 'birthDate', header: '出生日期', required: false, example: '1990-03-07' },
  { key: 'phone', header: '联系电话', required: false, example: '13800000000' },
  { key: 'community', header: '所在社区', required: false, example: '多福巷社区' },
  { key: 'communityCode', header: '社区代码', required: false, example: '110101001001' },
  { key: 'positionTier', header: '岗位层级', required: true, example: '一般工作人员' },
  { key: 'post', header: '职务', required: false, example: '社区服务站工作人员' },
  { key: 'entryChannel', header: '进入方式', required: true, example: '全市统一公开招录' },
  { key: 'startedOn', header: '社区工作起始日期', required: true, example: '2018-03-01' },
  { key: 'qualification', header: '社工资格', required: false, example: '助理社会工作师' },
  { key: 'qualificationCertNo', header: '资格证书编号', required: false, example: 'ZL2019000123' },
  { key: 'qualificationOn', header: '取得资格日期', required: false, example: '2019-06-20' },
  { key: 'status', header: '状态', required: false, example: '在职' },
] as const;

export type RosterKey = (typeof ROSTER_COLUMNS)[number]['key'];
export type RosterCells = Partial<Record<RosterKey, string>>;

export const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<
  RosterKey,
  string
>;

/** Reverse lookups from a Chinese label (or the code itself) to the code. */
function reverse<T extends string>(labels: Record<T, string>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    m.set(label, code);
    m.set(code, code);
  }
  return m;
}

export const PARSE = {
  tier: reverse(LABELS.tier),
  channel: reverse(LABELS.channel),
  qualification: reverse(LABELS.qualification),
  status: reverse(LABELS.status),
  gender: reverse(LABELS.gender),
  post: reverse(
    Object.fromEntries(Object.entries(POSTS).map(([k, v]) => [k, v.label])) as Record<
      keyof typeof POSTS,
      string
    >,
  ),
};

/** Notes for the template's second sheet: what each column accepts. */
export const TEMPLATE_NOTES: [string, string][] = [
  ['姓名', '必填'],
  ['身份证号', '必填；18 位，末位可为 X；请将单元格设为文本格式，否则 Excel 会丢失末几位'],
  ['性别、出生日期', '可不填；填写时须与身份证号一致'],
  ['所在社区 / 社区代码', '二者至少填一项；社区须在您的管辖范围内'],
  ['岗位层级', Object.values(LABELS.tier).join(' / ')],
  [
    '职务',
    Object.values(POSTS)
      .map((p) => p.label)
      .join(' / '),
  ],
  ['进入方式', Object.values(LABELS.channel).join(' / ')],
  ['日期', 'YYYY-MM-DD，也可为 YYYY/M/D 或 YYYY年M月D日'],
  ['社工资格', `${Object.values(LABELS.qualification).join(' / ')}（不填为“无”）`],
  ['状态', `${Object.values(LABELS.status).join(' / ')}（不填为“在职”）`],
  ['重复导入', '按身份证号匹配：已有的更新，没有的新增；任一行有误则整份不导入'],
];
