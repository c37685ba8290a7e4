// @ts-check
'use strict';

/**
 * Decodes Stripe's form encoding (`application/x-www-form-urlencoded` with bracket keys):
 * `metadata[order_id]=1&expand[0]=latest_charge&items[][price]=x` → nested objects and arrays.
 * Values stay strings, as Stripe receives them.
 * @param {string} text
 * @returns {Record<string, any>}
 */
function parseForm(text) {
  /** @type {Record<string, any>} */
  const root = {};
  if (!text) return root;
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) continue;
    const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
    /** @type {any} */
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const last = i === path.length - 1;
      let part = path[i];
      if (part === '' && Array.isArray(node)) part = String(node.length);
      if (last) {
        node[part] = value;
      } else {
        if (node[part] === undefined) node[part] = path[i + 1] === '' || /^\d+$/.test(path[i + 1]) ? [] : {};
        node = node[part];
      }
    }
  }
  return root;
}

module.exports = { parseForm };
