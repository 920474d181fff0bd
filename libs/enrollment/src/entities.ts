import { ClassDocument } from './documents/class-document.entity';
import { CalendarFeed, Enrollment, Nomination, NominationQuota } from './enrollment.entity';

export const ENROLLMENT_ENTITIES = [
  Enrollment,
  Nomination,
  NominationQuota,
  CalendarFeed,
  ClassDocument,
];
