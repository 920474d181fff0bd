import { Route, Routes } from 'react-router';
import { CertificatesPage } from './CertificatesPage';
import { ClassesPage } from './ClassesPage';
import { ClassroomPage } from './ClassroomPage';
import { ClassSessionsPage } from './ClassSessionsPage';
import { EvaluationsPage } from './EvaluationsPage';
import { ExamsPage } from './ExamsPage';
import { SessionPage } from './SessionPage';

/** The pages of a training institution's staff and its teachers: one code chunk. */
export default function InstitutionApp() {
  return (
    <Routes>
      <Route index element={<ClassesPage />} />
      <Route path="classes/:id" element={<ClassSessionsPage />} />
      <Route path="sessions/:id" element={<SessionPage />} />
      <Route path="classes/:id/exams" element={<ExamsPage />} />
      <Route path="classes/:id/certificates" element={<CertificatesPage />} />
      <Route path="classes/:id/evaluations" element={<EvaluationsPage />} />
      <Route path="sessions/:id/classroom" element={<ClassroomPage />} />
    </Routes>
  );
}
