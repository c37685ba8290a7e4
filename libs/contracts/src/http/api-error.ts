import { z } from 'zod';

/**
 * The body of every 4xx/5xx answer: a stable machine code (from the module's exception enum) and
 * a message a person can read, in Chinese and English where a person will read it.
 */
export const apiErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  /** Validation issues, conflicting ids… never stack traces. */
  details: z.unknown().optional(),
});

/** `{ code, message, details? }` — see {@link apiErrorSchema}. */
export type ApiError = z.infer<typeof apiErrorSchema>;
