import { Route, Routes } from 'react-router';
import { SurveysPage } from '../bureau/SurveysPage';
import { CoveragePage } from './CoveragePage';
import { NominationsPage } from './NominationsPage';
import { RosterUploadPage } from './RosterUploadPage';
import { WorkersPage } from './WorkersPage';

/** The pages of district and street offices: one code chunk. */
export default function DistrictApp() {
  return (
    <Routes>
      <Route index element={<WorkersPage />} />
      <Route path="roster" element={<RosterUploadPage />} />
      <Route path="coverage" element={<CoveragePage />} />
      <Route path="nominations" element={<NominationsPage />} />
      <Route path="surveys" element={<SurveysPage readOnly />} />
    </Routes>
  );
}
