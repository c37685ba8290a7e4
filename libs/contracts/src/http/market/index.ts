import { z } from 'zod';
import { paginationQuerySchema, type Paginated } from '../pagination';

/**
 * HTTP bodies of the market service (扶贫超市 / 消费扶贫): procurement, lots, catalogue, checkout,
 * orders and settlement. Money is integer fen, weights integer grams.
 */

const fen = (label: string) =>
  z
    .int({ error: `${label} 须为整数（分） / ${label} must be whole fen` })
    .min(1, { error: `${label} 须大于 0 / ${label} must be positive` })
    .max(1_000_000_000);

export const PRODUCE_GRADES = ['premium', 'first', 'second', 'ungraded'] as const;

/** `POST /purchases`: a collector buys produce from a household (收购). */
export const createPurchaseBodySchema = z.strictObject({
  collectionPointId: z.uuid(),
  householdId: z.uuid(),
  produce: z.string().trim().min(1).max(100),
  grade: z.enum(PRODUCE_GRADES),
  weightGrams: z.int({ error: '重量须为整数克 / weightGrams must be whole grams' }).min(1).max(100_000_000),
  unitPriceFenPerKg: fen('unitPriceFenPerKg'),
  weighSlipNumber: z.string().trim().min(1).max(64),
});
export type CreatePurchaseBody = z.infer<typeof createPurchaseBodySchema>;

export interface PurchaseView {
  id: string;
  collectionPointId: string;
  householdId: string;
  /** The household's number in the registry (户编号), for the weigh slip and the list. */
  householdNumber: string;
  /** The head of the household (户主), unmasked: staff of the point buy from them face to face. */
  headName: string;
  produce: string;
  grade: string;
  weightGrams: number;
  unitPriceFenPerKg: number;
  amountFen: number;
  weighSlipNumber: string;
  lotId: string;
  traceCode: string;
  createdAt: string;
}

export const LOT_STATUSES = ['at_location', 'in_transit', 'stocked', 'split', 'merged'] as const;

export interface LotView {
  id: string;
  traceCode: string;
  produce: string;
  grade: string;
  weightGrams: number;
  locationId: string | null;
  status: (typeof LOT_STATUSES)[number];
  sourceLotIds: string[];
  households: Array<{ householdId: string; villageCode: string; weightGrams: number }>;
  createdAt: string;
}

// Query strings arrive as text, and `?status=` as an empty string: treat that as "not given".
const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** `GET /lots`: lots at an organisation, newest first, a page at a time. */
export const lotListQuerySchema = paginationQuerySchema.extend({
  status: z.preprocess(
    blankToUndefined,
    z
      .enum(LOT_STATUSES, {
        error: `status 须为 ${LOT_STATUSES.join('、')} 之一 / status must be one of ${LOT_STATUSES.join(', ')}`,
      })
      .optional(),
  ),
  /** Lots whose produce contains this text (小米 finds 小米 and 黄小米). */
  produce: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(100, { error: 'produce 最多 100 字 / produce is at most 100 characters' })
      .optional(),
  ),
  /** County staff and auditors: lots at this organisation; others may only name their own. */
  location: z.preprocess(
    blankToUndefined,
    z
      .uuid({ error: 'location 须为机构编号（UUID） / location must be an organisation id (UUID)' })
      .optional(),
  ),
});
export type LotListQuery = z.output<typeof lotListQuerySchema>;

/** A lot in a list: who supplied it is a count here; `GET /lots/:id` names them. */
export interface LotSummary {
  id: string;
  traceCode: string;
  produce: string;
  grade: string;
  weightGrams: number;
  status: (typeof LOT_STATUSES)[number];
  locationId: string | null;
  locationName: string | null;
  householdCount: number;
  createdAt: string;
}

export const TRANSFER_DIRECTIONS = ['incoming', 'outgoing'] as const;
export const TRANSFER_STATUSES = ['sent', 'received'] as const;

/** `GET /transfers`: transfers to or from an organisation, newest first, a page at a time. */
export const transferListQuerySchema = paginationQuerySchema.extend({
  /** Relative to the caller's organisation (or `organisation` for county staff and auditors). */
  direction: z.preprocess(
    blankToUndefined,
    z
      .enum(TRANSFER_DIRECTIONS, {
        error: 'direction 须为 incoming 或 outgoing / direction must be incoming or outgoing',
      })
      .optional(),
  ),
  status: z.preprocess(
    blankToUndefined,
    z
      .enum(TRANSFER_STATUSES, { error: 'status 须为 sent 或 received / status must be sent or received' })
      .optional(),
  ),
  /** County staff and auditors: transfers to or from this organisation; others may only name their own. */
  organisation: z.preprocess(
    blankToUndefined,
    z
      .uuid({ error: 'organisation 须为机构编号（UUID） / organisation must be an organisation id (UUID)' })
      .optional(),
  ),
});
export type TransferListQuery = z.output<typeof transferListQuerySchema>;

/** `POST /transfers`: send a lot up the network (收购点 → 分拣站 → 扶贫超市). */
export const createTransferBodySchema = z.strictObject({
  lotId: z.uuid(),
  toOrganisationId: z.uuid(),
});
export type CreateTransferBody = z.infer<typeof createTransferBodySchema>;

/** `POST /transfers/:id/receive`: what arrived; a loss needs a reason. */
export const receiveTransferBodySchema = z.strictObject({
  receivedGrams: z.int().min(0).max(100_000_000),
  lossReason: z.string().trim().min(1).max(200).optional(),
});
export type ReceiveTransferBody = z.infer<typeof receiveTransferBodySchema>;

export interface TransferView {
  id: string;
  lotId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  sentGrams: number;
  receivedGrams: number | null;
  lossGrams: number | null;
  lossReason: string | null;
  status: 'sent' | 'received';
  sentAt: string;
  receivedAt: string | null;
}

/** A transfer in a list, with what it carries and the names of both ends. */
export interface TransferListItem extends TransferView {
  traceCode: string;
  produce: string;
  grade: string;
  fromOrganisationName: string;
  toOrganisationName: string;
}

/** `POST /products`: a catalogue product under 四统一 (brand, standard, package, price). */
export const createProductBodySchema = z.strictObject({
  sku: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{3,40}$/, {
      error: 'sku 须为 3–40 位字母、数字或 - / sku must be 3–40 letters, digits or -',
    }),
  name: z.string().trim().min(1).max(100),
  spec: z.string().trim().min(1).max(100),
  packageDescription: z.string().trim().min(1).max(100),
  retailPriceFen: fen('retailPriceFen'),
  pictureUrl: z.url().max(500).optional(),
  category: z.string().trim().min(1).max(50),
  originVillageCode: z
    .string()
    .regex(/^\d{12}$/, { error: '产地须为 12 位村代码 / originVillageCode is a 12-digit village code' }),
});
export type CreateProductBody = z.infer<typeof createProductBodySchema>;

/** `POST /products/:id/stock`: boxes packed from a lot at the county supermarket. */
export const addStockBodySchema = z.strictObject({
  lotId: z.uuid(),
  quantity: z.int().min(1).max(100_000),
});
export type AddStockBody = z.infer<typeof addStockBodySchema>;

export interface ProductView {
  id: string;
  sku: string;
  name: string;
  spec: string;
  packageDescription: string;
  retailPriceFen: number;
  pictureUrl: string | null;
  category: string;
  originVillageCode: string;
  available: number;
}

export const productListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  category: z.string().trim().max(50).optional(),
  /** Products from one origin village (12-digit code). */
  originVillageCode: z
    .string()
    .regex(/^\d{12}$/, { error: '产地须为 12 位村代码 / originVillageCode is a 12-digit village code' })
    .optional(),
  /** `true`: only products with boxes available. */
  inStock: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

/** Public trace page data (溯源): who grew what is on sale, and what they were paid. */
export interface TraceView {
  product: { sku: string; name: string; retailPriceFen: number; originVillageCode: string } | null;
  lots: Array<{
    traceCode: string;
    produce: string;
    grade: string;
    collectedAt: string;
    households: Array<{
      villageCode: string;
      /** Masked: 张*明 */
      headName: string;
      weightGrams: number;
      paidFenPerKg: number;
    }>;
  }>;
}

/** `POST /checkout` (Idempotency-Key): reserve stock, pay from the allowance, the rest by card. */
export const checkoutBodySchema = z.strictObject({
  items: z
    .array(z.strictObject({ productId: z.uuid(), quantity: z.int().min(1).max(50) }))
    .min(1)
    .max(20)
    .refine((items) => new Set(items.map((i) => i.productId)).size === items.length, {
      error: '同一商品请合并为一行 / list each product once',
    }),
  fulfilment: z.enum(['delivery', 'pickup']).default('delivery'),
  /** A Stripe payment method (test: pm_card_visa); needed when the allowance does not cover the total. */
  paymentMethod: z
    .string()
    .regex(/^pm_\w+$/)
    .optional(),
});
export type CheckoutBody = z.infer<typeof checkoutBodySchema>;

export const ORDER_STATUSES = [
  'pending_payment',
  'payment_failed',
  'paid',
  'picking',
  'ready',
  'accepted',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderView {
  id: string;
  orderNumber: string;
  buyerId: string;
  workUnitId: string;
  status: OrderStatus;
  fulfilment: 'delivery' | 'pickup';
  totalFen: number;
  allowanceFen: number;
  cardFen: number;
  refundedFen: number;
  failureReason: string | null;
  lines: Array<{
    productId: string;
    productName: string;
    quantity: number;
    unitPriceFen: number;
    amountFen: number;
    lots: Array<{ traceCode: string; quantity: number }>;
  }>;
  createdAt: string;
  paidAt: string | null;
  /** When picking started and when the order was ready for delivery or pickup. */
  pickingAt: string | null;
  readyAt: string | null;
  acceptedAt: string | null;
  cancelledAt: string | null;
}

/** `POST /orders/:id/refunds`: a problem after acceptance, refunded with a reason. */
export const orderRefundBodySchema = z.strictObject({
  amountFen: fen('amountFen'),
  reason: z.string().trim().min(2).max(200),
});
export type OrderRefundBody = z.infer<typeof orderRefundBodySchema>;

/** `POST /orders/:id/cancel` */
export const cancelOrderBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(200).optional() });
export type CancelOrderBody = z.infer<typeof cancelOrderBodySchema>;

export interface AllowanceView {
  buyerId: string;
  workUnitId: string;
  year: number;
  grantedFen: number;
  balanceFen: number;
  expiresAt: string;
  entries: Array<{
    /** `expire`: what was left at year end, gone (the allowance is earmarked for one year). */
    kind: 'grant' | 'spend' | 'return' | 'expire';
    amountFen: number;
    orderId: string | null;
    at: string;
  }>;
}

export interface SettlementView {
  id: string;
  totalFen: number;
  orderCount: number;
  createdAt: string;
  lines: Array<{
    householdId: string;
    villageCode: string;
    headNameMasked: string;
    bankAccountMasked: string | null;
    amountFen: number;
  }>;
}

export const consumptionAidLedgerQuerySchema = z.object({
  groupBy: z.enum(['work_unit', 'village', 'household']).default('work_unit'),
});
export type ConsumptionAidLedgerQuery = z.infer<typeof consumptionAidLedgerQuerySchema>;

/** 消费扶贫台账: accepted sales per work unit, village or household. */
export interface ConsumptionAidLedgerView {
  groupBy: ConsumptionAidLedgerQuery['groupBy'];
  totalFen: number;
  rows: Array<{ key: string; name: string | null; amountFen: number }>;
}

/** `POST /lots/:id/split`: one lot into parts by weight (they add up to the lot's weight). */
export const splitLotBodySchema = z.strictObject({
  partsGrams: z.array(z.int().min(1).max(100_000_000)).min(2).max(20),
});
export type SplitLotBody = z.infer<typeof splitLotBodySchema>;

/** `POST /lots/merge`: lots of the same produce and grade at one place into one. */
export const mergeLotsBodySchema = z.strictObject({
  lotIds: z
    .array(z.uuid())
    .min(2)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { error: '批次重复 / a lot is listed twice' }),
});
export type MergeLotsBody = z.infer<typeof mergeLotsBodySchema>;

// --- Fulfilment, reports and the buyer's impact -------------------------------------------------

/** `GET /fulfilment/orders`: orders for the county supermarket's staff, newest first. */
export const fulfilmentOrdersQuerySchema = paginationQuerySchema.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  workUnitId: z.uuid().optional(),
});
export type FulfilmentOrdersQuery = z.output<typeof fulfilmentOrdersQuerySchema>;

/** `GET /fulfilment/picking-list`: what to take off the shelves for orders `paid` and/or `picking`. */
export const pickingListQuerySchema = z.object({
  status: z.enum(['paid', 'picking', 'all']).default('all'),
});
export type PickingListQuery = z.output<typeof pickingListQuerySchema>;

/** 拣货单: per product (grouped by category), the boxes to pick from each lot, oldest lots first. */
export interface PickingListView {
  generatedAt: string;
  orderCount: number;
  totalBoxes: number;
  products: Array<{
    productId: string;
    sku: string;
    productName: string;
    category: string;
    quantity: number;
    lots: Array<{ traceCode: string; quantity: number }>;
  }>;
}

/** `GET /fulfilment/packing-lists`: orders being picked or ready, one packing list per work unit. */
export const packingListQuerySchema = z.object({
  status: z.enum(['picking', 'ready', 'all']).default('all'),
});
export type PackingListQuery = z.output<typeof packingListQuerySchema>;

/** 装箱单: per work unit, each order (delivery or pickup) and its boxes. */
export interface PackingListView {
  generatedAt: string;
  workUnits: Array<{
    workUnitId: string;
    workUnitName: string | null;
    totalBoxes: number;
    orders: Array<{
      orderId: string;
      orderNumber: string;
      buyerId: string;
      status: OrderStatus;
      fulfilment: 'delivery' | 'pickup';
      lines: Array<{ productName: string; quantity: number }>;
    }>;
  }>;
}

/** A settlement run in a list (without its lines). */
export interface SettlementSummary {
  id: string;
  totalFen: number;
  orderCount: number;
  householdCount: number;
  createdBy: string;
  createdAt: string;
}

/** `GET /consumption-aid-ledger` with a period and an export format. */
export const consumptionAidExportQuerySchema = consumptionAidLedgerQuerySchema.extend({
  /** Accepted in this calendar year (China time); all years when absent. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type ConsumptionAidExportQuery = z.output<typeof consumptionAidExportQuerySchema>;

/** `GET /me/impact`: whom a buyer's purchases (paid, in fulfilment or accepted) reached. */
export interface BuyerImpactView {
  households: number;
  villages: number;
  orders: number;
  spentFen: number;
  byVillage: Array<{ villageCode: string; households: number; amountFen: number }>;
}

// --- Allowances by work unit ---------------------------------------------------------------------

/** `PUT /work-units/:id/allowance-policy`: what each employee of a work unit gets for a year. */
export const allowancePolicyBodySchema = z.strictObject({
  year: z.int().min(2020).max(2100),
  /** 0 switches the allowance off for that year; existing wallets are topped up when it rises. */
  amountFen: z
    .int({ error: 'amountFen 须为整数（分） / amountFen must be whole fen' })
    .min(0)
    .max(10_000_000),
});
export type AllowancePolicyBody = z.infer<typeof allowancePolicyBodySchema>;

export const workUnitAllowancesQuerySchema = paginationQuerySchema.extend({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
});
export type WorkUnitAllowancesQuery = z.output<typeof workUnitAllowancesQuerySchema>;

/** A work unit's allowance for a year: its policy and each employee's wallet. */
export interface WorkUnitAllowancesView {
  workUnitId: string;
  workUnitName: string | null;
  year: number;
  /** Per employee this year: the work unit's policy, or the county default. */
  amountFen: number;
  policySet: boolean;
  totals: { wallets: number; grantedFen: number; spentFen: number; balanceFen: number; expiredFen: number };
  wallets: Paginated<{
    buyerId: string;
    grantedFen: number;
    spentFen: number;
    balanceFen: number;
    expiredFen: number;
    expiresAt: string;
  }>;
}

/** `POST /allowances/expire`: year-end expiry of unspent allowances (also runs on its own). */
export interface AllowanceExpiryResult {
  expiredWallets: number;
  expiredFen: number;
}

/** `GET /product-facets`: the categories and origin villages of the catalogue, with product counts. */
export interface ProductFacetsView {
  categories: Array<{ category: string; products: number; available: number }>;
  villages: Array<{ villageCode: string; products: number; available: number }>;
}
