import { useMutation } from '@tanstack/react-query';
import { Button, Input, Segmented } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { PageHead, Panel } from '../components/ui';
import { newClientRef } from './attendance';
import { CheckInOutcome } from './CheckInPage';

/** Check-in by the 6-digit code on the projector (POST /check-ins/code), for a phone that cannot scan. */
export function CodeCheckInPage() {
  const [code, setCode] = useState('');
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [clientRef, setClientRef] = useState(newClientRef);
  const send = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/check-ins/code', { body: { code, direction, clientRef } })),
    onSuccess: () => setClientRef(newClientRef()),
  });
  const fieldError =
    send.error instanceof ApiError
      ? send.error.fields.find((f) => f.field === 'code')?.messages.join('；')
      : undefined;
  const valid = /^\d{6}$/.test(code);
  return (
    <>
      <PageHead title="签到" />
      <Panel>
        <p className="muted">
          扫描投屏上的二维码即可签到；无法扫码时，输入二维码下方的 6 位签到码。
        </p>
        <Segmented
          block
          value={direction}
          onChange={(v) => setDirection(v as 'in' | 'out')}
          options={[
            { value: 'in', label: '签到' },
            { value: 'out', label: '签退' },
          ]}
          style={{ marginBottom: 12 }}
        />
        <label className="field">
          <span>签到码</span>
          <Input
            size="large"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            aria-label="签到码"
            value={code}
            status={fieldError ? 'error' : undefined}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            onPressEnter={() => valid && send.mutate()}
          />
          {fieldError && (
            <span className="field-error" role="alert">
              {fieldError}
            </span>
          )}
        </label>
        <Button
          type="primary"
          size="large"
          block
          disabled={!valid}
          loading={send.isPending}
          onClick={() => send.mutate()}
          style={{ marginTop: 12 }}
        >
          {direction === 'in' ? '签到' : '签退'}
        </Button>
        {send.isError && !fieldError && (
          <p className="field-error" role="alert" style={{ marginTop: 12 }}>
            {errorMessage(send.error)}
          </p>
        )}
        {send.isSuccess && <CheckInOutcome result={send.data} direction={direction} />}
      </Panel>
    </>
  );
}
