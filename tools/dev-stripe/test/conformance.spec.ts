/**
 * dev-stripe answers the official stripe SDK the way Stripe does, for everything the market uses:
 * PaymentIntents, declines, cancels, refunds, idempotency, API-key errors and signed webhooks.
 */
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as readline from 'node:readline';
import Stripe from 'stripe';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startDevStripe } = require('..') as typeof import('../lib/server');

type Received = { headers: http.IncomingHttpHeaders; body: string };

describe('dev-stripe, driven by the official stripe SDK', () => {
  const secret = 'whsec_conformance';
  let server: Awaited<ReturnType<typeof startDevStripe>>;
  let stripe: Stripe;
  let hook: http.Server;
  const received: Received[] = [];
  let failNext = 0;

  beforeAll(async () => {
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    server = await startDevStripe({
      port: 0,
      webhookSecret: secret,
      webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      retryDelaysMs: [20, 20, 20],
    });
    stripe = new Stripe('sk_test_conformance', {
      host: server.host,
      port: server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });

  afterAll(async () => {
    await server?.stop();
    hook?.close();
  });

  it('creates and confirms a PaymentIntent that succeeds, in one call or two', async () => {
    const one = await stripe.paymentIntents.create({
      amount: 12345,
      currency: 'cny',
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { orderId: 'o-1' },
    });
    expect(one).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 12345,
      amount_received: 12345,
    });
    expect(one.id).toMatch(/^pi_/);
    expect(one.metadata).toEqual({ orderId: 'o-1' });
    expect(one.latest_charge).toMatch(/^ch_/);

    const two = await stripe.paymentIntents.create({ amount: 500, currency: 'cny' });
    expect(two.status).toBe('requires_payment_method');
    const confirmed = await stripe.paymentIntents.confirm(two.id, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');
    expect((await stripe.paymentIntents.retrieve(two.id)).status).toBe('succeeded');
  });

  it('declines pm_card_chargeDeclined and pm_card_insufficientFunds as a 402 card_error', async () => {
    for (const [pm, decline] of [
      ['pm_card_chargeDeclined', 'generic_decline'],
      ['pm_card_insufficientFunds', 'insufficient_funds'],
    ]) {
      const error = await stripe.paymentIntents
        .create({ amount: 100, currency: 'cny', payment_method: pm, confirm: true })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      const card = error as Stripe.errors.StripeCardError;
      expect(card).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: decline });
      const intent = card.payment_intent as Stripe.PaymentIntent;
      expect(intent.status).toBe('requires_payment_method');
      expect(intent.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: decline });
      expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');
    }
  });

  it('cancels an unpaid PaymentIntent and refuses to cancel a succeeded one', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 700,
      currency: 'cny',
      payment_method: 'pm_card_visa',
    });
    expect(intent.status).toBe('requires_confirmation');
    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });

    const paid = await stripe.paymentIntents.create({
      amount: 700,
      currency: 'cny',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await expect(stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
    });
  });

  it('refunds part then the rest, and refuses more than was paid', async () => {
    const paid = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'cny',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const part = await stripe.refunds.create({
      payment_intent: paid.id,
      amount: 300,
      reason: 'requested_by_customer',
    });
    expect(part).toMatchObject({
      object: 'refund',
      amount: 300,
      status: 'succeeded',
      payment_intent: paid.id,
    });
    expect(await stripe.refunds.retrieve(part.id)).toMatchObject({ id: part.id, amount: 300 });
    await expect(stripe.refunds.create({ payment_intent: paid.id, amount: 800 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'amount_too_large',
    });
    const rest = await stripe.refunds.create({ payment_intent: paid.id });
    expect(rest.amount).toBe(700);
    await expect(stripe.refunds.create({ payment_intent: paid.id })).rejects.toMatchObject({
      code: 'charge_already_refunded',
    });
  });

  it('answers a repeated Idempotency-Key with the first response, and a changed request with idempotency_error', async () => {
    const first = await stripe.paymentIntents.create(
      { amount: 4200, currency: 'cny', payment_method: 'pm_card_visa', confirm: true },
      { idempotencyKey: 'order-42' },
    );
    const again = await stripe.paymentIntents.create(
      { amount: 4200, currency: 'cny', payment_method: 'pm_card_visa', confirm: true },
      { idempotencyKey: 'order-42' },
    );
    expect(again.id).toBe(first.id);
    await expect(
      stripe.paymentIntents.create({ amount: 4300, currency: 'cny' }, { idempotencyKey: 'order-42' }),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
  });

  it('refuses a missing or non-test API key with 401 and an unknown id with 404', async () => {
    const noKey = await fetch(`${server.url}/v1/payment_intents/pi_x`);
    expect(noKey.status).toBe(401);
    expect((await noKey.json()).error.type).toBe('invalid_request_error');
    const live = new Stripe('sk_live_nope', {
      host: server.host,
      port: server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(live.paymentIntents.retrieve('pi_x')).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      statusCode: 401,
    });
    await expect(stripe.paymentIntents.retrieve('pi_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    await expect(stripe.paymentIntents.create({ amount: -5, currency: 'cny' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'amount',
    });
  });

  it('posts webhooks whose signature stripe.webhooks.constructEvent accepts, retrying after a failure', async () => {
    await server.idle();
    received.length = 0;
    failNext = 2;
    const paid = await stripe.paymentIntents.create({
      amount: 888,
      currency: 'cny',
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { orderId: 'o-9' },
    });
    await stripe.refunds.create({ payment_intent: paid.id, amount: 88 });
    await server.idle();
    const events = received.map((r) =>
      stripe.webhooks.constructEvent(r.body, r.headers['stripe-signature'] as string, secret),
    );
    const succeeded = events.find((e) => e.type === 'payment_intent.succeeded');
    expect((succeeded?.data.object as Stripe.PaymentIntent).id).toBe(paid.id);
    const refunded = events.find((e) => e.type === 'charge.refunded');
    expect(refunded?.data.object).toMatchObject({ amount_refunded: 88, payment_intent: paid.id });
    expect(server.deliveries().filter((d) => d.status === 500).length).toBe(2);
    expect(() =>
      stripe.webhooks.constructEvent(
        received[0].body,
        received[0].headers['stripe-signature'] as string,
        'whsec_wrong',
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});

describe('dev-stripe CLI', () => {
  it('prints where it listens and serves the API', async () => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '..'), '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', () => reject(new Error('exited early')));
      });
      const url = /^dev-stripe listening on (\S+)/.exec(line)?.[1];
      expect(url).toBeDefined();
      const res = await fetch(`${url}/v1/payment_intents`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk_test_cli', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'amount=100&currency=cny&metadata[a]=b',
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ amount: 100, metadata: { a: 'b' } });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
