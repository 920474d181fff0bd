import { Route, Routes } from 'react-router';
import { ClassesPage } from './ClassesPage';
import { ClassPage } from './ClassPage';
import { CodeCheckInPage } from './CodeCheckInPage';
import { EnrollmentsPage } from './EnrollmentsPage';
import { HoursPage } from './HoursPage';
import { TimetablePage } from './TimetablePage';

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
    </Routes>
  );
}
