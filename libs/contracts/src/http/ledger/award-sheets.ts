import { z } from 'zod';

import { periodSchema, reasonSchema, ledgerVillageCodeSchema } from './common';

/** `POST /award-sheets`: a village admin opens the month's draft (积分评定表). */
export const createAwardSheetBodySchema = z.strictObject({
  villageCode: ledgerVillageCodeSchema,
  period: periodSchema,
});
export type CreateAwardSheetBody = z.infer<typeof createAwardSheetBodySchema>;

export const awardLineInputSchema = z.strictObject({
  householdId: z.uuid(),
  itemCode: z.string().min(1).max(32),
  count: z.int().min(1).max(31).default(1),
  note: z.string().trim().max(200).optional(),
});
export type AwardLineInput = z.input<typeof awardLineInputSchema>;

/** `PUT /award-sheets/:id/lines`: replaces the draft's lines. */
export const putAwardLinesBodySchema = z.strictObject({
  lines: z.array(awardLineInputSchema).max(200_000),
});
export type PutAwardLinesBody = z.input<typeof putAwardLinesBodySchema>;

/** `POST /award-sheets/:id/submit`: post the sheet for public review (公示). */
export const submitAwardSheetBodySchema = z.strictObject({
  /** Length of the notice window in days; the service default (7) when omitted. */
  noticeDays: z.int().min(1).max(30).optional(),
});
export type SubmitAwardSheetBody = z.infer<typeof submitAwardSheetBodySchema>;

/** `POST /award-sheets/:id/objections`: a household (kiosk) or staff objects during the notice. */
export const fileObjectionBodySchema = z.strictObject({
  lineId: z.uuid().optional(),
  text: z.string().trim().min(1).max(1000),
});
export type FileObjectionBody = z.infer<typeof fileObjectionBodySchema>;

/** `POST /award-sheets/:id/objections/:objectionId/resolve` */
export const resolveObjectionBodySchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('upheld'),
    /** The corrected count of the line objected to; 0 removes the line. */
    newCount: z.int().min(0).max(31).optional(),
    reason: reasonSchema,
  }),
  z.strictObject({ outcome: z.literal('dismissed'), reason: reasonSchema }),
]);
export type ResolveObjectionBody = z.infer<typeof resolveObjectionBodySchema>;

export type AwardSheetStatus = 'draft' | 'notice' | 'approved';

export interface AwardLineView {
  id: string;
  householdId: string;
  householdNumber: string;
  headName: string;
  itemCode: string;
  itemName: string;
  count: number;
  points: number;
  note: string | null;
}

export interface ObjectionView {
  id: string;
  lineId: string | null;
  filedBy: string;
  filedRole: string;
  text: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  resolvedBy: string | null;
  createdAt: string;
}

export interface AwardSheetView {
  id: string;
  villageCode: string;
  period: string;
  ruleSetId: string;
  ruleSetVersion: number;
  status: AwardSheetStatus;
  noticeToken: string | null;
  noticeStartsAt: string | null;
  noticeEndsAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  entryId: string | null;
  totalPoints: number;
  householdCount: number;
  lines: AwardLineView[];
  objections: ObjectionView[];
}

/** What the public notice board (no login) shows: names masked, no ids beyond the household number. */
export interface PublicNoticeView {
  villageCode: string;
  period: string;
  status: AwardSheetStatus;
  noticeStartsAt: string | null;
  noticeEndsAt: string | null;
  monthlyBase: number;
  lines: Array<{
    lineId: string;
    householdNumber: string;
    headName: string;
    itemName: string;
    count: number;
    points: number;
  }>;
  openObjections: number;
}

/** `POST /blacklist`: a village admin proposes a household for the blacklist (红十条). */
export const proposeBlacklistBodySchema = z.strictObject({
  householdId: z.uuid(),
  reason: reasonSchema,
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  blocksRedemption: z.boolean().default(false),
});
export type ProposeBlacklistBody = z.input<typeof proposeBlacklistBodySchema>;

export interface BlacklistEntryView {
  id: string;
  householdId: string;
  villageCode: string;
  reason: string;
  startsOn: string;
  endsOn: string;
  blocksRedemption: boolean;
  status: 'proposed' | 'active' | 'revoked';
  proposedBy: string;
  approvedBy: string | null;
}
