import { Route, Routes } from 'react-router';
import { AnnualPlansPage } from './AnnualPlansPage';
import { AuditPage } from './AuditPage';
import { CertificatesPage } from './CertificatesPage';
import { DashboardPage } from './DashboardPage';
import { InstitutionsPage } from './InstitutionsPage';
import { NominationsPage } from './NominationsPage';
import { PlanReviewPage } from './PlanReviewPage';
import { SurveysPage } from './SurveysPage';

/** The municipal bureau's pages: one code chunk. */
export default function BureauApp() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="plans" element={<PlanReviewPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="institutions" element={<InstitutionsPage />} />
      <Route path="nominations" element={<NominationsPage />} />
      <Route path="surveys" element={<SurveysPage />} />
      <Route path="certificates" element={<CertificatesPage />} />
      <Route path="annual-plans" element={<AnnualPlansPage />} />
    </Routes>
  );
}
