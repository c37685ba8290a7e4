// One small HTTP server per web app: serves the built app (with SPA fallback to index.html)
// and proxies /api/<service>/… to that service, as nginx does in the docker-compose setup.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * @param {{ appDir: string, services: Record<string, number>, port: number, host?: string }} options
 * @returns {Promise<{ server: http.Server, port: number, close(): Promise<void> }>}
 */
export function startGateway({ appDir, services, port, host = '127.0.0.1' }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const match = /^\/api\/([a-z]+)(\/|$)/.exec(url.pathname);
    if (match) {
      const target = services[match[1]];
      if (!target) return sendJson(res, 404, { code: 'NOT_FOUND', message: `no service named ${match[1]}` });
      return proxy(req, res, target);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'static files are read-only' });
    }
    serveStatic(appDir, url.pathname, req, res);
  });
  // Keep-alive sockets would hold close() open for their idle timeout.
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        server,
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}

// Reused upstream connections: a new TCP connection per proxied request costs more than the request.
// `timeout` lets the agent honour the services' "Keep-Alive: timeout=5" hint: an idle socket is
// dropped a second before the service would close it, instead of being picked for a request just
// as the close arrives (which answered a browser's GET with a 502).
const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 128, timeout: 60_000 });

function proxy(req, res, targetPort, retried = false) {
  const headers = {
    ...req.headers,
    'x-forwarded-for': req.socket.remoteAddress ?? '',
    'x-forwarded-proto': 'http',
  };
  const upstream = http.request(
    { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers, agent: upstreamAgent },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    // A kept-alive socket the service closed while this request was being sent on it: nothing
    // reached the service, so a GET or HEAD (no body to send again) goes once more on a new one.
    const bodiless = req.method === 'GET' || req.method === 'HEAD';
    if (!retried && bodiless && upstream.reusedSocket && !res.headersSent && isConnectionReset(error))
      return proxy(req, res, targetPort, true);
    if (!res.headersSent)
      sendJson(res, 502, {
        code: 'SERVICE_UNAVAILABLE',
        message: '服务暂时不可用 / The service is not answering',
      });
    else res.destroy();
  });
  if (req.method === 'GET' || req.method === 'HEAD') upstream.end();
  else req.pipe(upstream);
}

const isConnectionReset = (error) =>
  error?.code === 'ECONNRESET' || error?.code === 'EPIPE' || /socket hang up/.test(error?.message ?? '');

function serveStatic(appDir, pathname, req, res) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendJson(res, 400, { code: 'BAD_REQUEST', message: 'malformed path' });
  }
  const file = path.join(appDir, path.normalize(decoded).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(appDir)) return sendJson(res, 403, { code: 'FORBIDDEN', message: 'outside the app' });
  fs.stat(file, (err, st) => {
    if (!err && st.isFile()) return sendFile(file, req, res, /\/assets\//.test(file));
    // Unknown paths without an extension are client-side routes: hand them to the SPA.
    if (path.extname(decoded))
      return sendJson(res, 404, { code: 'NOT_FOUND', message: `no file ${decoded}` });
    sendFile(path.join(appDir, 'index.html'), req, res, false);
  });
}

function sendFile(file, req, res, immutable) {
  fs.readFile(file, (err, data) => {
    if (err)
      return sendJson(res, 404, { code: 'NOT_FOUND', message: 'the app is not built (run npm start again)' });
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': data.length,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  });
}

function sendJson(res, status, body) {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': data.length });
  res.end(data);
}
