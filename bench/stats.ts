// Percentiles computed from every latency kept (autocannon's own summary has no p95).

export type Stats = { n: number; errors: number; p50: number; p95: number; p99: number; max: number; rps: number };

export function stats(latencies: number[], errors: number, seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
  return { n: sorted.length, errors, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN, rps: seconds > 0 ? sorted.length / seconds : NaN };
}
