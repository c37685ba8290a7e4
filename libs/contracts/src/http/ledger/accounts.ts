import { z } from 'zod';

import { paginationQuerySchema } from '../pagination';
import { periodSchema } from './common';

export interface PointsAccountView {
  householdId: string;
  householdNumber: string;
  headName: string;
  villageCode: string;
  balance: number;
  /** Points on sheets under public notice: not yet spendable. */
  pending: number;
  blacklisted: boolean;
}

export interface StatementLine {
  entryId: string;
  entryNumber: number;
  kind: 'award' | 'redemption' | 'void' | 'reversal' | 'expiry';
  amount: number;
  reason: string;
  operatorId: string;
  operatorRole: string;
  occurredAt: string;
}

export const statementQuerySchema = paginationQuerySchema.extend({
  format: z.enum(['json', 'csv']).default('json'),
});
export type StatementQuery = z.output<typeof statementQuerySchema>;

export const villageReportQuerySchema = z.object({
  period: periodSchema,
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type VillageReportQuery = z.output<typeof villageReportQuerySchema>;

export interface VillageMonthlyReport {
  villageCode: string;
  period: string;
  awarded: number;
  redeemed: number;
  voided: number;
  households: Array<{
    householdId: string;
    householdNumber: string;
    headName: string;
    awarded: number;
    redeemed: number;
    balance: number;
  }>;
}

export interface StoreBalanceReport {
  storeId: string;
  villageCode: string;
  /** Points the village's households hold and may spend here. */
  pointsOutstanding: number;
  /** Stock at points prices. */
  stockPoints: number;
  /** Points redeemed at this store so far (its redemption account). */
  pointsRedeemed: number;
}

export interface LedgerTrialBalance {
  accounts: number;
  sumOfBalances: number;
  sumOfLegs: number;
  mismatchedAccounts: number;
}
