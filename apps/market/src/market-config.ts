import { baseConfigSchema } from '@fupin/service-kit';
import { z } from 'zod';

/** Configuration of the market service, validated at start-up. */
export const marketConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  /** Where the Stripe API answers: dev-stripe under `npm start`, stripe-mock in compose, or https://api.stripe.com. */
  STRIPE_API_BASE: z.url().default('http://127.0.0.1:12111'),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'must look like sk_test_…')
    .default('sk_test_dev'),
  /** Verifies `Stripe-Signature` on webhook deliveries. */
  STRIPE_WEBHOOK_SECRET: z.string().min(8).default('whsec_dev_stripe'),
  /** How long stock stays reserved for an unpaid order. */
  MARKET_RESERVATION_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  /** How often expired reservations are released (0 = never; tests call the sweep themselves). */
  MARKET_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** How often unspent allowances of past years are written off (0 = never; tests call it). */
  MARKET_ALLOWANCE_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /** The yearly welfare allowance per employee (seed county: 700 yuan). */
  MARKET_ALLOWANCE_FEN: z.coerce.number().int().min(0).max(100_000_000).default(70_000),
});

export type MarketConfig = z.infer<typeof marketConfigSchema>;

/** Injection token of the market's validated config. */
export const MARKET_CONFIG = Symbol('MARKET_CONFIG');
