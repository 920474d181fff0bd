import http from 'node:http';

/** One answer of the API as the bench client saw it: status, parsed body, latency in ms. */
export interface Reply {
  status: number;
  body: unknown;
  ms: number;
}

/**
 * The benches' HTTP client for an API started as its own process: keep-alive sockets on one
 * agent, JSON in and out, and the latency of each request measured from before it is sent.
 */
export class BenchClient {
  private agent: http.Agent;

  constructor(
    private readonly port: number,
    private readonly sockets: number,
  ) {
    this.agent = BenchClient.newAgent(sockets);
  }

  private static newAgent(sockets: number): http.Agent {
    return new http.Agent({
      keepAlive: true,
      keepAliveMsecs: 30_000,
      maxSockets: sockets,
      maxFreeSockets: sockets,
    });
  }

  call(method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const t0 = process.hrtime.bigint();
    return new Promise((done, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': payload.length }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              /* not JSON */
            }
            const ms = Number(process.hrtime.bigint() - t0) / 1e6;
            done({ status: res.statusCode ?? 0, body: parsed, ms });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The reply, or an error naming `what` when its status is not `status`. */
  async expectStatus(p: Promise<Reply>, status: number, what: string): Promise<Reply> {
    const r = await p;
    if (r.status !== status)
      throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
    return r;
  }

  /**
   * Opens `n` fresh keep-alive connections (as clients that are already connected), on an agent
   * of `sockets` sockets. Old ones are dropped first: the server closes a connection idle for
   * 5 s, and a request sent on one it is closing would fail.
   */
  async openConnections(n: number, sockets = this.sockets): Promise<void> {
    this.agent.destroy();
    this.agent = BenchClient.newAgent(sockets);
    await Promise.all(Array.from({ length: n }, () => this.call('GET', '/api/health')));
  }

  close(): void {
    this.agent.destroy();
  }
}
