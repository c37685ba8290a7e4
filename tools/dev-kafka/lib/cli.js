// @ts-check
'use strict';

/** Command line: `node tools/dev-kafka [options]`. */

const path = require('node:path');
const { startBroker } = require('./server');

const USAGE = `Usage: node tools/dev-kafka [options]

A single-node development broker speaking the Kafka wire protocol.

  --port N                 TCP port (default 9092, 0 = random)
  --host H                 interface to listen on (default 127.0.0.1)
  --advertised-host H      host name announced to clients (default: --host)
  --data-dir DIR           durable storage directory (default .data/kafka)
  --in-memory              keep everything in memory (nothing survives a restart)
  --partitions N           partitions of auto-created topics (default 1)
  --fsync POLICY           always | interval | never (default interval)
  --fsync-interval-ms N    fsync period for --fsync interval (default 1000)
  --max-request-bytes N    largest accepted request (default 104857600)
  --no-auto-create-topics  do not create unknown topics on metadata/produce
  --log-level L            silent | error | warn | info | debug (default info)
  -h, --help               show this help
`;

/**
 * @param {string[]} argv
 * @returns {import('./server').BrokerOptions & { help?: boolean }}
 */
function parseArgs(argv) {
  /** @type {import('./server').BrokerOptions & { help?: boolean }} */
  const o = { port: 9092, dataDir: '.data/kafka', logLevel: 'info' };
  for (let i = 0; i < argv.length; i++) {
    let [flag, value] = argv[i].split(/=(.*)/s, 2);
    const next = () => {
      if (value === undefined) value = argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      return value;
    };
    const int = () => {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 0)
        throw new Error(`${flag} needs a non-negative integer, got ${value}`);
      return n;
    };
    switch (flag) {
      case '--port':
        o.port = int();
        break;
      case '--host':
        o.host = next();
        break;
      case '--advertised-host':
        o.advertisedHost = next();
        break;
      case '--data-dir':
        o.dataDir = next();
        break;
      case '--in-memory':
        o.inMemory = true;
        break;
      case '--partitions':
        o.defaultPartitions = int();
        break;
      case '--fsync': {
        const p = next();
        if (p !== 'always' && p !== 'interval' && p !== 'never')
          throw new Error(`--fsync must be always, interval or never`);
        o.fsync = p;
        break;
      }
      case '--fsync-interval-ms':
        o.fsyncIntervalMs = int();
        break;
      case '--max-request-bytes':
        o.maxRequestBytes = int();
        break;
      case '--no-auto-create-topics':
        o.autoCreateTopics = false;
        break;
      case '--log-level':
        o.logLevel = /** @type {any} */ (next());
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (o.defaultPartitions === 0) throw new Error('--partitions must be at least 1');
  return o;
}

/** @param {string[]} argv */
async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`dev-kafka: ${/** @type {Error} */ (e).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const broker = await startBroker(options);
  const storage = options.inMemory
    ? 'in memory'
    : `data ${path.resolve(/** @type {string} */ (options.dataDir))}, fsync ${options.fsync ?? 'interval'}`;
  process.stdout.write(`dev-kafka listening on ${broker.brokers} (${storage})\n`);
  let stopping = false;
  /** @param {NodeJS.Signals} signal */
  const shutdown = (signal) => {
    if (stopping) {
      process.stderr.write(`dev-kafka: ${signal} again, exiting immediately\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`dev-kafka: ${signal}, stopping\n`);
    broker.stop().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`dev-kafka: error while stopping: ${e.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

module.exports = { main, parseArgs, USAGE };
