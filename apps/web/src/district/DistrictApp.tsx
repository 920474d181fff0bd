import { Route, Routes } from 'react-router';
import { CoveragePage } from './CoveragePage';
import { PlanEditorPage } from './PlanEditorPage';
import { PlansPage } from './PlansPage';
import { RosterUploadPage } from './RosterUploadPage';
import { WorkersPage } from './WorkersPage';

/** The pages of district and street offices: one code chunk. */
export default function DistrictApp() {
  return (
    <Routes>
      <Route index element={<WorkersPage />} />
      <Route path="roster" element={<RosterUploadPage />} />
      <Route path="coverage" element={<CoveragePage />} />
      <Route path="plans" element={<PlansPage />} />
      <Route path="plans/:id" element={<PlanEditorPage />} />
    </Routes>
  );
}
