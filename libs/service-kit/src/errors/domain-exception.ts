import { HttpStatus } from '@nestjs/common';

/**
 * An expected business failure: a stable machine-readable code, the HTTP status it maps to,
 * and a message a person can act on (Chinese first, English after, where a person reads it).
 * Each module subclasses this with its own enum of codes.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.BAD_REQUEST,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}
