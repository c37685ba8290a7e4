import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { MARKET_CONFIG, type MarketConfig } from '../market-config';

/** The official stripe SDK pointed at STRIPE_API_BASE (dev-stripe, stripe-mock or Stripe itself). */
@Injectable()
export class StripeGateway {
  readonly stripe: Stripe;

  constructor(@Inject(MARKET_CONFIG) private readonly config: MarketConfig) {
    const base = new URL(config.STRIPE_API_BASE);
    this.stripe = new Stripe(config.STRIPE_SECRET_KEY, {
      host: base.hostname,
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'https:' ? 'https' : 'http',
      maxNetworkRetries: 2,
      timeout: 20_000,
    });
  }

  /** Verifies a webhook delivery's signature; throws StripeSignatureVerificationError otherwise. */
  verify(payload: Buffer, signature: string): Stripe.Event {
    return this.stripe.webhooks.constructEvent(payload, signature, this.config.STRIPE_WEBHOOK_SECRET);
  }
}
