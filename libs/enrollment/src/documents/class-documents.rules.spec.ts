import type { Actor, Role } from '@peixun/core';
import { sampleClassInput } from '@peixun/core/documents/testing/sample-class';
import {
  answersRequest,
  DocumentAccess,
  documentAccess,
  documentFileName,
  documentInputHash,
  readableKinds,
  renderingOutcome,
} from './class-documents.rules';

const actor = (role: Role, scope: Partial<Actor> = {}): Actor => ({
  accountId: 'a',
  username: 'u',
  role,
  orgId: null,
  districtId: null,
  streetId: null,
  workerId: null,
  ...scope,
});
const planClass = {
  origin: 'plan' as const,
  institutionId: 'I1',
  streetId: null,
  districtId: 'D1',
};
const streetClass = {
  origin: 'street' as const,
  institutionId: null,
  streetId: 'S1',
  districtId: 'D1',
};
const at = (iso: string): Date => new Date(iso);

describe('trainee documents: who reads what (Art. 13)', () => {
  it.each<[string, Actor, typeof planClass | typeof streetClass, boolean, DocumentAccess]>([
    [
      'the running institution',
      actor('institution_staff', { orgId: 'I1' }),
      planClass,
      false,
      'manage',
    ],
    ['another institution', actor('institution_staff', { orgId: 'I2' }), planClass, false, null],
    [
      'the street, its own class',
      actor('street_admin', { streetId: 'S1' }),
      streetClass,
      false,
      'manage',
    ],
    ['another street', actor('street_admin', { streetId: 'S2' }), streetClass, false, null],
    [
      'a street, a plan class',
      actor('street_admin', { streetId: 'S1', districtId: 'D1' }),
      planClass,
      false,
      null,
    ],
    [
      'the commissioning district',
      actor('district_admin', { districtId: 'D1' }),
      planClass,
      false,
      'oversee',
    ],
    ['another district', actor('district_admin', { districtId: 'D2' }), planClass, false, null],
    ['the bureau', actor('municipal_admin'), streetClass, false, 'oversee'],
    ['a worker holding a place', actor('worker', { workerId: 'W1' }), planClass, true, 'trainee'],
    ['a worker without a place', actor('worker', { workerId: 'W1' }), planClass, false, null],
    ['a worker account without a worker record', actor('worker'), planClass, true, null],
    ['a teacher', actor('teacher', { orgId: 'I1' }), planClass, true, null],
  ])('%s: %s', (_label, who, c, holdsPlace, expected) => {
    expect(documentAccess(who, c, holdsPlace)).toBe(expected);
  });

  it.each<[DocumentAccess, string[]]>([
    ['manage', ['project_list', 'notice', 'timetable', 'attendance_sheet']],
    ['oversee', ['project_list', 'notice', 'timetable', 'attendance_sheet']],
    // the attendance sheet lists the other trainees
    ['trainee', ['project_list', 'notice', 'timetable']],
    [null, []],
  ])('%s reads %j', (access, kinds) => {
    expect(readableKinds(access)).toEqual(kinds);
  });

  it.each<[string, string, string]>([
    ['notice', '2026 年东城区岗位培训（第一期）', '2026 年东城区岗位培训（第一期）-培训通知单.pdf'],
    ['attendance_sheet', '班/次:1', '班_次_1-考勤表.pdf'],
    ['timetable', '  ', '课程表.pdf'],
  ])('%s of %j downloads as %j', (kind, title, name) => {
    expect(documentFileName(kind as 'notice', title)).toBe(name);
  });
});

describe('trainee documents: renderings and requests', () => {
  it('hashes the kind and the input: the same input gives the same hash, any change another', () => {
    const input = sampleClassInput({ trainees: 3, sessions: 2 });
    const h = documentInputHash('notice', input);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(documentInputHash('notice', sampleClassInput({ trainees: 3, sessions: 2 }))).toBe(h);
    expect(documentInputHash('timetable', input)).not.toBe(h);
    expect(
      documentInputHash('notice', { ...input, class: { ...input.class, place: '别处' } }),
    ).not.toBe(h);
    expect(
      documentInputHash('notice', { ...input, issuedAt: at('2026-11-17T02:00:00Z') }),
    ).not.toBe(h);
  });

  const stored = { fileSha256: 'A', inputHash: 'h1', renderedAt: at('2026-11-20T10:00:00Z') };
  it.each<
    [string, Parameters<typeof renderingOutcome>[0], Parameters<typeof renderingOutcome>[1], string]
  >([
    [
      'nothing stored yet',
      { fileSha256: null, inputHash: null, renderedAt: null },
      { sha256: 'B', inputHash: 'h2', readAt: at('2026-11-20T09:00:00Z') },
      'replace',
    ],
    [
      'the same bytes stored',
      stored,
      { sha256: 'A', inputHash: 'h1', readAt: at('2026-11-20T11:00:00Z') },
      'identical',
    ],
    [
      'the same input stored',
      stored,
      { sha256: 'C', inputHash: 'h1', readAt: at('2026-11-20T11:00:00Z') },
      'identical',
    ],
    [
      'ours read later',
      stored,
      { sha256: 'B', inputHash: 'h2', readAt: at('2026-11-20T11:00:00Z') },
      'replace',
    ],
    [
      'ours read at the same time',
      stored,
      { sha256: 'B', inputHash: 'h2', readAt: at('2026-11-20T10:00:00Z') },
      'replace',
    ],
    [
      'the stored one read later',
      stored,
      { sha256: 'B', inputHash: 'h2', readAt: at('2026-11-20T09:59:59Z') },
      'older',
    ],
  ])('%s: %s', (_label, row, ours, expected) => {
    expect(renderingOutcome(row, ours)).toBe(expected);
  });

  const request = { requestedHash: 'h2', requestedAt: at('2026-11-20T10:00:00Z') };
  it.each<[string, Parameters<typeof answersRequest>[1], boolean]>([
    ['nothing stored', { inputHash: null, renderedAt: null }, false],
    ['what the request saw', { inputHash: 'h2', renderedAt: at('2026-11-20T09:00:00Z') }, true],
    [
      'a state read after the request',
      { inputHash: 'h3', renderedAt: at('2026-11-20T10:00:01Z') },
      true,
    ],
    [
      'a state read before the request',
      { inputHash: 'h1', renderedAt: at('2026-11-20T09:59:59Z') },
      false,
    ],
  ])('the stored file answers the request when it is %s: %s', (_label, file, expected) => {
    expect(answersRequest(request, file)).toBe(expected);
  });
});
