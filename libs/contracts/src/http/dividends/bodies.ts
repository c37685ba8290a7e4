import { z } from 'zod';

import { paginatedSchema, paginationQuerySchema } from '../pagination';
import { shareKindSchema, planDocumentSchema } from './plans';

const dateSchema = z.iso.date({ error: '日期格式须为 YYYY-MM-DD / dates are YYYY-MM-DD' });

/** An amount of money in fen: a non-negative integer, as a JSON number or a string of digits (bigint). */
export const fenAmountSchema = z
  .union([z.int().min(0), z.string().regex(/^\d{1,16}$/, '金额须为整数（分）/ amounts are whole fen')])
  .transform((v) => String(BigInt(v)));

/** 可分配收益来源 */
export const INCOME_SOURCES = [
  'cooperative_profit',
  'collective_company_profit',
  'loan_enterprise_dividend',
  'pv_grid_settlement',
  'county_supermarket_profit',
] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export const INCOME_SOURCE_LABELS: Readonly<Record<IncomeSource, { 'zh-CN': string; en: string }>> = {
  cooperative_profit: { 'zh-CN': '合作社盈余', en: 'Cooperative profit' },
  collective_company_profit: { 'zh-CN': '村集体公司收益', en: 'Collective company profit' },
  loan_enterprise_dividend: { 'zh-CN': '扶贫贷款企业分红', en: 'Dividend from a loan enterprise' },
  pv_grid_settlement: { 'zh-CN': '光伏上网电费结算', en: 'PV grid settlement' },
  county_supermarket_profit: { 'zh-CN': '县扶贫超市利润', en: 'County supermarket profit' },
};

export const addMemberBodySchema = z.strictObject({
  householdId: z.uuid(),
  joinedOn: dateSchema,
});
export type AddMemberBody = z.infer<typeof addMemberBodySchema>;

export const addShareholdingBodySchema = z
  .strictObject({
    householdId: z.uuid(),
    kind: shareKindSchema,
    shares: z.int().min(1).max(1_000_000_000),
    validFrom: dateSchema,
    validTo: dateSchema.nullable().optional(),
  })
  .refine((b) => !b.validTo || b.validTo >= b.validFrom, {
    path: ['validTo'],
    message: '截止日期不能早于起始日期 / validTo must not be before validFrom',
  });
export type AddShareholdingBody = z.infer<typeof addShareholdingBodySchema>;

const periodFields = {
  periodStart: dateSchema,
  periodEnd: dateSchema,
};
const periodRefine = {
  check: (b: { periodStart: string; periodEnd: string }) => b.periodEnd >= b.periodStart,
  message: { path: ['periodEnd'], message: '期末不能早于期初 / periodEnd must not be before periodStart' },
};

export const declareIncomeBodySchema = z
  .strictObject({
    ...periodFields,
    source: z.enum(INCOME_SOURCES),
    amountFen: fenAmountSchema.refine((v) => v !== '0', '金额须大于 0 / the amount must be positive'),
    evidence: z.strictObject({
      description: z.string().trim().min(2).max(500),
      reference: z.string().trim().min(1).max(200),
    }),
  })
  .refine(periodRefine.check, periodRefine.message);
export type DeclareIncomeBody = z.infer<typeof declareIncomeBodySchema>;

export const recordAttendanceBodySchema = z
  .strictObject({
    ...periodFields,
    records: z
      .array(z.strictObject({ householdId: z.uuid(), daysWorked: z.int().min(0).max(366) }))
      .min(1)
      .max(10_000),
  })
  .refine(periodRefine.check, periodRefine.message);
export type RecordAttendanceBody = z.infer<typeof recordAttendanceBodySchema>;

/**
 * `GET /entities/:id/attendance?periodStart=&periodEnd=&page=&pageSize=`: the attendance periods lying
 * within [periodStart, periodEnd] (as a distribution counts them), paged.
 */
export const attendanceQuerySchema = paginationQuerySchema
  .extend(periodFields)
  .refine(periodRefine.check, periodRefine.message);
export type AttendanceQuery = z.output<typeof attendanceQuerySchema>;

/** Days one member household worked on public-welfare jobs (公益岗位) in one recorded period. */
export const attendanceRecordSchema = z.object({
  householdId: z.uuid(),
  householdNumber: z.string(),
  headName: z.string(),
  periodStart: dateSchema,
  periodEnd: dateSchema,
  daysWorked: z.int().min(0).max(366),
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

/** A page of recorded attendance, ordered by household number, then period. */
export const attendanceListSchema = paginatedSchema(attendanceRecordSchema);
export type AttendanceList = z.infer<typeof attendanceListSchema>;

export const savePlanBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  document: planDocumentSchema,
});
export type SavePlanBody = z.infer<typeof savePlanBodySchema>;

export const createDistributionBodySchema = z
  .strictObject({
    title: z.string().trim().min(2).max(120),
    planId: z.uuid(),
    planVersion: z.int().min(1).optional(),
    ...periodFields,
    incomeDeclarationIds: z.array(z.uuid()).min(1).max(100),
  })
  .refine(periodRefine.check, periodRefine.message);
export type CreateDistributionBody = z.infer<typeof createDistributionBodySchema>;

export const publishDistributionNoticeBodySchema = z.strictObject({
  days: z.int().min(10, '公示期至少 10 天 / a notice stays up at least 10 days').max(60).default(10),
});
export type PublishDistributionNoticeBody = z.infer<typeof publishDistributionNoticeBodySchema>;

export const recordDistributionObjectionBodySchema = z.strictObject({
  raisedBy: z.string().trim().min(1).max(40),
  text: z.string().trim().min(2).max(1000),
});
export const resolveDistributionObjectionBodySchema = z.strictObject({
  resolution: z.string().trim().min(2).max(1000),
});

/** 四议两公开: the village meeting that approved the distribution. */
export const approveDistributionBodySchema = z.strictObject({
  meetingDate: dateSchema,
  attendeesCount: z.int().min(1).max(10_000),
  minutesReference: z.string().trim().min(1).max(200),
});
export type ApproveDistributionBody = z.infer<typeof approveDistributionBodySchema>;

export const revokeApprovalBodySchema = z.strictObject({
  reason: z.string().trim().min(2).max(500),
});

export const PAYOUT_STATUSES = ['pending', 'paid', 'failed', 'retried'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export const bankConfirmationsBodySchema = z.strictObject({
  lines: z
    .array(
      z.discriminatedUnion('status', [
        z.strictObject({
          payoutId: z.uuid(),
          status: z.literal('paid'),
          bankReference: z.string().trim().min(1).max(100),
        }),
        z.strictObject({
          payoutId: z.uuid(),
          status: z.literal('failed'),
          reason: z.string().trim().min(1).max(200),
        }),
      ]),
    )
    .min(1)
    .max(10_000),
});
export type BankConfirmationsBody = z.infer<typeof bankConfirmationsBodySchema>;

export const retryPayoutBodySchema = z.strictObject({
  reason: z.string().trim().min(2).max(500),
});

export const payoutBankFileQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const DISTRIBUTION_STATUSES = ['dry_run', 'noticed', 'approved', 'posted'] as const;
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];
