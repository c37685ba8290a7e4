// @ts-check
'use strict';

/**
 * The HTTP server: Stripe's form-encoded API for PaymentIntents and refunds, its error shapes,
 * `Idempotency-Key` semantics, and signed webhook deliveries with retries.
 */

const http = require('node:http');
const nodeCrypto = require('node:crypto');
const { parseForm } = require('./form');

/**
 * @typedef {object} DevStripeOptions
 * @property {number} [port] TCP port (0 = random)
 * @property {string} [host] default 127.0.0.1
 * @property {string} [webhookUrl] where events are POSTed; none → events are only kept
 * @property {string} [webhookSecret] signing secret (default `whsec_dev_stripe`)
 * @property {number[]} [retryDelaysMs] waits between delivery attempts (default 100, 500, 2000, 5000, 10000)
 * @property {(line: string) => void} [log]
 */

/**
 * @typedef {object} DevStripe
 * @property {string} url e.g. `http://127.0.0.1:12111`
 * @property {string} host
 * @property {number} port
 * @property {(url: string | undefined) => void} setWebhookUrl
 * @property {() => Array<Record<string, any>>} events every event created, oldest first
 * @property {() => Array<{ eventId: string, status: number | string, attempt: number }>} deliveries
 * @property {() => Promise<void>} idle resolves when no delivery is pending
 * @property {() => Promise<void>} stop
 */

/** Test payment methods and what confirming with them does. */
const DECLINES = {
  pm_card_chargeDeclined: { decline_code: 'generic_decline', message: 'Your card was declined.' },
  pm_card_insufficientFunds: {
    decline_code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
};
const SUCCEEDS = new Set(['pm_card_visa', 'pm_card_mastercard', 'pm_card_unionpay']);
const CANCELABLE = new Set([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'requires_capture',
  'processing',
]);
const CURRENCIES = new Set(['cny', 'usd', 'eur', 'hkd']);

class StripeError extends Error {
  /**
   * @param {number} status
   * @param {Record<string, unknown>} body the `error` object
   */
  constructor(status, body) {
    super(String(body.message));
    this.status = status;
    this.body = body;
  }
}

/** @param {string} message @param {string} [param] @param {string} [code] */
const invalid = (message, param, code) =>
  new StripeError(400, {
    type: 'invalid_request_error',
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });

/** @param {string} kind @param {string} id */
const missing = (kind, id) =>
  new StripeError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param: 'id',
    message: `No such ${kind}: '${id}'`,
  });

/** @param {string} prefix */
const newId = (prefix) =>
  `${prefix}_${nodeCrypto.randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
const now = () => Math.floor(Date.now() / 1000);

/**
 * Starts the server.
 * @param {DevStripeOptions} [options]
 * @returns {Promise<DevStripe>}
 */
async function startDevStripe(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const secret = options.webhookSecret ?? 'whsec_dev_stripe';
  const retryDelays = options.retryDelaysMs ?? [100, 500, 2000, 5000, 10000];
  const log = options.log ?? (() => undefined);
  let webhookUrl = options.webhookUrl;

  /** @type {Map<string, Record<string, any>>} */ const intents = new Map();
  /** @type {Map<string, Record<string, any>>} */ const charges = new Map();
  /** @type {Map<string, Record<string, any>>} */ const refunds = new Map();
  /** @type {Array<Record<string, any>>} */ const events = [];
  /** @type {Array<{ eventId: string, status: number | string, attempt: number }>} */ const deliveries = [];
  /** @type {Map<string, { hash: string, status: number, body: string }>} */ const idempotency = new Map();
  /** @type {Set<Promise<void>>} */ const pending = new Set();
  /** @type {Set<NodeJS.Timeout>} */ const timers = new Set();
  let stopped = false;

  /** @param {string} type @param {Record<string, any>} object @param {{ id: string | null, idempotency_key: string | null }} request */
  function emit(type, object, request) {
    const event = {
      id: newId('evt'),
      object: 'event',
      api_version: '2025-10-29.clover',
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: webhookUrl ? 1 : 0,
      request,
      type,
    };
    events.push(event);
    if (webhookUrl) {
      const delivery = deliver(event, webhookUrl);
      pending.add(delivery);
      delivery.finally(() => pending.delete(delivery));
    }
  }

  /** @param {number} ms */
  const sleep = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(undefined);
      }, ms);
      timers.add(timer);
    });

  /** Signs and POSTs one event, retrying with backoff until a 2xx or the attempts run out. */
  async function deliver(/** @type {Record<string, any>} */ event, /** @type {string} */ url) {
    const payload = JSON.stringify(event, null, 2);
    for (let attempt = 1; attempt <= retryDelays.length + 1 && !stopped; attempt++) {
      const t = now();
      const signature = nodeCrypto.createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
      /** @type {number | string} */
      let status;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            'stripe-signature': `t=${t},v1=${signature}`,
          },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch (error) {
        status = /** @type {Error} */ (error).message;
      }
      deliveries.push({ eventId: event.id, status, attempt });
      if (typeof status === 'number' && status >= 200 && status < 300) {
        log(`delivered ${event.type} ${event.id} (${status})`);
        return;
      }
      log(`delivery of ${event.type} ${event.id} failed (${status}), attempt ${attempt}`);
      if (attempt <= retryDelays.length) await sleep(retryDelays[attempt - 1]);
    }
  }

  /** @param {Record<string, any>} params */
  function metadataOf(params) {
    const metadata = params.metadata ?? {};
    if (typeof metadata !== 'object' || Array.isArray(metadata))
      throw invalid('Invalid metadata', 'metadata');
    for (const [k, v] of Object.entries(metadata)) {
      if (typeof v !== 'string') throw invalid(`Invalid metadata value for ${k}`, `metadata[${k}]`);
    }
    return metadata;
  }

  /** @param {unknown} raw @param {string} param */
  function positiveInteger(raw, param) {
    if (raw === undefined) throw invalid(`Missing required param: ${param}.`, param, 'parameter_missing');
    if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw invalid(`Invalid integer: ${raw}`, param);
    const n = Number(raw);
    if (n < 1 || !Number.isSafeInteger(n))
      throw invalid('Amount must be at least 1', param, 'amount_too_small');
    return n;
  }

  /** @param {unknown} raw */
  const bool = (raw) => raw === 'true' || raw === true;

  /** @param {Record<string, any>} params @param {{ id: string, idempotency_key: string | null }} request */
  function createIntent(params, request) {
    const amount = positiveInteger(params.amount, 'amount');
    if (typeof params.currency !== 'string')
      throw invalid('Missing required param: currency.', 'currency', 'parameter_missing');
    const currency = params.currency.toLowerCase();
    if (!CURRENCIES.has(currency)) throw invalid(`Invalid currency: ${currency}`, 'currency');
    const captureMethod = params.capture_method ?? 'automatic';
    if (!['automatic', 'automatic_async', 'manual'].includes(captureMethod)) {
      throw invalid(`Invalid capture_method: ${captureMethod}`, 'capture_method');
    }
    const id = newId('pi');
    const intent = {
      id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: captureMethod,
      client_secret: `${id}_secret_${nodeCrypto.randomBytes(8).toString('hex')}`,
      confirmation_method: 'automatic',
      created: now(),
      currency,
      description: params.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: metadataOf(params),
      payment_method: params.payment_method ?? null,
      payment_method_types: ['card'],
      status: params.payment_method ? 'requires_confirmation' : 'requires_payment_method',
    };
    intents.set(id, intent);
    emit('payment_intent.created', intent, request);
    if (bool(params.confirm)) return confirmIntent(intent, {}, request);
    return intent;
  }

  /** @param {Record<string, any>} intent @param {Record<string, any>} params @param {{ id: string, idempotency_key: string | null }} request */
  function confirmIntent(intent, params, request) {
    if (params.payment_method) intent.payment_method = params.payment_method;
    if (!['requires_payment_method', 'requires_confirmation'].includes(intent.status)) {
      throw new StripeError(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
        payment_intent: structuredClone(intent),
      });
    }
    const pm = intent.payment_method;
    if (!pm) {
      throw invalid(
        'You cannot confirm this PaymentIntent because it\u2019s missing a payment method.',
        'payment_method',
        'payment_intent_unexpected_state',
      );
    }
    const decline = /** @type {Record<string, { decline_code: string, message: string }>} */ (DECLINES)[pm];
    if (decline) {
      const chargeId = newId('ch');
      const error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: decline.decline_code,
        message: decline.message,
        charge: chargeId,
        payment_method: { id: pm, object: 'payment_method', type: 'card' },
      };
      intent.status = 'requires_payment_method';
      intent.last_payment_error = error;
      intent.latest_charge = chargeId;
      intent.payment_method = null;
      charges.set(chargeId, chargeFor(intent, chargeId, 'failed'));
      emit('payment_intent.payment_failed', intent, request);
      throw new StripeError(402, { ...error, payment_intent: structuredClone(intent) });
    }
    if (!SUCCEEDS.has(pm)) {
      throw invalid(`No such PaymentMethod: '${pm}'`, 'payment_method', 'resource_missing');
    }
    const chargeId = newId('ch');
    intent.last_payment_error = null;
    intent.latest_charge = chargeId;
    if (intent.capture_method === 'manual') {
      intent.status = 'requires_capture';
      intent.amount_capturable = intent.amount;
      charges.set(chargeId, chargeFor(intent, chargeId, 'succeeded', false));
      emit('payment_intent.amount_capturable_updated', intent, request);
    } else {
      succeed(intent, chargeId, request);
    }
    return intent;
  }

  /** @param {Record<string, any>} intent @param {string} chargeId @param {{ id: string, idempotency_key: string | null }} request */
  function succeed(intent, chargeId, request) {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.amount_capturable = 0;
    charges.set(chargeId, chargeFor(intent, chargeId, 'succeeded', true));
    emit('charge.succeeded', /** @type {Record<string, any>} */ (charges.get(chargeId)), request);
    emit('payment_intent.succeeded', intent, request);
  }

  /** @param {Record<string, any>} intent @param {string} id @param {string} status @param {boolean} [captured] */
  function chargeFor(intent, id, status, captured = false) {
    return {
      id,
      object: 'charge',
      amount: intent.amount,
      amount_captured: captured ? intent.amount : 0,
      amount_refunded: 0,
      captured,
      created: now(),
      currency: intent.currency,
      livemode: false,
      metadata: intent.metadata,
      paid: status === 'succeeded',
      payment_intent: intent.id,
      payment_method: intent.payment_method,
      refunded: false,
      status,
    };
  }

  /** @param {Record<string, any>} intent @param {Record<string, any>} params @param {{ id: string, idempotency_key: string | null }} request */
  function cancelIntent(intent, params, request) {
    if (!CANCELABLE.has(intent.status)) {
      throw new StripeError(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${[...CANCELABLE].join(', ')}.`,
        payment_intent: structuredClone(intent),
      });
    }
    const reasons = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'];
    if (params.cancellation_reason && !reasons.includes(params.cancellation_reason)) {
      throw invalid(`Invalid cancellation_reason: ${params.cancellation_reason}`, 'cancellation_reason');
    }
    intent.status = 'canceled';
    intent.canceled_at = now();
    intent.cancellation_reason = params.cancellation_reason ?? null;
    intent.amount_capturable = 0;
    emit('payment_intent.canceled', intent, request);
    return intent;
  }

  /** @param {Record<string, any>} intent @param {Record<string, any>} params @param {{ id: string, idempotency_key: string | null }} request */
  function captureIntent(intent, params, request) {
    if (intent.status !== 'requires_capture') {
      throw new StripeError(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `This PaymentIntent could not be captured because it has a status of ${intent.status}.`,
      });
    }
    if (params.amount_to_capture !== undefined) {
      const amount = positiveInteger(params.amount_to_capture, 'amount_to_capture');
      if (amount > intent.amount)
        throw invalid('amount_to_capture is greater than the amount', 'amount_to_capture');
      intent.amount = amount;
    }
    succeed(intent, intent.latest_charge, request);
    return intent;
  }

  /** @param {Record<string, any>} params @param {{ id: string, idempotency_key: string | null }} request */
  function createRefund(params, request) {
    let charge;
    if (params.payment_intent) {
      const intent = intents.get(params.payment_intent);
      if (!intent) throw missing('payment_intent', params.payment_intent);
      if (intent.status !== 'succeeded') {
        throw invalid(
          `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
          'payment_intent',
          'charge_not_refundable',
        );
      }
      charge = charges.get(intent.latest_charge);
    } else if (params.charge) {
      charge = charges.get(params.charge);
      if (!charge) throw missing('charge', params.charge);
    } else {
      throw invalid(
        'One of the following params should be provided for this request: payment_intent or charge.',
        'payment_intent',
        'parameter_missing',
      );
    }
    if (!charge || charge.status !== 'succeeded')
      throw invalid('This charge cannot be refunded.', 'charge', 'charge_not_refundable');
    const remaining = charge.amount_captured - charge.amount_refunded;
    if (remaining <= 0) {
      throw invalid(`Charge ${charge.id} has already been refunded.`, 'charge', 'charge_already_refunded');
    }
    const amount = params.amount === undefined ? remaining : positiveInteger(params.amount, 'amount');
    if (amount > remaining) {
      throw invalid(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        'amount',
        'amount_too_large',
      );
    }
    const reasons = ['duplicate', 'fraudulent', 'requested_by_customer'];
    if (params.reason && !reasons.includes(params.reason))
      throw invalid(`Invalid reason: ${params.reason}`, 'reason');
    const refund = {
      id: newId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: metadataOf(params),
      payment_intent: charge.payment_intent,
      reason: params.reason ?? null,
      status: 'succeeded',
    };
    refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    emit('refund.created', refund, request);
    emit('charge.refunded', charge, request);
    return refund;
  }

  /** Routes one authenticated request; returns the resource or throws a StripeError. */
  function route(
    /** @type {string} */ method,
    /** @type {string} */ path,
    /** @type {Record<string, any>} */ params,
    /** @type {{ id: string, idempotency_key: string | null }} */ request,
  ) {
    let m;
    if (method === 'POST' && path === '/v1/payment_intents') return createIntent(params, request);
    if ((m = /^\/v1\/payment_intents\/([^/]+)(?:\/(confirm|cancel|capture))?$/.exec(path))) {
      const intent = intents.get(m[1]);
      if (!intent) throw missing('payment_intent', m[1]);
      if (method === 'GET' && !m[2]) return intent;
      if (method === 'POST' && m[2] === 'confirm') return confirmIntent(intent, params, request);
      if (method === 'POST' && m[2] === 'cancel') return cancelIntent(intent, params, request);
      if (method === 'POST' && m[2] === 'capture') return captureIntent(intent, params, request);
      if (method === 'POST' && !m[2]) {
        if (params.metadata) Object.assign(intent.metadata, metadataOf(params));
        return intent;
      }
    }
    if (method === 'POST' && path === '/v1/refunds') return createRefund(params, request);
    if ((m = /^\/v1\/refunds\/([^/]+)$/.exec(path)) && method === 'GET') {
      const refund = refunds.get(m[1]);
      if (!refund) throw missing('refund', m[1]);
      return refund;
    }
    if ((m = /^\/v1\/events\/([^/]+)$/.exec(path)) && method === 'GET') {
      const event = events.find((e) => e.id === m[1]);
      if (!event) throw missing('event', m[1]);
      return event;
    }
    throw new StripeError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }

  /** @param {http.IncomingMessage} req */
  function apiKeyOf(req) {
    const header = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer) return bearer[1];
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    if (basic) return Buffer.from(basic[1], 'base64').toString().split(':')[0];
    return '';
  }

  /** @param {http.ServerResponse} res @param {number} status @param {string} body @param {Record<string, string>} [headers] */
  function send(res, status, body, headers = {}) {
    res.writeHead(status, {
      'content-type': 'application/json',
      'request-id': newId('req'),
      'stripe-version': '2025-10-29.clover',
      ...headers,
    });
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    const chunks = /** @type {Buffer[]} */ ([]);
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://localhost');
      const key = apiKeyOf(req);
      if (!key) {
        send(
          res,
          401,
          JSON.stringify({
            error: {
              type: 'invalid_request_error',
              message:
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
            },
          }),
        );
        return;
      }
      if (!/^(sk|rk)_test_\w+$/.test(key)) {
        send(
          res,
          401,
          JSON.stringify({
            error: {
              type: 'invalid_request_error',
              code: 'api_key_invalid',
              message: `Invalid API Key provided: ${key.slice(0, 8)}***`,
            },
          }),
        );
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const params = parseForm(method === 'GET' ? url.search.slice(1) : raw);
      const idemHeader = req.headers['idempotency-key'];
      const idemKey = method === 'POST' && typeof idemHeader === 'string' && idemHeader ? idemHeader : null;
      const hash = nodeCrypto.createHash('sha256').update(`${method} ${url.pathname}\n${raw}`).digest('hex');
      const scopedKey = `${key}\n${idemKey}`;
      if (idemKey) {
        const seen = idempotency.get(scopedKey);
        if (seen) {
          if (seen.hash !== hash) {
            send(
              res,
              400,
              JSON.stringify({
                error: {
                  type: 'idempotency_error',
                  message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
                },
              }),
            );
          } else {
            send(res, seen.status, seen.body, { 'idempotent-replayed': 'true', 'idempotency-key': idemKey });
          }
          return;
        }
      }
      const request = { id: newId('req'), idempotency_key: idemKey };
      let status = 200;
      let body;
      try {
        body = JSON.stringify(route(method, url.pathname, params, request));
      } catch (error) {
        if (!(error instanceof StripeError)) {
          status = 500;
          body = JSON.stringify({
            error: { type: 'api_error', message: String(/** @type {Error} */ (error).message) },
          });
        } else {
          status = error.status;
          body = JSON.stringify({ error: { ...error.body, request_log_url: null } });
        }
      }
      // Stripe does not store 5xx answers under a key; a retry runs again.
      if (idemKey && status < 500) idempotency.set(scopedKey, { hash, status, body });
      log(`${method} ${url.pathname} → ${status}`);
      send(res, status, body, idemKey ? { 'idempotency-key': idemKey } : {});
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 12111, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}`,
    host,
    port: address.port,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    events: () => events,
    deliveries: () => deliveries,
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

module.exports = { startDevStripe };
