import { ZodValidationPipe } from '@fupin/service-kit';
import { z } from 'zod';

/** `@Param('id', UuidPipe)`: a malformed id is 400 VALIDATION_FAILED, not a database error. */
export const UuidPipe = new ZodValidationPipe(z.uuid({ error: 'id 须为 UUID / id must be a UUID' }));

/** `@Param('code', RegionCodePipe)` */
export const RegionCodePipe = new ZodValidationPipe(
  z
    .string()
    .regex(
      /^\d{6}(\d{3}){0,3}$/,
      '区划代码须为 6、9、12 或 15 位数字 / A region code has 6, 9, 12 or 15 digits',
    ),
);
