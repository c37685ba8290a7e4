import { z } from 'zod';

import { MAX_POINTS_INPUT, MAX_QUANTITY_INPUT, reasonSchema } from './common';

/** `POST /stores/:storeId/goods` */
export const createGoodsBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  pictureUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .default(null),
  unit: z.string().trim().min(1).max(16),
  pricePoints: z.int().min(1).max(MAX_POINTS_INPUT),
  lowStockThreshold: z.int().min(0).max(MAX_QUANTITY_INPUT).default(0),
});
export type CreateGoodsBody = z.input<typeof createGoodsBodySchema>;

const stockLine = {
  goodsId: z.uuid(),
  quantity: z.int().min(1).max(MAX_QUANTITY_INPUT),
};

/** `POST /stores/:storeId/donations`: goods donated, with the donor for the receipt. */
export const recordDonationBodySchema = z.strictObject({
  donorName: z.string().trim().min(1).max(200),
  donorContact: z.string().trim().max(100).optional(),
  lines: z
    .array(z.strictObject({ ...stockLine, declaredValueFen: z.int().min(0).max(100_000_000_00) }))
    .min(1)
    .max(100),
});
export type RecordDonationBody = z.infer<typeof recordDonationBodySchema>;

/** `POST /stores/:storeId/purchases` */
export const recordPurchaseBodySchema = z.strictObject({
  supplier: z.string().trim().min(1).max(200),
  lines: z
    .array(z.strictObject({ ...stockLine, costFen: z.int().min(0).max(100_000_000_00) }))
    .min(1)
    .max(100),
});
export type RecordPurchaseBody = z.infer<typeof recordPurchaseBodySchema>;

/** `POST /stores/:storeId/adjustments`: stock count corrections (breakage, counting) with a reason. */
export const recordAdjustmentBodySchema = z.strictObject({
  goodsId: z.uuid(),
  quantityDelta: z
    .int()
    .min(-MAX_QUANTITY_INPUT)
    .max(MAX_QUANTITY_INPUT)
    .refine((v) => v !== 0, 'quantityDelta cannot be 0'),
  reason: reasonSchema,
});
export type RecordAdjustmentBody = z.infer<typeof recordAdjustmentBodySchema>;

export interface GoodsView {
  id: string;
  storeId: string;
  name: string;
  pictureUrl: string | null;
  unit: string;
  pricePoints: number;
  quantity: number;
  lowStockThreshold: number;
  lowStock: boolean;
}

export interface StoreView {
  id: string;
  name: string;
  villageCode: string;
  active: boolean;
}

export interface DonationReceipt {
  donationId: string;
  receiptNumber: string;
  storeId: string;
  storeName: string;
  donorName: string;
  donorContact: string | null;
  receivedAt: string;
  lines: Array<{ goodsId: string; name: string; unit: string; quantity: number; declaredValueFen: number }>;
  declaredValueFen: number;
  /** e.g. 人民币壹佰元整, for the printed receipt. */
  declaredValueText: string;
}

export interface StockMovementView {
  id: string;
  goodsId: string;
  kind: 'donation' | 'purchase' | 'adjustment' | 'redemption' | 'void';
  quantityDelta: number;
  reason: string | null;
  operatorId: string;
  occurredAt: string;
}
