import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ClassesPage } from './ClassesPage';

// the home page comes with the chunk; the others (and what they use of Ant Design) when opened,
// so that a phone's first visit stays small
const ClassPage = lazy(() => import('./ClassPage').then((m) => ({ default: m.ClassPage })));
const EnrollmentsPage = lazy(() =>
  import('./EnrollmentsPage').then((m) => ({ default: m.EnrollmentsPage })),
);
const TimetablePage = lazy(() =>
  import('./TimetablePage').then((m) => ({ default: m.TimetablePage })),
);
const CodeCheckInPage = lazy(() =>
  import('./CodeCheckInPage').then((m) => ({ default: m.CodeCheckInPage })),
);
const HoursPage = lazy(() => import('./HoursPage').then((m) => ({ default: m.HoursPage })));
const CertificatesPage = lazy(() =>
  import('./CertificatesPage').then((m) => ({ default: m.CertificatesPage })),
);
const EvaluationsPage = lazy(() =>
  import('./EvaluationsPage').then((m) => ({ default: m.EvaluationsPage })),
);
const SurveysPage = lazy(() => import('./SurveysPage').then((m) => ({ default: m.SurveysPage })));
const SurveyPage = lazy(() => import('./SurveysPage').then((m) => ({ default: m.SurveyPage })));

/** The worker's pages (phone first, 375 px): one code chunk, loaded only by workers. */
export default function WorkerApp() {
  return (
    <Routes>
      <Route index element={<ClassesPage />} />
      <Route path="classes/:id" element={<ClassPage />} />
      <Route path="enrollments" element={<EnrollmentsPage />} />
      <Route path="timetable" element={<TimetablePage />} />
      <Route path="check-in" element={<CodeCheckInPage />} />
      <Route path="hours" element={<HoursPage />} />
      <Route path="certificates" element={<CertificatesPage />} />
      <Route path="evaluations" element={<EvaluationsPage />} />
      <Route path="surveys" element={<SurveysPage />} />
      <Route path="surveys/:id" element={<SurveyPage />} />
    </Routes>
  );
}
