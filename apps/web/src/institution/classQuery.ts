import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** One class (GET /classes/:id), shared by the class's tabs (one cache entry). */
export function useClassOf(id: string) {
  return useQuery({
    queryKey: ['classes', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/classes/{id}', { params: { path: { id } } })),
  });
}

/** The API's refusal of a trainee's row (`details[].enrollmentId`), in Chinese. */
export const REFUSAL_TEXT: Record<string, string> = {
  hours_not_met: '学时未满，不能参加考核',
  already_passed: '已在此前考核中合格',
  not_a_retake_candidate: '不是补考对象',
  no_retakes_left: '补考次数已用完',
  not_enrolled: '不是本班在册学员',
  score_required: '记分考核须填写成绩',
  score_out_of_range: '成绩超出满分范围',
  passed_required: '须选择合格或不合格',
  certificate_issued: '已发证书，不能更改成绩',
};
