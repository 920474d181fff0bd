import type { AppConfig } from '@peixun/core';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import type { Server } from 'node:http';
import { BodyParserMiddleware } from './http-security';

const LIMIT = '1mb';
const context = new AsyncLocalStorage<string>();

/**
 * An app that answers with the parsed body (and the async context the route ran in), or with
 * the parser's error (status and type).
 */
function echoApp(parse: RequestHandler): express.Express {
  const app = express();
  app.use((req: Request, _res: Response, next: NextFunction) => {
    context.run(String(req.headers['x-context'] ?? ''), next);
  });
  app.post('/echo', parse, (req: Request, res: Response) => {
    res.json({ body: req.body as unknown, context: context.getStore() });
  });
  app.use(
    (err: { status?: number; type?: string }, _req: Request, res: Response, _n: NextFunction) => {
      res.status(err.status ?? 500).json({ error: err.type ?? 'unknown' });
    },
  );
  return app;
}

async function listen(app: express.Express): Promise<{ server: Server; port: number }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}

/** Sends raw bytes (in parts, a tick apart) and reads the answer: status and body. */
async function raw(port: number, parts: Buffer[]): Promise<{ status: number; body: unknown }> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  for (const part of parts) {
    socket.write(part);
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise<void>((resolve) => {
    const check = (): void => {
      const text = Buffer.concat(chunks).toString();
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      if (head >= 0 && length && Buffer.byteLength(text) >= head + 4 + Number(length[1])) resolve();
      else setTimeout(check, 2);
    };
    check();
  });
  socket.destroy();
  const text = Buffer.concat(chunks).toString();
  return {
    status: Number(text.slice(9, 12)),
    body: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as unknown,
  };
}

const request = (type: string, body: Buffer, headers = ''): Buffer =>
  Buffer.concat([
    Buffer.from(
      `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n${headers}\r\n`,
    ),
    body,
  ]);

describe('BodyParserMiddleware', () => {
  const middleware = new BodyParserMiddleware({
    http: { bodyLimit: LIMIT, bodyLimitBytes: 1024 ** 2 },
  } as AppConfig);
  const viaBodyParser = jest.fn();
  // body-parser's own parser, spied on: which requests it was asked to read
  const own = (middleware as unknown as { json: RequestHandler }).json;
  (middleware as unknown as { json: RequestHandler }).json = (req, res, next) => {
    viaBodyParser();
    own(req, res, next);
  };
  let ours: { server: Server; port: number };
  let theirs: { server: Server; port: number };

  beforeAll(async () => {
    ours = await listen(echoApp((req, res, next) => middleware.use(req, res, next)));
    theirs = await listen(echoApp(express.json({ limit: LIMIT })));
  });
  afterAll(() => {
    ours.server.close();
    theirs.server.close();
  });

  const cases: [string, Buffer[]][] = [
    ['an object', [request('application/json', Buffer.from('{"a":"签到","n":1}'))]],
    ['an array', [request('application/json', Buffer.from('[1,2,{"b":null}]'))]],
    ['white space first', [request('application/json', Buffer.from(' \n\t{"a":1}'))]],
    ['a byte-order mark', [request('application/json', Buffer.from('\uFEFF{"a":1}'))]],
    ['UTF-8 said', [request('application/json; charset=utf-8', Buffer.from('{"a":1}'))]],
    ['UTF-8 quoted', [request('Application/JSON;charset="UTF-8"', Buffer.from('{"a":1}'))]],
    ['a string', [request('application/json', Buffer.from('"text"'))]],
    ['a number', [request('application/json', Buffer.from('123'))]],
    ['white space only', [request('application/json', Buffer.from('   '))]],
    ['malformed', [request('application/json', Buffer.from('{"a":'))]],
    [
      'bytes that are not UTF-8',
      [
        request(
          'application/json',
          Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
        ),
      ],
    ],
    [
      'in parts',
      (() => {
        const whole = request('application/json', Buffer.from('{"token":"59966180.abcd","x":[1]}'));
        return [whole.subarray(0, 70), whole.subarray(70, 80), whole.subarray(80)];
      })(),
    ],
    ['empty', [request('application/json', Buffer.alloc(0))]],
    ['another charset', [request('application/json; charset=latin1', Buffer.from('{"a":1}'))]],
  ];

  it.each(cases)('%s: answered as body-parser answers', async (_label, parts) => {
    const expected = await raw(theirs.port, parts);
    expect(await raw(ours.port, parts)).toEqual(expected);
  });

  it('reads a small UTF-8 JSON body itself, and leaves every other body to body-parser', async () => {
    viaBodyParser.mockClear();
    const small = await raw(ours.port, [request('application/json', Buffer.from('{"a":1}'))]);
    expect(small).toEqual({ status: 200, body: { body: { a: 1 }, context: '' } });
    expect(viaBodyParser).not.toHaveBeenCalled();
    const big = Buffer.from(JSON.stringify({ a: 'x'.repeat(70 * 1024) }));
    const large = await raw(ours.port, [request('application/json', big)]);
    expect(large.status).toBe(200);
    await raw(ours.port, [request('application/json; charset=latin1', Buffer.from('{"a":1}'))]);
    expect(viaBodyParser).toHaveBeenCalledTimes(2);
  });

  it("runs the route in the request's async context (what audit entries read)", async () => {
    const whole = request('application/json', Buffer.from('{"a":1}'), 'X-Context: req-7\r\n');
    // the body arrives later than the headers, in its own socket event
    const parts = [whole.subarray(0, whole.length - 3), whole.subarray(whole.length - 3)];
    expect(await raw(ours.port, parts)).toEqual({
      status: 200,
      body: { body: { a: 1 }, context: 'req-7' },
    });
  });

  it('answers a body that ends before its Content-Length with 400 request.aborted', async () => {
    const socket = net.connect(ours.port, '127.0.0.1');
    await once(socket, 'connect');
    const answer: Buffer[] = [];
    socket.on('data', (c: Buffer) => answer.push(c));
    socket.end(
      'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"a":',
    );
    await once(socket, 'close');
    const text = Buffer.concat(answer).toString();
    // the client is gone: whatever reaches it is the parser's 400, never a 200 or a 500
    if (text) expect(text.slice(0, 12)).toBe('HTTP/1.1 400');
    // and the server goes on answering
    expect((await raw(ours.port, [request('application/json', Buffer.from('{}'))])).status).toBe(
      200,
    );
  });
});
