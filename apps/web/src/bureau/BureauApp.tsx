import { Route, Routes } from 'react-router';
import { PageHead } from '../components/ui';

export default function BureauApp() {
  return (
    <Routes>
      <Route index element={<PageHead title="bureau" />} />
    </Routes>
  );
}
