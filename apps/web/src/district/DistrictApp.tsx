import { Route, Routes } from 'react-router';
import { SurveysPage } from '../bureau/SurveysPage';
import { AssessmentPage } from './AssessmentPage';
import { ClassEvaluationPage } from './ClassEvaluationPage';
import { CoveragePage } from './CoveragePage';
import { ReportsPage } from './ReportsPage';
import { NominationsPage } from './NominationsPage';
import { PlanEditorPage } from './PlanEditorPage';
import { PlansPage } from './PlansPage';
import { RosterUploadPage } from './RosterUploadPage';
import { WorkerFilePage } from './WorkerFilePage';
import { WorkersPage } from './WorkersPage';

/** The pages of district and street offices: one code chunk. */
export default function DistrictApp() {
  return (
    <Routes>
      <Route index element={<WorkersPage />} />
      <Route path="roster" element={<RosterUploadPage />} />
      <Route path="coverage" element={<CoveragePage />} />
      <Route path="workers/:id" element={<WorkerFilePage />} />
      <Route path="assessment" element={<AssessmentPage />} />
      <Route path="reports" element={<ReportsPage />} />
      <Route path="classes/:id/evaluations" element={<ClassEvaluationPage />} />
      <Route path="nominations" element={<NominationsPage />} />
      <Route path="surveys" element={<SurveysPage readOnly />} />
      <Route path="plans" element={<PlansPage />} />
      <Route path="plans/:id" element={<PlanEditorPage />} />
    </Routes>
  );
}
