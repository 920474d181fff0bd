import { Route, Routes } from 'react-router';
import { PageHead } from '../components/ui';

export default function InstitutionApp() {
  return (
    <Routes>
      <Route index element={<PageHead title="institution" />} />
    </Routes>
  );
}
