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
});

export type LedgerConfig = z.infer<typeof ledgerConfigSchema>;

/** Injection token of the ledger's typed config. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
