import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { yuan } from '../lib/format';

export type ClassItem = Schemas['ClassDto'];
export type Enrollment = Schemas['EnrollmentDto'];

/** Statuses that hold or wait for a place (the others are history). */
export const ACTIVE = ['enrolled', 'waitlisted', 'offered'];

export function useMyEnrollments() {
  return useQuery({
    queryKey: ['me', 'enrollments'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/enrollments')),
  });
}

/** May I enrol in this class, and if not, the rule that refuses me. */
export function useAvailability(classId: string) {
  return useQuery({
    queryKey: ['availability', classId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/classes/{id}/availability', { params: { path: { id: classId } } }),
      ),
  });
}

function useRefreshMine() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['me'] }),
      queryClient.invalidateQueries({ queryKey: ['availability'] }),
      queryClient.invalidateQueries({ queryKey: ['classes'] }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

/**
 * Enrols the worker. A class with a fee (elective training, the only one a
 * worker may pay for) is enrolled only after the worker confirms the amount,
 * which is sent along (the API refuses a fee it was not shown).
 */
export function useEnrol() {
  const { modal, message } = App.useApp();
  const refresh = useRefreshMine();
  const mutation = useMutation({
    mutationFn: async (c: Pick<ClassItem, 'id' | 'feeFen'>) =>
      unwrap(
        await api.POST('/api/v1/classes/{id}/enrollments', {
          params: { path: { id: c.id } },
          body: c.feeFen > 0 ? { confirmFeeFen: c.feeFen } : {},
        }),
      ),
    onSuccess: async (e) => {
      await refresh();
      if (e.status === 'waitlisted') {
        void message.info(`名额已满，已进入候补，当前第 ${e.waitlistPosition ?? '?'} 位`);
      } else void message.success(`报名成功：${e.classTitle}`);
    },
    onError: async (err) => {
      await refresh();
      void message.error(errorMessage(err));
    },
  });
  const enrol = (c: Pick<ClassItem, 'id' | 'feeFen' | 'title'>) => {
    if (c.feeFen <= 0) {
      mutation.mutate(c);
      return;
    }
    void modal.confirm({
      title: '确认报名收费班次',
      content: `「${c.title}」为自愿参加的职称/学历类培训，费用 ${yuan(c.feeFen)}，由本人承担。确认报名吗？`,
      okText: `确认并报名（${yuan(c.feeFen)}）`,
      cancelText: '取消',
      onOk: () => mutation.mutateAsync(c).catch(() => undefined),
    });
  };
  return { enrol, pending: mutation.isPending, variables: mutation.variables };
}

/** Withdraw, accept an offered place, or decline it. */
export function usePlaceActions() {
  const { message } = App.useApp();
  const refresh = useRefreshMine();
  const run = useMutation({
    mutationFn: async ({
      id,
      action,
    }: {
      id: string;
      action: 'withdraw' | 'accept' | 'decline';
    }) => {
      const path = { params: { path: { id } } };
      if (action === 'withdraw')
        return unwrap(await api.POST('/api/v1/enrollments/{id}/withdraw', { ...path, body: {} }));
      if (action === 'accept')
        return unwrap(await api.POST('/api/v1/enrollments/{id}/accept', path));
      return unwrap(await api.POST('/api/v1/enrollments/{id}/decline', path));
    },
    onSuccess: async (e, { action }) => {
      await refresh();
      void message.success(
        { withdraw: '已退出', accept: '已接受名额，报名成功', decline: '已放弃该名额' }[action] +
          `：${e.classTitle}`,
      );
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return run;
}
