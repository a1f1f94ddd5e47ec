// Shared numbers for benchmarks: medians and percentiles over repeated runs.
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summary(
  values: number[],
  digits = 3,
): { median: number; p90: number; min: number; max: number; n: number } {
  const round = (x: number) => Number(x.toFixed(digits));
  return {
    median: round(percentile(values, 50)),
    p90: round(percentile(values, 90)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    n: values.length,
  };
}
