import { z } from 'zod';

import type { PayoutStatus } from './bodies';

/**
 * What the dividends service shows without signing in (公示, 公开查询) and what a household sees of
 * its own payouts. Amounts are integer fen as strings (bigint columns); household names are masked.
 */

/** One published notice on the public board. */
export interface PublicNoticeSummary {
  id: string;
  title: string;
  entityName: string;
  poolFen: string;
  publishedAt: string;
  endsAt: string;
  chainSeq: number;
  hash: string;
}

/** A part of the pool kept back (村级公益事业留存 …), by account name. */
export interface PublicAccountPart {
  account: string;
  amountFen: string;
}

/** One published notice with every household's amount (name masked, e.g. 王**). */
export interface PublicNotice {
  id: string;
  title: string;
  entityName: string;
  periodStart: string;
  periodEnd: string;
  poolFen: string;
  planVersion: number;
  distributionStatus: 'dry_run' | 'noticed' | 'approved' | 'posted';
  publishedAt: string;
  endsAt: string;
  accountParts: PublicAccountPart[];
  chain: { seq: number; hash: string; prevHash: string };
  lines: Array<{ householdName: string; villageCode: string; amountFen: string }>;
  /** True while anyone with the link may still file an objection (the notice window is open). */
  objectionsOpen?: boolean;
}

/** The hash chain's verdict: intact, or the first record that no longer matches. */
export interface ChainVerificationView {
  intact: boolean;
  length: number;
  headHash: string;
  firstBroken: null | {
    seq: number;
    kind: 'notice' | 'payout_batch';
    refId: string;
    reason: 'content_changed' | 'link_broken' | 'record_missing';
  };
}

/** An objection filed from the public notice page (异议), by anyone holding the link. */
export const publicObjectionBodySchema = z.strictObject({
  raisedBy: z
    .string()
    .trim()
    .min(1, '请填写您的姓名或户号 / Give your name or household number')
    .max(40, '姓名或户号最多 40 个字 / At most 40 characters'),
  text: z
    .string()
    .trim()
    .min(5, '异议内容至少 5 个字 / Say at least 5 characters')
    .max(500, '异议内容最多 500 个字 / At most 500 characters'),
});
export type PublicObjectionBody = z.infer<typeof publicObjectionBodySchema>;

export interface PublicObjectionReceipt {
  id: string;
  noticeId: string;
  recordedAt: string;
}

/** A fund source as the public may see it (一账一平台 公开查询). */
export interface PublicFundSource {
  id: string;
  name: string;
  /** One of the three accounts, or `dividend` for a posted dividend distribution. */
  kind: string;
  countyCode: string;
  amountFen: string;
  reference: string;
  createdAt: string;
  /** What has reached households (directly or down the levels). */
  householdsFen: string;
  householdCount: number;
}

/** One flow in a source's tree: from an account to the next level, a project, or a household. */
export interface FundFlowNode {
  id: string;
  sourceId: string;
  parentId: string | null;
  depth: number;
  kind: string;
  fromAccount: string;
  toAccount: string;
  toType: 'account' | 'project' | 'household';
  regionCode: string;
  householdId: string | null;
  householdName?: string | null;
  projectName: string | null;
  amountFen: string;
  allocatedOnFen: string;
  purpose: string;
  createdAt: string;
}

/** Where a source's money went. */
export interface FundSourceTrace {
  source: {
    id: string;
    name: string;
    kind: string;
    countyCode: string;
    amountFen: string;
    reference: string;
  };
  /**
   * Every flow to a level account or a project, and under each account at most
   * {@link FUND_TRACE_HOUSEHOLD_PREVIEW} of the flows to households (the largest first): a dividend
   * can pay millions. `householdGroups` says how many households each account paid in all.
   */
  flows: FundFlowNode[];
  householdGroups: FundHouseholdGroup[];
}

/** How many household flows a source's trace lists under one account; the rest are paged. */
export const FUND_TRACE_HOUSEHOLD_PREVIEW = 20;

/**
 * All the flows from one account (`parentId`) to households: how many, how much in all, and how
 * many of them the trace lists. `GET …/funds/flows/:parentId/households` pages through them all.
 */
export interface FundHouseholdGroup {
  parentId: string;
  households: number;
  amountFen: string;
  shown: number;
}

/** Where a household's fund money came from: each payment with its path up to the source. */
export interface HouseholdOrigins {
  householdId: string;
  payments: Array<{
    paymentId: string;
    sourceId: string;
    sourceName: string;
    amountFen: string;
    path: FundFlowNode[];
  }>;
}

/** A household's own dividend payouts and fund payments, read with its household token. */
export interface HouseholdPayoutsView {
  household: { id: string; householdNumber: string; headName: string };
  payouts: Array<{
    id: string;
    distributionTitle: string;
    entityName: string;
    periodStart: string;
    periodEnd: string;
    amountFen: string;
    status: PayoutStatus;
    bankAccountMasked: string | null;
    confirmedAt: string | null;
  }>;
  fundPayments: Array<{
    id: string;
    sourceName: string;
    kind: string;
    amountFen: string;
    purpose: string;
    createdAt: string;
  }>;
}
