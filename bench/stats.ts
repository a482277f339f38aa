/** Summary statistics over repeated measurements (pure; unit-tested in tests/unit/bench-stats.test.ts). */

export interface Summary {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

/**
 * The p-th percentile (0..100) of sorted values by linear interpolation between closest ranks
 * (the method of numpy's default and of most spreadsheet PERCENTILE functions).
 */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  if (p >= 100) return sorted[sorted.length - 1]!;
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const fraction = rank - lower;
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * fraction;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    min: sorted.length ? sorted[0]! : Number.NaN,
    median: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/**
 * Latencies recorded in a fixed-size histogram of 10 µs buckets up to 10 s, so a 32-client run
 * of many thousand requests keeps memory flat; percentiles come out at 10 µs resolution.
 */
export class LatencyHistogram {
  private static readonly BUCKET_MS = 0.01;
  private readonly buckets = new Uint32Array(1_000_000);
  private overflow: number[] = [];
  count = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;
  private sum = 0;

  record(ms: number): void {
    this.count += 1;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
    const bucket = Math.floor(ms / LatencyHistogram.BUCKET_MS);
    if (bucket < this.buckets.length) this.buckets[bucket]! += 1;
    else this.overflow.push(ms);
  }

  /** Upper edge of the bucket holding the p-th percentile (nearest-rank). */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i += 1) {
      seen += this.buckets[i]!;
      if (seen >= rank) return Math.min((i + 1) * LatencyHistogram.BUCKET_MS, this.max);
    }
    const sortedOverflow = [...this.overflow].sort((a, b) => a - b);
    return sortedOverflow[rank - seen - 1] ?? this.max;
  }

  summary(): Summary {
    return {
      count: this.count,
      min: this.count ? this.min : Number.NaN,
      median: this.percentile(50),
      p95: this.percentile(95),
      max: this.count ? this.max : Number.NaN,
      mean: this.count ? this.sum / this.count : Number.NaN,
    };
  }

  /** How many recorded values are at or above `ms` (e.g. the 40 ms Nagle stall). */
  countAtLeast(ms: number): number {
    let total = this.overflow.filter((value) => value >= ms).length;
    const first = Math.floor(ms / LatencyHistogram.BUCKET_MS);
    for (let i = first; i < this.buckets.length; i += 1) total += this.buckets[i]!;
    return total;
  }
}

/** Rounds for display: 3 significant digits, never scientific notation. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return Number(value.toFixed(decimals));
}
