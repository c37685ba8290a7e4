import { z } from 'zod';

/** One problem found in an input, with the dotted path of the offending field. */
export interface ContractIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * An input (event, query, body) did not match its contract. Carries a readable multi-line message
 * and the issues as plain data, so callers need not depend on zod's issue types.
 */
export class ContractValidationError extends Error {
  override readonly name = 'ContractValidationError';

  constructor(
    message: string,
    readonly issues: readonly ContractIssue[],
  ) {
    super(message);
  }

  /** Wraps a zod error; `subject` says what was being validated, e.g. `platform.ping v1 event`. */
  static fromZod(subject: string, error: z.ZodError): ContractValidationError {
    const issues = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return new ContractValidationError(`Invalid ${subject}:\n${z.prettifyError(error)}`, issues);
  }
}

/** The outcome of validating untrusted input: a typed value, or an error saying what was wrong. */
export type ContractResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractValidationError };
