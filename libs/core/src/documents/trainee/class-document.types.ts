/**
 * The input of the trainee documents (Art. 13: 培训项目清单, 培训通知单, 课程表, 考勤表): plain
 * data that a job loads from the database and passes in. The renderers do no I/O; every text is
 * shown as given (labels already in Chinese), except session times, which are shown on the
 * region's clock (`timeZone`).
 */
export interface ClassDocumentInput {
  /** The region's time zone (AppConfig.timezone, Asia/Shanghai): dates and times are shown in it. */
  timeZone: string;
  /**
   * When the documents are issued: the date printed on the notice and the PDFs' creation date.
   * Pass a stored time (e.g. when enrolment opened, or the class's last change), not "now", so
   * that re-rendering gives the same bytes.
   */
  issuedAt: Date;
  /** The issuing authority named at the head of every page (the region's `planAuthority`, 北京市民政局). */
  authority: string;
  /** The district that commissioned the class (东城区), if any; a street's own class has none. */
  districtName?: string;
  institution: ClassDocumentInstitution;
  class: ClassDocumentClass;
  /** In timetable order. */
  sessions: readonly ClassDocumentSession[];
  /** In roster order (the attendance sheet numbers them 1, 2, …). */
  trainees: readonly ClassDocumentTrainee[];
  /** What only the training notice needs; defaults when omitted. */
  notice?: TrainingNoticeDetails;
}

export interface ClassDocumentInstitution {
  /** 北京社会管理职业学院 (the institution running the class, or the street for a street class). */
  name: string;
  address?: string;
  /**
   * The institution's own contact for trainees: an office and its desk phone or a service line
   * (教务办公室, 010-8888 6666). Never a worker's or a teacher's personal phone.
   */
  contactOffice?: string;
  contactPhone?: string;
  contactEmail?: string;
}

export interface ClassDocumentClass {
  /** 2026 年东城区社区工作者岗位培训（第一期） */
  name: string;
  /** The project (培训项目) the class runs: the project plan's title. */
  projectTitle: string;
  /** The training type's label from the policy (岗位培训); `type` itself is not interpreted. */
  typeLabel: string;
  /** The target group, if the class has one (社区正职、新招录社区工作者 …). */
  targetGroup?: string;
  /** Class hours of the whole class in halves (40 学时 = 80). */
  totalHalfHours: number;
  /** First and last day, `YYYY-MM-DD` on the region's calendar. */
  startDate: string;
  endDate: string;
  /** Where the class is held (address; rooms per session are in the sessions). */
  place: string;
  /** Places of the class, if shown. */
  capacity?: number;
  /** The filing number of the approved project plan (京培计备〔2026〕0001号); null for a street's own class. */
  filingNumber: string | null;
  /** Teachers of the class with their titles, as shown (王建国（教授）). */
  teachers: readonly string[];
  /** Fee the trainee pays: only elective classes may carry one (Art. 23); omitted or 0: free. */
  feeFen?: number;
}

export interface ClassDocumentSession {
  startsAt: Date;
  endsAt: Date;
  topic: string;
  /** The teacher's name (and title) as shown; empty when not yet assigned. */
  teacher: string;
  /** The teaching method's label (专题讲座, 案例教学 …). */
  method: string;
  /** Class hours in halves (1.5 学时 = 3). */
  halfHours: number;
  /** Room or place of this session (教学楼 302). */
  room: string;
}

export interface ClassDocumentTrainee {
  name: string;
  /** The trainee's street (街道/乡镇), as shown: 东华门街道. */
  street: string;
  /** The trainee's community (社区), if they work in one: 多福巷社区. */
  community?: string;
  /**
   * The ID number already masked for print (`1101**********1006`, `maskIdNumber`). The
   * attendance sheet never prints an unmasked one: a value without `*` is masked again.
   */
  idNumberMasked: string;
}

export interface TrainingNoticeDetails {
  /** The class's page (enrolment, timetable, changes) as a full URL, drawn as a QR code. */
  pageUrl?: string;
  /** What to bring; default: DEFAULT_NOTICE_BRING. */
  bring?: readonly string[];
  /** Sign-in and attendance rules; default: DEFAULT_SIGN_IN_RULES. */
  signInRules?: readonly string[];
  /** When and where to report on the first day, e.g. 11 月 25 日 8:30 前到教学楼一层报到. */
  reportAt?: string;
  /** Anything else, one item a line. */
  notes?: readonly string[];
}

export const DEFAULT_NOTICE_BRING: readonly string[] = [
  '本人居民身份证（报到核验身份，不收取、不复印）',
  '笔和笔记本',
  '本通知单（纸质或手机出示均可）',
];

export const DEFAULT_SIGN_IN_RULES: readonly string[] = [
  '每次课前 15 分钟开始签到，学员本人在考勤表对应课次栏内亲笔签名，不得代签。',
  '因故不能参加须事先向培训机构请假；迟到、早退、请假和缺勤由培训机构在考勤表中注明。',
  '考勤结果决定所计学时，并纳入本人当年的年度考核评议。',
];
