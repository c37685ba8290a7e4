import { ZodValidationPipe } from '@fupin/service-kit';
import { z } from 'zod';

/** `@Param('id', UuidPipe)`: a malformed id is 400 VALIDATION_FAILED, not a database error. */
export const UuidPipe = new ZodValidationPipe(z.uuid({ error: 'id 须为 UUID / id must be a UUID' }));
