import {
  Certificate,
  CertificateBundle,
  CertificateCounter,
} from './certificates/certificate.entity';
import { Exam, ExamResult } from './exam.entity';

export const EXAMS_ENTITIES = [
  Exam,
  ExamResult,
  Certificate,
  CertificateCounter,
  CertificateBundle,
];
