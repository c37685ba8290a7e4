// Helpers shared by the benchmarks: latency percentiles and a bounded closed-loop load.

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Rounds to 0.1 for printing; figures stay numbers in the JSON. */
export const round1 = (n) => Math.round(n * 10) / 10;

/**
 * Runs `task(i)` from `concurrency` workers until `total` tasks are done or `maxMs` passes
 * (bounded in count and time). Returns each task's latency in ms and the wall time.
 */
export async function closedLoop({ concurrency, total, maxMs = 60_000, task }) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await task(i);
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, failures, wallMs: performance.now() - started };
}
