import { ZodValidationPipe } from '@fupin/service-kit';
import { z } from 'zod';

/** `@Param('id', UuidPipe)`: a malformed id is 400 VALIDATION_FAILED, not a database error. */
export const UuidPipe = new ZodValidationPipe(z.uuid({ error: 'id 须为 UUID / id must be a UUID' }));

/** `@Param('code', VillageCodePipe)` */
export const VillageCodePipe = new ZodValidationPipe(
  z.string().regex(/^\d{12}$/, '村代码须为 12 位数字 / A village code has 12 digits'),
);
