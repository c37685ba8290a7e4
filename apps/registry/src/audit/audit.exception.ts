import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum AuditErrorCode {
  BadRange = 'AUDIT_BAD_RANGE',
}

const STATUS: Record<AuditErrorCode, HttpStatus> = {
  [AuditErrorCode.BadRange]: HttpStatus.BAD_REQUEST,
};

/** An expected failure of the audit-log reader. */
export class AuditException extends DomainException {
  constructor(code: AuditErrorCode, message: string) {
    super(code, message, STATUS[code]);
  }
}
