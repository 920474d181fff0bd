import type { MigrationInterface } from 'typeorm';
import { Initial1795397749435 } from './1795397749435-Initial';
import { Workers1795399050648 } from './1795399050648-Workers';
import { Institutions1795400588546 } from './1795400588546-Institutions';
import { Policies1795400776796 } from './1795400776796-Policies';
import { Planning1795401871546 } from './1795401871546-Planning';
import { AuditArchiveFunction1795613937676 } from './1795613937676-AuditArchiveFunction';
import { SealPersonalData1795614123527 } from './1795614123527-SealPersonalData';
import { TeacherConsent1795614141574 } from './1795614141574-TeacherConsent';
import { FilesToStore1795614356863 } from './1795614356863-FilesToStore';
import { Classes1795618559142 } from './1795618559142-Classes';
import { Notifications1795618667265 } from './1795618667265-Notifications';
import { Enrollment1795618846882 } from './1795618846882-Enrollment';
import { ClassDocumentsAndArchive1795621217558 } from './1795621217558-ClassDocumentsAndArchive';
import { Attendance1795625008433 } from './1795625008433-Attendance';
import { Surveys1795625200000 } from './1795625200000-Surveys';
import { ExamsCertificates1795625300000 } from './1795625300000-ExamsCertificates';
import { Evaluations1795625400000 } from './1795625400000-Evaluations';
import { Assessment1795625500000 } from './1795625500000-Assessment';
import { EnrollmentSettleEntries1795625600000 } from './1795625600000-EnrollmentSettleEntries';
import { AttendanceMarkEnrollmentIndex1795625700000 } from './1795625700000-AttendanceMarkEnrollmentIndex';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795397749435,
  Workers1795399050648,
  Institutions1795400588546,
  Policies1795400776796,
  Planning1795401871546,
  AuditArchiveFunction1795613937676,
  SealPersonalData1795614123527,
  TeacherConsent1795614141574,
  FilesToStore1795614356863,
  Classes1795618559142,
  Notifications1795618667265,
  Enrollment1795618846882,
  ClassDocumentsAndArchive1795621217558,
  Attendance1795625008433,
  Surveys1795625200000,
  ExamsCertificates1795625300000,
  Evaluations1795625400000,
  Assessment1795625500000,
  EnrollmentSettleEntries1795625600000,
  AttendanceMarkEnrollmentIndex1795625700000,
];
