// @ts-check
'use strict';

/**
 * Registry of implemented APIs and versions, ApiVersions itself, and the request/response
 * header rules (which versions use the "flexible" header with tagged fields).
 */

const { Writer } = require('../codec');
const { ErrorCode } = require('../errors');

/**
 * @typedef {object} Ctx
 * @property {import('../storage').DataStore} storage
 * @property {import('../groups').GroupCoordinator} groups
 * @property {{ nodeId: number, host: string, port: number, clusterId: string }} node
 * @property {string} clientId
 * @property {string} clientHost
 * @property {(fn: () => void) => () => void} onClose registers a callback for when the connection closes; returns an unregister function
 * @property {{ info: (m: string) => void, warn: (m: string) => void, debug: (m: string) => void }} log
 *
 * @typedef {object} ApiDef
 * @property {string} name
 * @property {number} min
 * @property {number} max
 * @property {(r: import('../codec').Reader, v: number, ctx: Ctx) => Writer | null | Promise<Writer | null>} handle
 *   returns the response body, or null for requests without a response (Produce acks=0)
 */

/**
 * First flexible version per API key (KIP-482) for the APIs Kafka defines below key 50 (99 =
 * never); all later APIs are flexible from v0. Even unsupported requests thus get a correctly
 * shaped response header.
 * @type {Record<number, number>}
 */
// prettier-ignore
const FLEXIBLE_FROM = {
  0: 9, 1: 12, 2: 6, 3: 9, 4: 4, 5: 2, 6: 6, 7: 3, 8: 8, 9: 6, 10: 3, 11: 6, 12: 4, 13: 4, 14: 4, 15: 5,
  16: 3, 17: 99, 18: 3, 19: 5, 20: 4, 21: 2, 22: 2, 23: 4, 24: 3, 25: 3, 26: 3, 27: 1, 28: 3, 29: 2,
  30: 2, 31: 2, 32: 4, 33: 2, 34: 2, 35: 2, 36: 2, 37: 2, 38: 2, 39: 2, 40: 2, 41: 2, 42: 2, 43: 2,
  44: 1, 45: 0, 46: 0, 47: 99, 48: 1, 49: 1,
};

/** @param {number} apiKey @param {number} version */
const requestHeaderFlexible = (apiKey, version) =>
  version >= (FLEXIBLE_FROM[apiKey] ?? (apiKey >= 50 ? 0 : 99));

/**
 * ApiVersions responses always use response header v0 so that clients can parse them.
 * @param {number} apiKey @param {number} version
 */
const responseHeaderFlexible = (apiKey, version) => apiKey !== 18 && requestHeaderFlexible(apiKey, version);

/** @type {Record<number, ApiDef>} */
const APIS = {
  ...require('./admin'),
  ...require('./data'),
  ...require('./group'),
};

APIS[18] = {
  name: 'ApiVersions',
  min: 0,
  max: 3,
  handle(r, v) {
    if (v >= 3) {
      try {
        r.compactString(); // client_software_name
        r.compactString(); // client_software_version
        r.taggedFields();
      } catch {
        /* informational only */
      }
    }
    return apiVersionsBody(v, ErrorCode.NONE);
  },
};

/** @returns {{ key: number, min: number, max: number }[]} */
function supportedApis() {
  return Object.entries(APIS)
    .map(([key, a]) => ({ key: Number(key), min: a.min, max: a.max }))
    .sort((a, b) => a.key - b.key);
}

/**
 * @param {number} v @param {number} error
 * @returns {Writer}
 */
function apiVersionsBody(v, error) {
  const w = new Writer().int16(error);
  /** @param {Writer} x @param {{ key: number, min: number, max: number }} a */
  const entry = (x, a) => x.int16(a.key).int16(a.min).int16(a.max);
  if (v >= 3) w.compactArray(supportedApis(), (x, a) => entry(x, a).taggedFields());
  else w.array(supportedApis(), entry);
  if (v >= 1) w.int32(0);
  if (v >= 3) w.taggedFields();
  return w;
}

/**
 * The answer to an ApiVersions request with a version we do not implement: a v0 response
 * with UNSUPPORTED_VERSION plus our ranges, so the client can retry with a version we have.
 */
const apiVersionsFallback = () => apiVersionsBody(0, ErrorCode.UNSUPPORTED_VERSION);

module.exports = { APIS, supportedApis, requestHeaderFlexible, responseHeaderFlexible, apiVersionsFallback };
