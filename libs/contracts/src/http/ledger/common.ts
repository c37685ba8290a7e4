import { z } from 'zod';

/** Largest points figure the ledger accepts in one input (well inside a safe integer and a bigint). */
export const MAX_POINTS_INPUT = 1_000_000;
/** Largest quantity of goods in one input line. */
export const MAX_QUANTITY_INPUT = 100_000;

export const ledgerVillageCodeSchema = z
  .string()
  .regex(/^\d{12}$/, '村代码须为 12 位数字 / A village code has 12 digits');
export const periodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM / A period is YYYY-MM');
export const dateSchema = z.iso.date({ error: '日期格式为 YYYY-MM-DD / A date is YYYY-MM-DD' });
export const reasonSchema = z.string().trim().min(1).max(500);
