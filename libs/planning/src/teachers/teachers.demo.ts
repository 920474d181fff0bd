import { Injectable, OnModuleInit } from '@nestjs/common';
import { Account, AppConfig, localDate } from '@peixun/core';
import { DemoSeedContext, DemoSeedService } from '@peixun/org';
import type { EntityManager } from 'typeorm';
import { TeacherConsent } from './teacher-consent.entity';
import { Teacher, TeacherInstitution } from './teacher.entity';

interface DemoTeacher {
  name: string;
  title: string;
  subjects: string[];
  /** The demo account linked to the teacher, if any. */
  account?: string;
  consent: 'account' | 'paper' | null;
}

/**
 * The demo institution's teachers: one who consented through their account
 * (teacher.wang), one whose signed form the institution recorded, and one
 * whose consent is not recorded (seen by the institution, offered to nobody).
 */
export const DEMO_TEACHERS: DemoTeacher[] = [
  {
    name: '王老师',
    title: '副教授',
    subjects: ['社区治理', '社会工作实务'],
    account: 'teacher.wang',
    consent: 'account',
  },
  { name: '张老师', title: '讲师', subjects: ['居民调解', '社区法律服务'], consent: 'paper' },
  { name: '陈老师', title: '高级社会工作师', subjects: ['心理疏导'], consent: null },
];

/** Adds the demo teachers to the demo seed (libs/org), so that a new user can select teachers. */
@Injectable()
export class TeachersDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeedService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'teachers', run: (em, ctx) => this.run(em, ctx) });
  }

  private async run(em: EntityManager, ctx: DemoSeedContext): Promise<number> {
    const institutionId = ctx.units.get('inst')!.id;
    const staff = await em.findOneByOrFail(Account, { username: 'jigou.staff' });
    for (const d of DEMO_TEACHERS) {
      const account = d.account ? await em.findOneByOrFail(Account, { username: d.account }) : null;
      const teacher = await em.save(
        em.create(Teacher, {
          name: d.name,
          title: d.title,
          subjects: d.subjects,
          qualifications: null,
          accountId: account?.id ?? null,
          ownerInstitutionId: institutionId,
        }),
      );
      await em.insert(TeacherInstitution, { teacherId: teacher.id, institutionId });
      if (d.consent === 'account' && account) {
        await em.insert(TeacherConsent, {
          teacherId: teacher.id,
          method: 'account',
          givenAt: new Date(),
          recordedBy: account.id,
          note: '演示数据 (demo)',
        });
      } else if (d.consent === 'paper') {
        await em.insert(TeacherConsent, {
          teacherId: teacher.id,
          method: 'paper',
          givenAt: new Date(),
          signedOn: localDate(new Date(), this.config.timezone),
          reference: '演示-同意书-001',
          recordedBy: staff.id,
          note: '演示数据 (demo)',
        });
      }
    }
    return DEMO_TEACHERS.length;
  }
}
