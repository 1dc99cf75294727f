/**
 * Writes per API key: a token bucket of `burst` writes that refills at `perMinute`. Kept in the
 * process: with several instances, each allows its share (the limit protects the database from a
 * runaway script, it is not an accounting of quotas).
 */
export class WriteLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute = 120,
    private readonly burst = 60,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one write for `key`; 0 when allowed, else the seconds until the next one is. */
  take(key: string): number {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }
}
