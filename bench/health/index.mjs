// Readiness checks through the admin app's gateway: the cost of the smallest round trip that
// touches a service and its database, as the baseline for every other benchmark.
import { closedLoop, percentile, round1 } from '../lib.mjs';

export async function run({ startStack, log }) {
  const { urls } = await startStack();
  const figures = {};
  for (const service of ['registry', 'ledger', 'market', 'dividends']) {
    const url = `${urls.admin}/api/${service}/health`;
    log(`health of ${service}: 2,000 requests from 16 clients`);
    const { latencies, failures, wallMs } = await closedLoop({
      concurrency: 16,
      total: 2_000,
      task: async () => {
        const res = await fetch(url);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
      },
    });
    figures[`${service}_health_p50_ms`] = round1(percentile(latencies, 50));
    figures[`${service}_health_p99_ms`] = round1(percentile(latencies, 99));
    figures[`${service}_health_per_s`] = Math.round((latencies.length / wallMs) * 1000);
    figures[`${service}_health_failures`] = failures;
  }
  return figures;
}
