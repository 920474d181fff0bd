import { Route, Routes } from 'react-router';
import { AnnualPlansPage } from './AnnualPlansPage';
import { AuditPage } from './AuditPage';
import { DashboardPage } from './DashboardPage';
import { PlanReviewPage } from './PlanReviewPage';

/** The municipal bureau's pages: one code chunk. */
export default function BureauApp() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="plans" element={<PlanReviewPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="annual-plans" element={<AnnualPlansPage />} />
    </Routes>
  );
}
