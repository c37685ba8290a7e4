import { z } from 'zod';

import { MAX_QUANTITY_INPUT, reasonSchema } from './common';

/** `POST /redemptions`: a kiosk basket (household session). */
export const redeemBodySchema = z.strictObject({
  lines: z
    .array(z.strictObject({ goodsId: z.uuid(), quantity: z.int().min(1).max(MAX_QUANTITY_INPUT) }))
    .min(1)
    .max(50)
    .refine(
      (l) => new Set(l.map((x) => x.goodsId)).size === l.length,
      '同一商品只能出现一次 / each goods once',
    ),
});
export type RedeemBody = z.infer<typeof redeemBodySchema>;

/** `POST /redemptions/:id/void` (store keeper, same day). */
export const voidRedemptionBodySchema = z.strictObject({ reason: reasonSchema });
export type VoidRedemptionBody = z.infer<typeof voidRedemptionBodySchema>;

export interface RedemptionReceipt {
  id: string;
  receiptNumber: string;
  householdId: string;
  householdNumber: string;
  headName: string;
  storeId: string;
  storeName: string;
  lines: Array<{
    goodsId: string;
    name: string;
    unit: string;
    quantity: number;
    unitPoints: number;
    points: number;
  }>;
  totalPoints: number;
  /** e.g. 壹佰贰拾积分, read aloud by the kiosk. */
  totalPointsText: string;
  balanceAfter: number;
  status: 'completed' | 'voided';
  createdAt: string;
  voidedAt: string | null;
  voidReason: string | null;
}
