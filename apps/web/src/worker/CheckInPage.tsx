import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { errorMessage } from '../api/errors';
import { when } from '../lib/format';
import { ATTENDANCE_STATUS } from '../lib/labels';
import { newClientRef, type CheckInResult } from './attendance';

/** What a check-in answered, for people. */
export function CheckInOutcome({
  result,
  direction,
}: {
  result: CheckInResult;
  direction: 'in' | 'out';
}) {
  const status = ATTENDANCE_STATUS[result.status]?.label ?? result.status;
  return (
    <div className="checkin-result" role="status">
      <CheckCircleFilled style={{ fontSize: 56, color: '#389e0d' }} aria-hidden />
      <p className="big">{direction === 'in' ? '签到成功' : '签退成功'}</p>
      <p>{result.classTitle}</p>
      <p>
        {direction === 'in'
          ? `签到时间 ${when(result.checkInAt)}`
          : `签退时间 ${when(result.checkOutAt)}`}
        ，考勤：{status}
        {result.minutesLate > 0 && `（迟到 ${result.minutesLate} 分钟）`}
        {result.minutesEarly > 0 && `（早退 ${result.minutesEarly} 分钟）`}
      </p>
    </div>
  );
}

/**
 * `/c/:sessionId/:token`, the URL in the session's QR code, opened by the
 * phone's own camera: checks in at once (POST /check-ins) once signed in (the
 * login returns here), with one request id kept across retries; a check-out
 * from the same code is one tap more.
 */
export default function CheckInPage() {
  const { sessionId = '', token = '' } = useParams();
  const [clientRef] = useState(newClientRef);
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const send = useMutation({
    mutationFn: async (d: 'in' | 'out') =>
      unwrap(
        await api.POST('/api/v1/check-ins', {
          body: {
            sessionId,
            token,
            direction: d,
            clientRef: d === 'in' ? clientRef : `${clientRef}-out`,
          },
        }),
      ),
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    send.mutate('in');
  }, [send]);

  return (
    <main className="checkin-page">
      <h1 style={{ fontSize: 22, textAlign: 'center' }}>课堂签到</h1>
      {send.isPending && (
        <div className="checkin-result" role="status" aria-label="正在签到">
          <Spin size="large" />
        </div>
      )}
      {send.isSuccess && <CheckInOutcome result={send.data} direction={direction} />}
      {send.isError && (
        <div className="checkin-result" role="alert">
          <CloseCircleFilled style={{ fontSize: 56, color: '#cf1322' }} aria-hidden />
          <p className="big">{direction === 'in' ? '签到未成功' : '签退未成功'}</p>
          <p>{errorMessage(send.error)}</p>
          <p className="muted">二维码每 30 秒更新，可重新扫描投屏上的二维码，或输入签到码。</p>
        </div>
      )}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {send.isSuccess && direction === 'in' && !send.data.checkOutAt && (
          <Button
            block
            size="large"
            onClick={() => {
              setDirection('out');
              send.mutate('out');
            }}
          >
            下课签退
          </Button>
        )}
        <Link to="/w/check-in">
          <Button block size="large">
            输入签到码
          </Button>
        </Link>
        <Link to="/w/timetable">
          <Button block size="large" type="link">
            查看我的课表
          </Button>
        </Link>
      </div>
    </main>
  );
}
