import { z } from 'zod';

/** What every payout event says about the payout. */
export const payoutEventFields = {
  payoutId: z.uuid(),
  distributionId: z.uuid(),
  entityId: z.uuid(),
  householdId: z.uuid(),
  householdNumber: z.string(),
  /** Fen as a decimal string (bigint). */
  amountFen: z.string().regex(/^\d+$/),
  attempt: z.int().min(1),
};
