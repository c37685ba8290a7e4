// Docker health check for a service container. The slim Node image has no curl or wget, so Node
// itself asks the service's health endpoint. 127.0.0.1 rather than localhost: Node may try ::1
// first, and a service bound to IPv4 only would then look dead.
const DEFAULT_PORTS = { registry: 3001, ledger: 3002, market: 3003, dividends: 3004 };

const service = process.env.SERVICE;
const port = process.env.PORT || DEFAULT_PORTS[service];

try {
  const response = await fetch(`http://127.0.0.1:${port}/api/${service}/health`, {
    signal: AbortSignal.timeout(4000),
  });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
