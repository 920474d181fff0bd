import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/hooks';
import type { Role } from '../api/session';
import { homeOf } from './groups';

/** Signed-in users of these roles only: others go to their own home, strangers to the login. */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (roles && !roles.includes(session.actor.role)) {
    return <Navigate to={homeOf(session.actor.role)} replace />;
  }
  return <>{children}</>;
}
