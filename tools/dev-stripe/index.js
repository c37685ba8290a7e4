// @ts-check
'use strict';

/**
 * dev-stripe: a small Stripe-compatible test server (the part of the API the market uses).
 *
 *   CLI:     node tools/dev-stripe --port 12111 --webhook-url http://127.0.0.1:3003/api/market/payments/stripe/webhook \
 *                                  --webhook-secret whsec_dev
 *   Library: const { startDevStripe } = require('<repo>/tools/dev-stripe');
 *            const stripe = await startDevStripe({ port: 0, webhookSecret: 'whsec_test' });
 *            // new Stripe('sk_test_x', { host: '127.0.0.1', port: stripe.port, protocol: 'http' })
 *            await stripe.stop();
 *
 * See README.md for what is (and is not) supported.
 */

const { startDevStripe } = require('./lib/server');

module.exports = { startDevStripe };

if (require.main === module) {
  require('./lib/cli')
    .main(process.argv.slice(2))
    .catch((/** @type {Error} */ e) => {
      process.stderr.write(`dev-stripe: ${e.message}\n`);
      process.exit(1);
    });
}
