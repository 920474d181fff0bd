import net from 'node:net';

/** One answer of the API as the bench client saw it: status, parsed body, latency in ms. */
export interface Reply {
  status: number;
  body: unknown;
  ms: number;
}

interface Request {
  bytes: Buffer;
  t0: bigint;
  done: (r: Reply) => void;
  fail: (e: Error) => void;
}

/** A keep-alive connection that carries one request at a time. */
interface Conn {
  socket: net.Socket;
  /** What has arrived of the current answer. */
  buf: Buffer;
  current: Request | null;
  state: 'connecting' | 'open' | 'closing' | 'gone';
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * The benches' HTTP client for an API started as its own process: keep-alive connections, JSON
 * in and out, and the latency of each request measured from the moment it was asked for
 * (a wait for a free connection included).
 *
 * A load generator of its own, like wrk or autocannon, on `node:net`: each request is written as
 * one buffer and each answer read by its Content-Length (or its chunks), without node:http's
 * parser, agent and events. The benches run it on the same two cores as the API and PostgreSQL,
 * so the less CPU it takes per request, the less it takes from what it measures.
 */
export class BenchClient {
  private conns: Conn[] = [];
  private idle: Conn[] = [];
  private waiting: Request[] = [];
  private connecting = 0;

  constructor(
    private readonly port: number,
    private sockets: number,
  ) {}

  call(method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    let head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\n`;
    if (token) head += `Authorization: Bearer ${token}\r\n`;
    head += payload
      ? `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n`
      : method === 'GET' || method === 'HEAD'
        ? '\r\n'
        : 'Content-Length: 0\r\n\r\n';
    const bytes = payload
      ? Buffer.concat([Buffer.from(head, 'latin1'), payload])
      : Buffer.from(head, 'latin1');
    const t0 = process.hrtime.bigint();
    return new Promise<Reply>((done, fail) => {
      const req: Request = { bytes, t0, done, fail };
      const conn = this.idle.pop();
      if (conn) this.send(conn, req);
      else {
        this.waiting.push(req);
        if (this.conns.length + this.connecting < this.sockets) this.connect();
      }
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
   * Opens `n` fresh keep-alive connections (as clients that are already connected), at most
   * `sockets` from now on. Old ones are dropped first: the server closes a connection idle for
   * 5 s, and a request sent on one it is closing would fail.
   */
  async openConnections(n: number, sockets = this.sockets): Promise<void> {
    this.close();
    this.sockets = sockets;
    await Promise.all(Array.from({ length: n }, () => this.call('GET', '/api/health')));
  }

  close(): void {
    for (const c of this.conns) {
      c.state = 'gone';
      c.current?.fail(new Error('the client closed the connection'));
      c.socket.destroy();
    }
    this.conns = [];
    this.idle = [];
  }

  private connect(): void {
    this.connecting++;
    const socket = net.connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    const conn: Conn = { socket, buf: Buffer.alloc(0), current: null, state: 'connecting' };
    socket.once('connect', () => {
      this.connecting--;
      conn.state = 'open';
      this.conns.push(conn);
      this.release(conn);
    });
    socket.on('data', (chunk: Buffer) => this.receive(conn, chunk));
    const gone = (err?: Error): void => {
      const was = conn.state;
      conn.state = 'gone';
      if (was === 'connecting') {
        // never connected: when no other connection is left, the waiting requests fail with it
        this.connecting--;
        if (this.conns.length + this.connecting === 0) {
          for (const r of this.waiting.splice(0))
            r.fail(err ?? new Error('could not connect to the API'));
        }
        return;
      }
      if (was === 'gone') return;
      this.drop(conn);
      conn.current?.fail(err ?? new Error('the server closed the connection'));
      conn.current = null;
      this.refill();
    };
    socket.on('error', gone);
    socket.on('close', () => gone());
  }

  private drop(conn: Conn): void {
    const i = this.conns.indexOf(conn);
    if (i >= 0) this.conns.splice(i, 1);
    const j = this.idle.indexOf(conn);
    if (j >= 0) this.idle.splice(j, 1);
  }

  /** A connection for requests that wait while there are fewer than `sockets`. */
  private refill(): void {
    if (this.waiting.length > 0 && this.conns.length + this.connecting < this.sockets)
      this.connect();
  }

  private send(conn: Conn, req: Request): void {
    conn.current = req;
    conn.socket.write(req.bytes);
  }

  /** A connection is free: the next waiting request, or the idle list. */
  private release(conn: Conn): void {
    if (conn.state !== 'open') {
      // the server said it closes this connection: the next request takes a new one
      conn.state = 'gone';
      this.drop(conn);
      conn.socket.destroy();
      this.refill();
      return;
    }
    const next = this.waiting.shift();
    if (next) this.send(conn, next);
    else this.idle.push(conn);
  }

  private receive(conn: Conn, chunk: Buffer): void {
    conn.buf = conn.buf.length === 0 ? chunk : Buffer.concat([conn.buf, chunk]);
    const req = conn.current;
    if (!req) return;
    const headEnd = conn.buf.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = conn.buf.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body: Buffer;
    let used: number;
    if (length) {
      used = headEnd + 4 + Number(length[1]);
      if (conn.buf.length < used) return;
      body = conn.buf.subarray(headEnd + 4, used);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const chunked = readChunked(conn.buf, headEnd + 4);
      if (!chunked) return;
      [body, used] = chunked;
    } else {
      // 204 / 304: no body
      body = Buffer.alloc(0);
      used = headEnd + 4;
    }
    conn.buf = conn.buf.subarray(used);
    if (/\r\nconnection:\s*close/i.test(head)) conn.state = 'closing';
    conn.current = null;
    const text = body.toString();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    const ms = Number(process.hrtime.bigint() - req.t0) / 1e6;
    this.release(conn);
    req.done({ status, body: parsed, ms });
  }
}

/** A chunked body that has fully arrived: [body, bytes used up to its end], or null. */
function readChunked(buf: Buffer, from: number): [Buffer, number] | null {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (size === 0) {
      // the last chunk: its line and one empty line (the API sends no trailers)
      if (buf.length < lineEnd + 4) return null;
      return [Buffer.concat(parts), lineEnd + 4];
    }
    if (buf.length < lineEnd + 2 + size + 2) return null;
    parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
