import { Route, Routes } from 'react-router';
import { ClassesPage } from './ClassesPage';
import { ClassSessionsPage } from './ClassSessionsPage';
import { SessionPage } from './SessionPage';

/** The pages of a training institution's staff and its teachers: one code chunk. */
export default function InstitutionApp() {
  return (
    <Routes>
      <Route index element={<ClassesPage />} />
      <Route path="classes/:id" element={<ClassSessionsPage />} />
      <Route path="sessions/:id" element={<SessionPage />} />
    </Routes>
  );
}
