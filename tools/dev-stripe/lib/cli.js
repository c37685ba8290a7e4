// @ts-check
'use strict';

/** Command line: `node tools/dev-stripe [options]`. */

const { startDevStripe } = require('./server');

const USAGE = `Usage: node tools/dev-stripe [options]

A Stripe-compatible test server: PaymentIntents, refunds, signed webhooks.

  --port N              TCP port (default 12111, 0 = random)
  --host H              interface to listen on (default 127.0.0.1)
  --webhook-url URL     where to POST events (default: none, events are only kept)
  --webhook-secret S    signing secret for Stripe-Signature (default whsec_dev_stripe)
  --quiet               print only the first line
  -h, --help            show this help
`;

/**
 * @param {string[]} argv
 * @returns {import('./server').DevStripeOptions & { help?: boolean, quiet?: boolean }}
 */
function parseArgs(argv) {
  /** @type {import('./server').DevStripeOptions & { help?: boolean, quiet?: boolean }} */
  const options = { port: 12111 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0–65535');
      options.port = port;
    } else if (arg === '--host') options.host = value();
    else if (arg === '--webhook-url') options.webhookUrl = value();
    else if (arg === '--webhook-secret') options.webhookSecret = value();
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return options;
}

/** @param {string[]} argv */
async function main(argv) {
  const options = parseArgs(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const server = await startDevStripe({
    ...options,
    log: options.quiet ? undefined : (line) => process.stderr.write(`dev-stripe: ${line}\n`),
  });
  process.stdout.write(`dev-stripe listening on ${server.url}\n`);
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

module.exports = { main, parseArgs };
