import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/rate-limit.js';

/** The per-client token bucket of src/server/rate-limit.ts, on a clock the test moves. */
describe('RateLimiter', () => {
  it('lets a burst of perMinute through, then refills evenly over the minute', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 100, () => now);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1); // one token a second: retry in 1 s
    now += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0); // another client has its own bucket
  });

  it('says how long to wait when the rate is slow', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 100, () => now);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(30);
    now += 30_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('keeps its table bounded under a flood of new clients, forgetting idle ones first', () => {
    const limiter = new RateLimiter(10, 3, () => 0);
    for (let i = 0; i < 10; i += 1) limiter.take('busy');
    expect(limiter.take('busy')).toBeGreaterThan(0);
    for (let i = 0; i < 1000; i += 1) limiter.take(`flood-${i}`);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(3);
  });
});
