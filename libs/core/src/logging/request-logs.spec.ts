import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { Writable } from 'node:stream';
import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { loadConfig } from '../config/app-config';
import { requestId } from './logging.module';
import { requestLineLevel, RequestLogs } from './request-logs';

interface Line {
  level: number;
  msg: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  context?: string;
  tag?: string;
}

/** A destination that parses each line into `lines`. */
const sinkOf = (lines: unknown[]): Writable =>
  new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });

/** RequestLogs at `level`, its lines collected; a server whose handler is given per test. */
async function serve(level: string): Promise<{
  logs: RequestLogs;
  lines: Line[];
  server: Server;
  url: string;
  handle: (fn: (req: IncomingMessage, res: ServerResponse, log: Logger) => void) => void;
}> {
  const lines: Line[] = [];
  const logs = new RequestLogs(loadConfig({ LOG_LEVEL: level, LOG_FORMAT: 'json' }), sinkOf(lines));
  let handler: (req: IncomingMessage, res: ServerResponse, log: Logger) => void = (_q, res) =>
    res.end();
  const server = createServer((req: IncomingMessage & { log?: Logger }, res) => {
    requestId(req, res);
    logs.attach(req, res);
    handler(req, res, req.log);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    logs,
    lines,
    server,
    url: `http://127.0.0.1:${port}`,
    handle: (fn) => (handler = fn),
  };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 30));

describe('request log level', () => {
  it.each<[number, string]>([
    [200, 'info'],
    [201, 'info'],
    [304, 'info'],
    [400, 'warn'],
    [401, 'warn'],
    [403, 'warn'],
    [404, 'warn'],
    [413, 'warn'],
    [415, 'warn'],
    [429, 'warn'],
    [500, 'error'],
    [503, 'error'],
  ])('%i -> %s', (status, expected) => {
    expect(requestLineLevel('info')(status)).toBe(expected);
  });

  it('is silent below the configured level, so that no line is built only to be dropped', () => {
    const warn = requestLineLevel('warn');
    expect([200, 201, 304].map(warn)).toEqual(['silent', 'silent', 'silent']);
    expect([400, 404, 429].map(warn)).toEqual(['warn', 'warn', 'warn']);
    expect(warn(500)).toBe('error');
    expect(requestLineLevel('error')(404)).toBe('silent');
    expect(requestLineLevel('silent')(500)).toBe('silent');
  });
});

describe('request logs', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  afterEach(() => new Promise<void>((r) => s.server.close(() => r())));

  it('write one line per finished request: its level, id, method, masked URL, status and time', async () => {
    s = await serve('info');
    s.handle((req, res) => {
      res.statusCode = req.url!.startsWith('/missing') ? 404 : 200;
      res.end('{}');
    });
    await fetch(`${s.url}/ok`, { headers: { 'x-request-id': 'req-1' } });
    await fetch(`${s.url}/missing?idNumber=110101199003076632`);
    await settle();
    expect(s.lines).toHaveLength(2);
    const [ok, missing] = s.lines;
    expect(ok).toMatchObject({
      level: 30,
      msg: expect.stringMatching(/^GET \/ok 200 \d+ ms$/),
      req: { id: 'req-1', method: 'GET', url: '/ok' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(missing).toMatchObject({
      level: 40,
      req: { method: 'GET', url: '/missing?idNumber=1101**********6632' },
      res: { statusCode: 404 },
    });
    expect(missing.msg).toMatch(/^GET \/missing\?idNumber=1101\*{10}6632 404 \d+ ms$/);
    expect(JSON.stringify(s.lines)).not.toContain('110101199003076632');
  });

  it('say a server error failed, at error level', async () => {
    s = await serve('warn');
    s.handle((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    await fetch(`${s.url}/x`);
    await settle();
    expect(s.lines).toEqual([
      expect.objectContaining({ level: 50, msg: 'GET /x 503 failed', res: { statusCode: 503 } }),
    ]);
  });

  it('build no request bindings when nothing is written (success at warn, a debug line)', async () => {
    s = await serve('warn');
    const child = jest.spyOn(s.logs.root, 'child');
    s.handle((_req, res, log) => {
      log.debug({ detail: 1 }, 'not at this level');
      log.info('nor this');
      res.end();
    });
    for (let i = 0; i < 5; i++) await fetch(`${s.url}/quiet`);
    await settle();
    expect(s.lines).toEqual([]);
    expect(child).not.toHaveBeenCalled();
  });

  it("carry the request on the lines that the request's code writes, and on its children's", async () => {
    s = await serve('warn');
    s.handle((req, res, log) => {
      log.warn({ context: 'Errors' }, 'something to see');
      log.child({ tag: 'assigned' }).error('a child line');
      res.end();
    });
    await fetch(`${s.url}/work?phone=13800001234`, { headers: { 'x-request-id': 'req-2' } });
    await settle();
    const req = { id: 'req-2', method: 'GET', url: '/work?phone=138****1234' };
    expect(s.lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'something to see', context: 'Errors', req }),
      expect.objectContaining({ level: 50, msg: 'a child line', tag: 'assigned', req }),
    ]);
    // the root logger's own lines have no request
    s.logs.root.warn('outside');
    await settle();
    expect(s.lines[2]).toMatchObject({ msg: 'outside' });
    expect(s.lines[2].req).toBeUndefined();
  });

  it("serve nestjs-pino as a request's logger: its context, assigned fields, set bindings", async () => {
    s = await serve('info');
    s.handle((req, res, log) => {
      // what nestjs-pino's middleware does with req.log (useExisting), then a service's logger
      storage.run(new Store(log), () => {
        const service = new PinoLogger({ pinoHttp: { logger: s.logs.root } });
        service.setContext('Enrolment');
        service.info('before');
        service.assign({ tag: 'assigned' });
        service.warn({ detail: 1 }, 'after');
      });
      log.setBindings({ tag: 'set' });
      log.info('bound');
      res.end();
    });
    await fetch(`${s.url}/svc?idNumber=110101199003076632`, { headers: { 'x-request-id': 'r-3' } });
    await settle();
    const req = { id: 'r-3', method: 'GET', url: '/svc?idNumber=1101**********6632' };
    expect(s.lines.slice(0, 3)).toEqual([
      expect.objectContaining({ msg: 'before', context: 'Enrolment', req }),
      expect.objectContaining({ msg: 'after', context: 'Enrolment', tag: 'assigned', req }),
      expect.objectContaining({ msg: 'bound', tag: 'set', req }),
    ]);
    expect(JSON.stringify(s.lines)).not.toContain('110101199003076632');
  });

  it('redact personal data and secrets at the top of a line and one level down', async () => {
    s = await serve('info');
    s.logs.root.info(
      { idNumber: '110101199003076632', phone: '13800001234', body: { password: 'p4ss' } },
      'fields',
    );
    await settle();
    expect(s.lines[0]).toMatchObject({
      idNumber: '[redacted]',
      phone: '[redacted]',
      body: { password: '[redacted]' },
    });
  });

  it("keep each request's bindings its own under concurrent requests", async () => {
    s = await serve('warn');
    s.handle((req, res, log) => {
      setTimeout(() => {
        log.warn('late');
        res.end();
      }, 5);
    });
    await Promise.all(
      ['a', 'b', 'c'].map((id) => fetch(`${s.url}/${id}`, { headers: { 'x-request-id': id } })),
    );
    await settle();
    const late = s.lines.filter((l) => l.msg === 'late');
    expect(late.map((l) => [l.req?.id, l.req?.url]).sort()).toEqual([
      ['a', '/a'],
      ['b', '/b'],
      ['c', '/c'],
    ]);
  });

  it('leave the health probes out', async () => {
    s = await serve('debug');
    await fetch(`${s.url}/api/health`);
    await fetch(`${s.url}/api/ready`);
    await settle();
    expect(s.lines).toEqual([]);
  });

  it('say when the client went away before the answer (info)', async () => {
    s = await serve('info');
    let answered!: () => void;
    const gone = new Promise<void>((r) => (answered = r));
    s.handle((_req, res) => {
      res.on('close', () => setTimeout(answered, 5));
    });
    const socket = connect(Number(new URL(s.url).port), '127.0.0.1');
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 30));
    socket.destroy();
    await gone;
    expect(s.lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: expect.stringMatching(/^GET \/slow aborted by the client after \d+ ms$/),
        req: expect.objectContaining({ url: '/slow' }),
      }),
    ]);
  });
});

describe("a request's logger", () => {
  it('holds not the request but what its line names (a logger may outlive its request)', () => {
    const logs = new RequestLogs(loadConfig({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }), sinkOf([]));
    const req = Object.assign(new IncomingMessage(null as never), {
      id: 'r-4',
      method: 'POST',
      url: '/x',
    });
    const log = logs.loggerOf(req);
    const held = Object.getOwnPropertySymbols(log).map((k) => (log as never)[k]);
    expect(held).toEqual([{ id: 'r-4', method: 'POST', url: '/x' }]);
    expect(held.some((v) => v === req)).toBe(false);
  });
});
