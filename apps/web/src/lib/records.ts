/** Chinese names of the codes of certificates, evaluations and surveys (the worker's records). */

export const CERTIFICATE_STATUS: Record<string, { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  revoked: { label: '已撤销', color: 'red' },
  superseded: { label: '已换发', color: 'default' },
};

export const EVALUATION_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '待评价', color: 'orange' },
  answered: { label: '已评价', color: 'green' },
  closed: { label: '已截止', color: 'default' },
};

export const SURVEY_STATUS: Record<string, { label: string; color: string }> = {
  invited: { label: '未作答', color: 'orange' },
  draft: { label: '草稿', color: 'blue' },
  submitted: { label: '已提交', color: 'green' },
};
