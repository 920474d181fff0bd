import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';

export type CheckInResult = Schemas['CheckInResultDto'];

/** A request id the phone keeps across retries (8–64 letters, digits, - or _). */
export function newClientRef(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Asks for leave from one session (POST /sessions/:id/leave-requests) with a reason. */
export function LeaveButton({ sessionId, topic }: { sessionId: string; topic: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/sessions/{id}/leave-requests', {
          params: { path: { id: sessionId } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      setReason('');
      message.success('请假申请已提交，等待培训机构审批');
      await queryClient.invalidateQueries({ queryKey: ['me', 'leaves'] });
    },
    onError: (err) =>
      setError(
        err instanceof ApiError && err.fields.length
          ? err.fields.map((f) => f.messages.join('；')).join('；')
          : errorMessage(err),
      ),
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        请假
      </Button>
      <Modal
        open={open}
        title={`请假：${topic}`}
        okText="提交"
        cancelText="取消"
        confirmLoading={send.isPending}
        onOk={() => {
          if (!reason.trim()) {
            setError('请填写请假事由');
            return;
          }
          setError(null);
          send.mutate();
        }}
        onCancel={() => setOpen(false)}
      >
        <label className="field">
          <span>请假事由</span>
          <Input.TextArea
            aria-label="请假事由"
            rows={3}
            maxLength={500}
            value={reason}
            status={error ? 'error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </label>
      </Modal>
    </>
  );
}
