import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  requestId: string;
  ip: string | null;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** Per-request data (request id, client IP) available anywhere below the HTTP handler. */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
