import { Role } from '@peixun/core';
import { OrgUnit } from '@peixun/org';
import { anAccount, TEST_PASSWORD } from '../factories/org.factory';
import { login, Session, sessionFor, TestApi } from './app';

/** Signs in a new account of `role` bound to `unit` (a unit of the test tree, or none). */
export async function signInAs(api: TestApi, role: Role, unit: OrgUnit | null): Promise<Session> {
  const account = await anAccount().withRole(role).inOrg(unit).create(api.ds);
  return login(api.http, account.username, TEST_PASSWORD);
}

/** A worker's session, signed by the API's own key, without an account row (the token names the worker). */
export function workerSessionFor(api: TestApi, worker: { id: string }): Session {
  return sessionFor(api, {
    accountId: `00000000-0000-4000-8000-${worker.id.slice(-12)}`,
    username: `w-${worker.id.slice(0, 6)}`,
    role: 'worker',
    orgId: null,
    districtId: null,
    streetId: null,
    workerId: worker.id,
  });
}
