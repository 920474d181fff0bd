import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import { maskSensitiveText } from './mask';

/**
 * One readable line per event for people (LOG_FORMAT=pretty, the development
 * default): time, level, context, message, request id. JSON lines otherwise.
 */
export function prettyStream(): DestinationStream {
  return pretty({
    sync: true,
    colorize: process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,reqId,responseTime,err',
    singleLine: true,
    messageFormat: (log, messageKey) => {
      const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
      const req = log.req as { id?: unknown } | undefined;
      const id =
        typeof req?.id === 'string' ? req.id : typeof log.reqId === 'string' ? log.reqId : '';
      const err = log.err as { message?: unknown } | undefined;
      const reason =
        err && typeof err.message === 'string' ? ` — ${maskSensitiveText(err.message)}` : '';
      return `${context}${typeof log[messageKey] === 'string' ? log[messageKey] : JSON.stringify(log[messageKey] ?? '')}${reason}${id ? ` (req ${id.slice(0, 8)})` : ''}`;
    },
  });
}
