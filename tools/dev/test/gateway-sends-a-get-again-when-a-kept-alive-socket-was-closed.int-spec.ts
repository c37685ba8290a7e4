/**
 * The gateway keeps connections to the services open between requests. A service closes an idle
 * one after its keep-alive timeout, and a request sent on it just then is lost (the browser saw
 * a 502 for a GET in a CI run). The gateway sends such a GET or HEAD once more on a new
 * connection; a POST, which the service may have acted on, is never sent twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';

/** A service that answers on a kept-alive connection, then drops that connection at its next request. */
function startFlakyService() {
  const seen: Array<{ connection: number; line: string }> = [];
  let connections = 0;
  const server = net.createServer((socket) => {
    const connection = ++connections;
    let answered = 0;
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n\r\n')) >= 0) {
        const head = buffered.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.slice(end + 4 + length);
        seen.push({ connection, line: head.split('\r\n')[0]! });
        if (answered++ > 0) {
          socket.destroy(); // the idle close arriving as the request does
          return;
        }
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nok',
        );
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise<{ port: number; seen: typeof seen; close(): void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        seen,
        close: () => server.close(),
      }),
    ),
  );
}

/** The gateway in a process of its own (it is an ES module), proxying /api/flaky/… to `port`. */
function startGatewayProcess(port: number): Promise<{ url: string; child: ChildProcess }> {
  const gateway = path.resolve(__dirname, '../gateway.mjs');
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { startGateway } from ${JSON.stringify(gateway)};
       const g = await startGateway({ appDir: process.cwd(), services: { flaky: ${port} }, port: 0 });
       console.log('PORT ' + g.port);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout!.on('data', (chunk: Buffer) => {
      const found = /PORT (\d+)/.exec(chunk.toString());
      if (found) resolve({ url: `http://127.0.0.1:${found[1]}`, child });
    });
  });
}

describe('the dev gateway and kept-alive connections to a service', () => {
  let service: Awaited<ReturnType<typeof startFlakyService>>;
  let gateway: Awaited<ReturnType<typeof startGatewayProcess>>;

  beforeEach(async () => {
    service = await startFlakyService();
    gateway = await startGatewayProcess(service.port);
  });
  afterEach(() => {
    gateway.child.kill();
    service.close();
  });

  it('sends a GET again on a new connection when the kept-alive one is closed under it', async () => {
    const first = await fetch(`${gateway.url}/api/flaky/regions/411322`);
    expect([first.status, await first.text()]).toEqual([200, 'ok']);
    const second = await fetch(`${gateway.url}/api/flaky/regions/411322`);
    expect([second.status, await second.text()]).toEqual([200, 'ok']);
    expect(service.seen).toEqual([
      { connection: 1, line: 'GET /api/flaky/regions/411322 HTTP/1.1' },
      { connection: 1, line: 'GET /api/flaky/regions/411322 HTTP/1.1' },
      { connection: 2, line: 'GET /api/flaky/regions/411322 HTTP/1.1' },
    ]);
  });

  it('answers 502 for a POST on such a connection, and does not send it twice', async () => {
    expect((await fetch(`${gateway.url}/api/flaky/warm-up`)).status).toBe(200);
    const posted = await fetch(`${gateway.url}/api/flaky/payouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amountFen: 100 }),
    });
    expect(posted.status).toBe(502);
    expect(await posted.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(service.seen.filter((s) => s.line.startsWith('POST'))).toHaveLength(1);
  });
});
