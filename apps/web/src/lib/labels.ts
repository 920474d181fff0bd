/** Chinese names of the API's codes (roles, statuses, types…), for people to read. */

export const ROLE_LABEL: Record<string, string> = {
  municipal_admin: '市民政局',
  district_admin: '区民政局',
  street_admin: '街道办事处',
  institution_staff: '培训机构',
  teacher: '授课教师',
  worker: '社区工作者',
};

export const TRAINING_TYPE_LABEL: Record<string, string> = {
  induction: '初任培训',
  post: '岗位培训',
  advanced: '进修培训',
  continuing: '继续教育培训',
  elective: '职称/学历类培训',
  street: '街道培训',
};

export const ENROLLMENT_STATUS: Record<string, { label: string; color: string }> = {
  enrolled: { label: '已报名', color: 'green' },
  waitlisted: { label: '候补中', color: 'gold' },
  offered: { label: '候补名额待确认', color: 'blue' },
  withdrawn: { label: '已退出', color: 'default' },
  declined: { label: '已放弃', color: 'default' },
  expired: { label: '已过期', color: 'default' },
  cancelled: { label: '已取消', color: 'default' },
};

export const ENROLLMENT_SOURCE: Record<string, string> = {
  self: '本人报名',
  bulk: '单位统一报名',
  nomination: '推荐',
};

export const CLASS_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '未发布', color: 'default' },
  open: { label: '已发布', color: 'green' },
  cancelled: { label: '已取消', color: 'red' },
};

export const PLAN_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  submitted: { label: '待审批', color: 'blue' },
  returned: { label: '已退回', color: 'orange' },
  approved: { label: '已批准', color: 'green' },
  superseded: { label: '已被修订', color: 'default' },
};

export const NOMINATION_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待确认', color: 'blue' },
  accepted: { label: '已确认', color: 'green' },
  rejected: { label: '不予确认', color: 'red' },
  withdrawn: { label: '已撤回', color: 'default' },
};

export const INSTITUTION_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  pending: { label: '待审核', color: 'blue' },
  changes_requested: { label: '待修改', color: 'orange' },
  rejected: { label: '已驳回', color: 'red' },
  approved: { label: '已备案', color: 'green' },
  suspended: { label: '已暂停', color: 'red' },
};

export const POSITION_TIER: Record<string, string> = {
  head: '正职',
  deputy: '副职',
  staff: '一般工作人员',
};

export const ENTRY_CHANNEL: Record<string, string> = {
  elected: '选任',
  recruited_citywide: '全市统一公开招录',
  recruited_other: '其他招录',
};

export const QUALIFICATION: Record<string, string> = {
  none: '无',
  assistant_social_worker: '助理社会工作师',
  social_worker: '社会工作师',
  senior_social_worker: '高级社会工作师',
};

export const WORKER_STATUS: Record<string, string> = {
  active: '在职',
  left: '离职',
  retired: '退休',
};

export const POST_LABEL: Record<string, string> = {
  party_secretary: '党组织书记',
  committee_director: '居委会主任',
  station_head: '服务站站长',
  deputy_party_secretary: '党组织副书记',
  committee_deputy_director: '居委会副主任',
  station_deputy_head: '服务站副站长',
  committee_member: '居委会委员',
  station_staff: '服务站工作人员',
  full_time_officer: '专职工作者',
};

export const METHOD_LABEL: Record<string, string> = {
  lecture: '专题讲座',
  case_teaching: '案例教学',
  simulation: '情景模拟',
  site_visit: '现场教学',
  online: '网络培训',
};

export const PAYER_LABEL: Record<string, string> = {
  municipal: '市级财政',
  district: '区级财政',
  worker: '本人',
};

export const GRADE_LABEL: Record<string, string> = {
  excellent: '优秀',
  competent: '合格',
  basically_competent: '基本合格',
  incompetent: '不合格',
};

export const label = (map: Record<string, string>, code: string | null | undefined): string =>
  code ? (map[code] ?? code) : '—';

export const options = (map: Record<string, string>): { value: string; label: string }[] =>
  Object.entries(map).map(([value, l]) => ({ value, label: l }));

export const ATTENDANCE_STATUS: Record<string, { label: string; color: string }> = {
  present: { label: '出勤', color: 'green' },
  late: { label: '迟到', color: 'gold' },
  left_early: { label: '早退', color: 'orange' },
  leave: { label: '请假', color: 'blue' },
  absent: { label: '缺勤', color: 'red' },
};

export const LEAVE_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待审批', color: 'blue' },
  approved: { label: '已批准', color: 'green' },
  refused: { label: '不予批准', color: 'red' },
  cancelled: { label: '已撤回', color: 'default' },
};

export const INSTITUTION_KIND: Record<string, string> = {
  university: '高等院校',
  vocational_college: '职业院校',
  training_center: '培训中心',
  social_organization: '社会组织',
  other: '其他',
};

export const CAMPAIGN_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  scheduled: { label: '待开始', color: 'blue' },
  open: { label: '进行中', color: 'green' },
  closed: { label: '已截止', color: 'default' },
};

export const SURVEY_REPORT_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待汇总', color: 'blue' },
  aggregated: { label: '生成文件中', color: 'blue' },
  ready: { label: '可下载', color: 'green' },
  failed: { label: '失败', color: 'red' },
};

export const CERTIFICATE_STATUS: Record<string, { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  revoked: { label: '已撤销', color: 'red' },
  superseded: { label: '已被换发', color: 'default' },
};
