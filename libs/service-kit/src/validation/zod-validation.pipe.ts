import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';

/**
 * Validates and converts a body, query or param with a zod schema from `libs/contracts`.
 * A failure throws the ZodError, which the exception filter turns into 400 VALIDATION_FAILED.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    return this.schema.parse(value);
  }
}
