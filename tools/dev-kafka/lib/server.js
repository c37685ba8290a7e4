// @ts-check
'use strict';

/**
 * TCP server: frames requests (int32 size prefix), parses request headers, dispatches to the
 * API handlers and writes responses. Like Kafka, each connection is served strictly in order
 * (one request at a time), so responses always come back in request order.
 *
 * Nothing a client sends may crash the broker: oversized or malformed frames close that one
 * connection, unsupported API keys/versions get an UNSUPPORTED_VERSION response.
 */

const net = require('node:net');
const { Reader, Writer, ProtocolError } = require('./codec');
const { ErrorCode } = require('./errors');
const { DataStore } = require('./storage');
const { GroupCoordinator } = require('./groups');
const { APIS, requestHeaderFlexible, responseHeaderFlexible, apiVersionsFallback } = require('./api');

const LEVELS = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };
const MAX_QUEUED = 64;

/**
 * @typedef {keyof typeof LEVELS} LogLevel
 * @typedef {{ error: (m: string) => void, warn: (m: string) => void, info: (m: string) => void, debug: (m: string) => void }} Logger
 *
 * @typedef {object} BrokerOptions
 * @property {number} [port] TCP port, 0 for a random free port (default 9092)
 * @property {string} [host] interface to listen on (default 127.0.0.1)
 * @property {string} [advertisedHost] host name put in Metadata (default: host, or localhost for 0.0.0.0/::)
 * @property {string} [dataDir] directory for durable storage; without it (or with inMemory) nothing is written to disk
 * @property {boolean} [inMemory] keep everything in memory even if dataDir is set
 * @property {'always' | 'interval' | 'never'} [fsync] when to fsync logs and offsets (default interval)
 * @property {number} [fsyncIntervalMs] period for fsync=interval (default 1000)
 * @property {number} [defaultPartitions] partitions of auto-created topics (default 1)
 * @property {boolean} [autoCreateTopics] create unknown topics on Metadata/Produce (default true)
 * @property {number} [maxRequestBytes] largest accepted request frame (default 100 MiB)
 * @property {number} [idleTimeoutMs] close connections idle for this long (default 10 min)
 * @property {number} [minSessionTimeoutMs] smallest accepted consumer session timeout (default 100)
 * @property {number} [initialRebalanceDelayMs] wait for more members when a group forms (default 0)
 * @property {LogLevel} [logLevel] default warn
 * @property {(level: string, message: string) => void} [logger] log sink (default: stderr)
 *
 * @typedef {object} Broker
 * @property {string} host
 * @property {number} port
 * @property {string} brokers "host:port", ready for KAFKA_BROKERS / kafkajs `brokers`
 * @property {() => Promise<void>} stop closes connections, flushes and closes the storage
 */

/** @param {LogLevel} level @param {BrokerOptions['logger']} sink @returns {Logger} */
function makeLogger(level, sink) {
  const max = LEVELS[level] ?? LEVELS.warn;
  const out =
    sink ??
    ((lvl, msg) =>
      process.stderr.write(`${new Date().toISOString()} dev-kafka ${lvl.toUpperCase()} ${msg}\n`));
  /** @param {LogLevel} lvl */
  const at = (lvl) => (LEVELS[lvl] <= max ? (/** @type {string} */ m) => out(lvl, m) : () => {});
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

class Connection {
  /**
   * @param {net.Socket} socket
   * @param {{ storage: DataStore, groups: GroupCoordinator, node: import('./api').Ctx['node'], log: Logger, maxRequestBytes: number }} broker
   */
  constructor(socket, broker) {
    this.socket = socket;
    this.broker = broker;
    this.peer = `${socket.remoteAddress}:${socket.remotePort}`;
    /** @type {Buffer[]} */
    this.chunks = [];
    this.buffered = 0;
    this.need = -1;
    /** @type {Buffer[]} */
    this.queue = [];
    this.busy = false;
    this.closed = false;
    /** @type {Set<() => void>} */
    this.closeHandlers = new Set();
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', (e) => broker.log.debug(`${this.peer}: socket error ${e.message}`));
    socket.on('close', () => this.onClose());
  }

  /** @param {Buffer} chunk */
  onData(chunk) {
    try {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      for (;;) {
        if (this.need < 0) {
          if (this.buffered < 4) break;
          const size = this.take(4).readInt32BE(0);
          if (size < 8 || size > this.broker.maxRequestBytes) {
            return this.abort(`invalid request size ${size} (limit ${this.broker.maxRequestBytes} bytes)`);
          }
          this.need = size;
        }
        if (this.buffered < this.need) break;
        this.queue.push(this.take(this.need));
        this.need = -1;
      }
      if (this.queue.length > MAX_QUEUED) this.socket.pause();
      void this.pump();
    } catch (e) {
      this.abort(`framing error: ${/** @type {Error} */ (e).message}`);
    }
  }

  /** @param {number} n @returns {Buffer} */
  take(n) {
    this.buffered -= n;
    const head = this.chunks[0];
    if (head.length >= n) {
      const out = head.subarray(0, n);
      if (head.length === n) this.chunks.shift();
      else this.chunks[0] = head.subarray(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let o = 0;
    while (o < n) {
      const c = this.chunks[0];
      const k = Math.min(c.length, n - o);
      c.copy(out, o, 0, k);
      o += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    return out;
  }

  async pump() {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length && !this.closed) {
        const frame = /** @type {Buffer} */ (this.queue.shift());
        if (this.queue.length < MAX_QUEUED / 2 && this.socket.isPaused()) this.socket.resume();
        await this.handle(frame);
      }
    } catch (e) {
      this.abort(`internal error: ${/** @type {Error} */ (e).stack}`, 'error');
    } finally {
      this.busy = false;
    }
  }

  /** @param {Buffer} frame */
  async handle(frame) {
    const r = new Reader(frame);
    const apiKey = r.int16();
    const version = r.int16();
    const correlationId = r.int32();
    const api = APIS[apiKey];
    const flexibleResponse = responseHeaderFlexible(apiKey, version);
    if (!api || version < api.min || version > api.max) {
      this.broker.log.warn(
        `${this.peer}: unsupported ${api ? api.name : `API key ${apiKey}`} v${version}, answering UNSUPPORTED_VERSION`,
      );
      const body = apiKey === 18 ? apiVersionsFallback() : new Writer().int16(ErrorCode.UNSUPPORTED_VERSION);
      this.send(correlationId, flexibleResponse, body);
      return;
    }
    let clientId = '';
    try {
      clientId = r.string() ?? '';
      if (requestHeaderFlexible(apiKey, version)) r.taggedFields();
      /** @type {import('./api').Ctx} */
      const ctx = {
        storage: this.broker.storage,
        groups: this.broker.groups,
        node: this.broker.node,
        log: this.broker.log,
        clientId,
        clientHost: `/${this.socket.remoteAddress}`,
        onClose: (fn) => {
          if (this.closed) queueMicrotask(fn);
          else this.closeHandlers.add(fn);
          return () => this.closeHandlers.delete(fn);
        },
      };
      this.broker.log.debug(`${this.peer} ${clientId}: ${api.name} v${version} #${correlationId}`);
      const body = await api.handle(r, version, ctx);
      if (body) this.send(correlationId, flexibleResponse, body);
    } catch (e) {
      const err = /** @type {Error} */ (e);
      if (err instanceof ProtocolError || err instanceof RangeError) {
        this.abort(`malformed ${api.name} v${version} request from ${clientId || 'client'}: ${err.message}`);
      } else {
        this.abort(`internal error handling ${api.name} v${version}: ${err.stack}`, 'error');
      }
    }
  }

  /** @param {number} correlationId @param {boolean} flexible @param {Writer} body */
  send(correlationId, flexible, body) {
    if (this.closed) return;
    const parts = body.buffers();
    const header = Buffer.alloc(flexible ? 9 : 8);
    header.writeInt32BE(4 + (flexible ? 1 : 0) + body.length, 0);
    header.writeInt32BE(correlationId, 4);
    this.socket.cork();
    this.socket.write(header);
    for (const p of parts) this.socket.write(p);
    this.socket.uncork();
  }

  /** @param {string} reason @param {'error' | 'warn' | 'debug'} [level] */
  abort(reason, level = 'warn') {
    if (this.closed) return;
    this.broker.log[level](`${this.peer}: closing connection: ${reason}`);
    this.socket.destroy();
    this.onClose();
  }

  onClose() {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.chunks = [];
    for (const fn of [...this.closeHandlers]) fn();
    this.closeHandlers.clear();
  }
}

/**
 * Starts a broker and resolves once it is listening.
 * @param {BrokerOptions} [options]
 * @returns {Promise<Broker>}
 */
async function startBroker(options = {}) {
  const log = makeLogger(options.logLevel ?? 'warn', options.logger);
  const host = options.host ?? '127.0.0.1';
  const fsync = options.fsync ?? 'interval';
  if (!['always', 'interval', 'never'].includes(fsync)) throw new Error(`invalid fsync policy ${fsync}`);
  const storage = new DataStore({
    dataDir: options.inMemory ? null : (options.dataDir ?? null),
    fsync,
    fsyncIntervalMs: options.fsyncIntervalMs ?? 1000,
    defaultPartitions: options.defaultPartitions ?? 1,
    autoCreateTopics: options.autoCreateTopics ?? true,
    log,
  });
  const groups = new GroupCoordinator({
    storage,
    log,
    minSessionTimeoutMs: options.minSessionTimeoutMs,
    initialRebalanceDelayMs: options.initialRebalanceDelayMs,
  });
  const advertisedHost = options.advertisedHost ?? (host === '0.0.0.0' || host === '::' ? 'localhost' : host);
  const node = { nodeId: 0, host: advertisedHost, port: 0, clusterId: 'dev-kafka' };
  const shared = {
    storage,
    groups,
    node,
    log,
    maxRequestBytes: options.maxRequestBytes ?? 100 * 1024 * 1024,
  };
  /** @type {Set<Connection>} */
  const connections = new Set();
  const server = net.createServer((socket) => {
    const conn = new Connection(socket, shared);
    connections.add(conn);
    socket.setTimeout(options.idleTimeoutMs ?? 10 * 60 * 1000, () => conn.abort('idle timeout'));
    socket.on('close', () => connections.delete(conn));
  });
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 9092, host, () => resolve(undefined));
    });
  } catch (e) {
    groups.close();
    storage.close();
    throw e;
  }
  server.on('error', (e) => log.error(`server error: ${e.message}`));
  node.port = /** @type {net.AddressInfo} */ (server.address()).port;

  /** @type {Promise<void> | null} */
  let stopping = null;
  const stop = () => {
    stopping ??= new Promise((resolve) => {
      server.close(() => resolve());
      for (const c of connections) c.abort('broker stopping', 'debug');
      groups.close();
      storage.close();
    });
    return stopping;
  };
  return { host: advertisedHost, port: node.port, brokers: `${advertisedHost}:${node.port}`, stop };
}

module.exports = { startBroker, makeLogger };
