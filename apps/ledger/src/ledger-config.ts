import { baseConfigSchema } from '@fupin/service-kit';
import { z } from 'zod';

/** Configuration of the ledger service, validated at start-up. */
export const ledgerConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /** Length of an award sheet's public notice (公示) when the submitter names none: 7 days. */
  LEDGER_NOTICE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60 * 86400)
    .default(7 * 86400),
  /**
   * How often each instance checks whether a county's points expiry (积分过期) is due today
   * (one run per county and China day, whoever gets there first); 0 turns the scheduler off.
   */
  LEDGER_EXPIRY_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
});

export type LedgerConfig = z.infer<typeof ledgerConfigSchema>;

/** Injection token of the ledger's typed config. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
