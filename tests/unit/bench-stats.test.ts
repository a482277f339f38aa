import { describe, expect, it } from 'vitest';
import { LatencyHistogram, percentileOfSorted, round, summarize } from '../../bench/stats.js';

describe('bench statistics', () => {
  it('interpolates percentiles between closest ranks', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileOfSorted(values, 50)).toBe(5.5);
    expect(percentileOfSorted(values, 95)).toBeCloseTo(9.55, 10);
    expect(percentileOfSorted(values, 0)).toBe(1);
    expect(percentileOfSorted(values, 100)).toBe(10);
    expect(percentileOfSorted([], 50)).toBeNaN();
  });

  it('summarizes unsorted values without changing them', () => {
    const values = [30, 10, 20];
    expect(summarize(values)).toEqual({ count: 3, min: 10, median: 20, p95: 29, max: 30, mean: 20 });
    expect(values).toEqual([30, 10, 20]);
  });

  it('reads percentiles from the latency histogram at 10 µs resolution', () => {
    const histogram = new LatencyHistogram();
    for (let ms = 1; ms <= 100; ms += 1) histogram.record(ms);
    const summary = histogram.summary();
    expect(summary.count).toBe(100);
    expect(summary.min).toBe(1);
    expect(summary.max).toBe(100);
    expect(summary.median).toBeCloseTo(50, 1);
    expect(summary.p95).toBeCloseTo(95, 1);
    expect(summary.mean).toBeCloseTo(50.5, 10);
  });

  it('counts requests at or over a threshold, including ones beyond the histogram range', () => {
    const histogram = new LatencyHistogram();
    [1, 39.99, 40, 41, 20_000].forEach((ms) => histogram.record(ms));
    expect(histogram.countAtLeast(40)).toBe(3);
    expect(histogram.percentile(100)).toBe(20_000);
  });

  it('rounds to three significant digits for display', () => {
    expect(round(1234.567)).toBe(1235);
    expect(round(12.3456)).toBe(12.3);
    expect(round(0.012345)).toBe(0.0123);
  });
});
