import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Controls a PostgreSQL server in a child process (test/support/embedded-pg-process.ts). */
export class ControlledPostgres {
  private out = '';
  private consumed = 0;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (c: Buffer) => (this.out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (this.out += c.toString()));
  }

  static async start(port: number, dataDir: string): Promise<ControlledPostgres> {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'test/support/embedded-pg-process.ts', String(port), dataDir],
      { cwd: resolve(__dirname, '../..'), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const pg = new ControlledPostgres(child);
    await pg.waitFor('ready', 90_000);
    return pg;
  }

  async stop(): Promise<void> {
    this.child.stdin!.write('stop\n');
    await this.waitFor('stopped', 30_000);
  }

  async restart(): Promise<void> {
    this.child.stdin!.write('start\n');
    await this.waitFor('ready', 30_000);
  }

  async exit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.write('exit\n');
    await gone;
  }

  /** Waits for the next output line starting with `word` after those already consumed. */
  private async waitFor(word: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const lines = this.out.split('\n');
      const idx = lines.findIndex((l, i) => i >= this.consumed && l.startsWith(word));
      if (idx >= 0) {
        this.consumed = idx + 1;
        return;
      }
      if (this.child.exitCode !== null) throw new Error(`postgres process exited:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`postgres: no "${word}" within ${timeoutMs} ms:\n${this.out}`);
  }
}
