import type { Express, Request, Response } from 'express';
import { once } from 'node:events';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrototypedExpressAdapter } from './express-adapter';

describe('PrototypedExpressAdapter', () => {
  it("builds requests and responses that already have express's prototypes", async () => {
    const adapter = new PrototypedExpressAdapter();
    adapter.initHttpServer({});
    const app = adapter.getInstance<Express>();
    const server = adapter.getHttpServer() as http.Server;
    const seen: Record<string, unknown> = {};
    // before express's own handler: what node built
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      seen.requestBuilt = Object.getPrototypeOf(req) === app.request;
      seen.responseBuilt = Object.getPrototypeOf(res) === app.response;
    });
    app.post('/echo/:id', (req: Request, res: Response) => {
      seen.isNodeRequest = req instanceof IncomingMessage;
      seen.isNodeResponse = res instanceof ServerResponse;
      seen.app = req.app === app && res.app === app;
      seen.param = req.params.id;
      seen.header = req.get('x-probe');
      seen.query = req.query.q;
      res.status(201).json({ ok: true });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/echo/7?q=a`, {
        method: 'POST',
        headers: { 'x-probe': 'yes' },
      });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await answer.json()).toEqual({ ok: true });
      expect(seen).toEqual({
        requestBuilt: true,
        responseBuilt: true,
        isNodeRequest: true,
        isNodeResponse: true,
        app: true,
        param: '7',
        header: 'yes',
        query: 'a',
      });
    } finally {
      server.close();
    }
  });
});
