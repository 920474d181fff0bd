import { Route, Routes } from 'react-router';
import { PageHead } from '../components/ui';

export default function DistrictApp() {
  return (
    <Routes>
      <Route index element={<PageHead title="district" />} />
    </Routes>
  );
}
