/**
 * A fixed-window request counter per client address, in the process's memory: enough to keep
 * a public page from being hammered (each API instance counts its own share). Windows that
 * have passed are dropped as new ones open, so the map stays as small as the active clients.
 */
export class AddressLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a request; false when the address has used up its window. */
  take(address: string, now = Date.now()): boolean {
    const w = Math.floor(now / this.windowMs);
    if (w !== this.window) {
      this.window = w;
      this.counts = new Map();
    }
    const n = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, n);
    return n <= this.limit;
  }
}
