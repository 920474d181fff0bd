import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { useSession } from './api/hooks';
import { AppShell } from './shell/AppShell';
import { GROUP_OF, homeOf } from './shell/groups';
import { RequireRole } from './shell/RequireRole';

// one chunk per user group: a worker's phone never downloads the bureau's pages
const WorkerApp = lazy(() => import('./worker/WorkerApp'));
const InstitutionApp = lazy(() => import('./institution/InstitutionApp'));
const DistrictApp = lazy(() => import('./district/DistrictApp'));
const BureauApp = lazy(() => import('./bureau/BureauApp'));
const VerifyPage = lazy(() => import('./public/VerifyPage'));
const LoginPage = lazy(() => import('./shell/LoginPage'));
const NotFound = lazy(() => import('./shell/NotFound'));
const NotificationsPage = lazy(() => import('./components/NotificationsPage'));
// full-screen pages outside the shell: the projector's QR code, the phone's check-in from it
const QrPage = lazy(() => import('./institution/QrPage'));
const CheckInPage = lazy(() => import('./worker/CheckInPage'));

const loading = (
  <div className="page-loading" role="status" aria-label="加载中">
    <Spin />
  </div>
);

function Shelled({ children }: { children: ReactNode }) {
  return (
    <AppShell>
      <Suspense fallback={loading}>{children}</Suspense>
    </AppShell>
  );
}

function Home() {
  const session = useSession();
  return <Navigate to={session ? homeOf(session.actor.role) : '/login'} replace />;
}

/** `/classes/<id>`: the link in a training notice's QR code opens the class in the reader's own pages. */
function ClassLink() {
  const { id = '' } = useParams();
  const session = useSession();
  if (!session) return <Navigate to={`/login?next=/classes/${id}`} replace />;
  const group = GROUP_OF[session.actor.role];
  const base = { worker: '/w', institution: '/i', district: '/d', bureau: '/b' }[group];
  return <Navigate to={`${base}/classes/${id}`} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route
        path="/login"
        element={
          <Suspense fallback={loading}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        path="/verify"
        element={
          <Suspense fallback={loading}>
            <VerifyPage />
          </Suspense>
        }
      />
      <Route path="/classes/:id" element={<ClassLink />} />
      <Route
        path="/qr/:sessionId"
        element={
          <RequireRole roles={['institution_staff', 'teacher', 'street_admin']}>
            <Suspense fallback={loading}>
              <QrPage />
            </Suspense>
          </RequireRole>
        }
      />
      <Route
        path="/c/:sessionId/:token"
        element={
          <RequireRole roles={['worker']}>
            <Suspense fallback={loading}>
              <CheckInPage />
            </Suspense>
          </RequireRole>
        }
      />
      <Route
        path="/w/*"
        element={
          <RequireRole roles={['worker']}>
            <Shelled>
              <WorkerApp />
            </Shelled>
          </RequireRole>
        }
      />
      <Route
        path="/i/*"
        element={
          <RequireRole roles={['institution_staff', 'teacher']}>
            <Shelled>
              <InstitutionApp />
            </Shelled>
          </RequireRole>
        }
      />
      <Route
        path="/d/*"
        element={
          <RequireRole roles={['district_admin', 'street_admin']}>
            <Shelled>
              <DistrictApp />
            </Shelled>
          </RequireRole>
        }
      />
      <Route
        path="/b/*"
        element={
          <RequireRole roles={['municipal_admin']}>
            <Shelled>
              <BureauApp />
            </Shelled>
          </RequireRole>
        }
      />
      <Route
        path="/notifications"
        element={
          <RequireRole>
            <Shelled>
              <NotificationsPage />
            </Shelled>
          </RequireRole>
        }
      />
      <Route
        path="*"
        element={
          <Suspense fallback={loading}>
            <NotFound />
          </Suspense>
        }
      />
    </Routes>
  );
}
