// @ts-check
'use strict';

/**
 * dev-kafka: a single-node development broker that speaks the Kafka wire protocol.
 *
 *   CLI:     node tools/dev-kafka --port 9092 --data-dir .data/kafka
 *   Library: const { startBroker } = require('<repo>/tools/dev-kafka');
 *            const broker = await startBroker({ port: 0, inMemory: true });
 *            // ... new Kafka({ brokers: [broker.brokers] }) ...
 *            await broker.stop();
 *
 * See README.md for what is (and is not) supported.
 */

const { startBroker } = require('./lib/server');

module.exports = { startBroker };

if (require.main === module) {
  require('./lib/cli')
    .main(process.argv.slice(2))
    .catch((/** @type {Error} */ e) => {
      process.stderr.write(`dev-kafka: ${e.message}\n`);
      process.exit(1);
    });
}
