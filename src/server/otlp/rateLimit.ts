// Requests per client address in a sliding minute for the OTLP routes: an agent exports every few seconds
// to a minute, so a sender past the limit is misconfigured or hostile and gets 429 with Retry-After (which
// OTLP exporters honour), before its body is read.
export class RateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly maxAddresses = 10_000,
  ) {}

  /** Records a request; returns the seconds to wait when the address is over the limit, else 0. */
  take(address: string, now = Date.now()): number {
    const recent = (this.hits.get(address) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.perMinute) return Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000));
    recent.push(now);
    this.hits.delete(address);
    this.hits.set(address, recent);
    if (this.hits.size > this.maxAddresses) this.hits.delete(this.hits.keys().next().value as string);
    return 0;
  }
}
