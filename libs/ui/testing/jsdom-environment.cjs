/**
 * jsdom has no fetch. Component tests talk to a real local HTTP server, so this environment lends
 * jsdom Node's fetch together with the classes fetch checks its arguments against (an AbortSignal
 * from jsdom is refused by Node's fetch), and the encoders react-router needs.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'AbortController',
  'AbortSignal',
  'ReadableStream',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
];

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
  }
}

module.exports = JsdomWithFetchEnvironment;
