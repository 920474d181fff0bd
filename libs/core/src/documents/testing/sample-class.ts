import { zonedDateTime } from '../../common/time';
import type {
  ClassDocumentInput,
  ClassDocumentSession,
  ClassDocumentTrainee,
} from '../trainee/class-document.types';

/** Sample input of the trainee documents (tests and bench/; not part of the API). */

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧'.split('');
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海燕',
  '立新',
  '春梅',
  '国庆',
  '晓东',
  '玉兰',
  '文博',
  '静怡',
  '子涵',
  '雨桐',
  '浩然',
  '思远',
  '佳琪',
  '明轩',
  '欣怡',
  '宇航',
];
const STREETS = [
  ['东华门街道', ['多福巷社区', '韶九社区', '正义路社区']],
  ['景山街道', ['吉祥社区', '黄化门社区', '钟鼓社区']],
  ['交道口街道', ['福祥社区', '菊儿社区', '南锣鼓巷社区']],
] as const;
const TOPICS = [
  '社区治理的政策与法规',
  '居民自治与协商议事：组织居民议事会的方法',
  '社区服务项目设计与实施',
  '案例教学：老旧小区加装电梯中的矛盾调解',
  '社会工作方法在社区中的运用',
  '突发事件应对与社区应急管理（模拟演练）',
  '社区党建与群众工作',
  '现场观摩：东城区社区服务站',
  '信息化工具与社区数据管理',
  '心理疏导与沟通技巧',
  '社区文化建设',
  '结业考核与总结',
];
const METHODS = ['专题讲座', '案例教学', '模拟演练', '现场观摩'];
const TEACHERS = ['王建国（教授）', '李秀英（副教授）', '张明（高级社会工作师）', '刘海燕（讲师）'];

/** Unique three-character names (no name is part of another). */
export function sampleTrainees(count: number): ClassDocumentTrainee[] {
  return Array.from({ length: count }, (_, i) => {
    const [street, communities] = STREETS[i % STREETS.length];
    const surname = SURNAMES[i % SURNAMES.length];
    const given = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length];
    const suffix = Math.floor(i / (SURNAMES.length * GIVEN.length));
    return {
      name: `${surname}${given}${suffix ? String(suffix) : ''}`,
      street,
      community: communities[i % communities.length],
      idNumberMasked: `1101**********${String(1000 + i).padStart(4, '0')}`,
    };
  });
}

/** Sessions on consecutive weekdays from 2026-11-23, two a day (morning 3 h, afternoon 1.5 h). */
export function sampleSessions(count: number, timeZone = 'Asia/Shanghai'): ClassDocumentSession[] {
  const out: ClassDocumentSession[] = [];
  let day = Date.UTC(2026, 10, 23);
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % 2 === 0) {
      day += 86_400_000;
      while ([0, 6].includes(new Date(day).getUTCDay())) day += 86_400_000;
    }
    const date = new Date(day).toISOString().slice(0, 10);
    const morning = i % 2 === 0;
    out.push({
      startsAt: zonedDateTime(date, morning ? '09:00' : '14:00', timeZone),
      endsAt: zonedDateTime(date, morning ? '11:30' : '15:30', timeZone),
      topic: TOPICS[i % TOPICS.length],
      teacher: TEACHERS[i % TEACHERS.length],
      method: METHODS[i % METHODS.length],
      halfHours: morning ? 6 : 3,
      room: morning ? '教学楼 302' : '实训楼 105',
    });
  }
  return out;
}

export function sampleClassInput(
  opts: { trainees?: number; sessions?: number; pageUrl?: string } = {},
): ClassDocumentInput {
  const timeZone = 'Asia/Shanghai';
  const sessions = sampleSessions(opts.sessions ?? 12, timeZone);
  const first = sessions[0]?.startsAt ?? new Date('2026-11-23T01:00:00Z');
  const last = sessions[sessions.length - 1]?.startsAt ?? first;
  const day = (d: Date): string =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(d);
  return {
    timeZone,
    issuedAt: new Date('2026-11-16T02:00:00Z'),
    authority: '北京市民政局',
    districtName: '东城区民政局',
    institution: {
      name: '北京社会管理职业学院',
      address: '北京市东城区东四十条 88 号',
      contactOffice: '培训部教务办公室',
      contactPhone: '010-6555 0100',
    },
    class: {
      name: '2026 年东城区社区工作者岗位培训（第一期）',
      projectTitle: '2026 年度社区工作者岗位培训',
      typeLabel: '岗位培训',
      targetGroup: '东城区在岗社区工作者',
      totalHalfHours: sessions.reduce((a, s) => a + s.halfHours, 0),
      startDate: day(first),
      endDate: day(last),
      place: '北京社会管理职业学院东城校区（东四十条 88 号）',
      capacity: 320,
      filingNumber: '京培计备〔2026〕0001号',
      teachers: TEACHERS,
    },
    sessions,
    trainees: sampleTrainees(opts.trainees ?? 40),
    notice: {
      pageUrl:
        opts.pageUrl ?? 'https://peixun.example.cn/classes/3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      reportAt: '11 月 23 日 8:30 前到教学楼一层大厅报到，领取学员证和培训资料。',
    },
  };
}
