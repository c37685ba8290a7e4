import * as fs from 'node:fs';

/** Stops the server the global setup started and removes its throwaway cluster. */
export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__FUPIN_PG__;
  if (!started) return;
  await started.server.stop();
  fs.rmSync(started.dir, { recursive: true, force: true });
  globalThis.__FUPIN_PG__ = undefined;
}
