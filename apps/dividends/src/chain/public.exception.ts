import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum PublicErrorCode {
  NoticeClosed = 'NOTICE_CLOSED',
  ObjectionRateLimited = 'OBJECTION_RATE_LIMITED',
  NotAHousehold = 'NOT_A_HOUSEHOLD',
}

const STATUS: Record<PublicErrorCode, HttpStatus> = {
  [PublicErrorCode.NoticeClosed]: HttpStatus.CONFLICT,
  [PublicErrorCode.ObjectionRateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [PublicErrorCode.NotAHousehold]: HttpStatus.FORBIDDEN,
};

/** An expected failure of the public pages (公示 objections, a household's own payouts). */
export class PublicException extends DomainException {
  constructor(code: PublicErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
