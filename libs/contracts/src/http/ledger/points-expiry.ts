import { z } from 'zod';

import { paginationQuerySchema, type PaginationQuery } from '../pagination';
import { dateSchema } from './common';

/** Longest expiry period a county may set: ten years. */
export const MAX_EXPIRY_MONTHS = 120;

export const ledgerCountyCodeSchema = z
  .string()
  .regex(/^\d{6}$/, '县代码须为 6 位数字 / A county code has 6 digits');

/**
 * `PUT /counties/:code/expiry-policy` (county_admin): points expire `months` after they were
 * awarded, oldest first (先进先出). Points awarded before `effectiveFrom` count from that day, so
 * announcing a policy never takes points at once. Disabling stops further runs; nothing is undone.
 */
export const setExpiryPolicyBodySchema = z.strictObject({
  enabled: z.boolean(),
  months: z.int().min(1).max(MAX_EXPIRY_MONTHS),
  effectiveFrom: dateSchema,
});
export type SetExpiryPolicyBody = z.infer<typeof setExpiryPolicyBodySchema>;

/**
 * `GET /counties/:code/expiry-policy` (staff of the county, its towns and villages, auditors,
 * households) answers 200 with the policy, or with the JSON body `null` while the county has set
 * none: points then simply do not expire.
 */
export type ExpiryPolicyAnswer = ExpiryPolicyView | null;

export interface ExpiryPolicyView {
  countyCode: string;
  enabled: boolean;
  months: number;
  effectiveFrom: string;
  /** Goes up by one at each change (the audit log keeps every version). */
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/**
 * `POST /counties/:code/expiry-runs` (county_admin + Idempotency-Key). `runDate` (China day,
 * default today, never in the future) fixes the cutoff: points awarded before
 * `runDate − months` expire. One run per county and day: asking again answers the first run.
 */
export const runExpiryBodySchema = z.strictObject({
  runDate: dateSchema.optional(),
});
export type RunExpiryBody = z.infer<typeof runExpiryBodySchema>;

/**
 * `GET /counties/:code/expiry-runs?page=&pageSize=` (county, town and village admins of the county,
 * auditors): a `Paginated<ExpiryRunView>`, latest run day first.
 */
export const expiryRunsQuerySchema = paginationQuerySchema;
export type ExpiryRunsQuery = PaginationQuery;

export interface ExpiryRunView {
  id: string;
  countyCode: string;
  runDate: string;
  months: number;
  /** Points awarded (or counted from the policy's start) before this instant had expired. */
  cutoff: string;
  /** The `expiry` journal entry; null when nothing had expired. */
  entryId: string | null;
  householdCount: number;
  totalPoints: number;
  /** The county admin who asked, or `system:expiry-scheduler`. */
  triggeredBy: string;
  createdAt: string;
}
