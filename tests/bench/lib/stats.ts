/** Small statistics helpers for the benchmarks: medians and percentiles of samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: number[]): number => percentile(samples, 50);

export function summary(samples: number[]): { n: number; min: number; median: number; max: number } {
  return {
    n: samples.length,
    min: Math.min(...samples),
    median: median(samples),
    max: Math.max(...samples),
  };
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
