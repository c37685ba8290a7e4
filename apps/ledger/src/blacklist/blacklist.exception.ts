import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum BlacklistErrorCode {
  NotFound = 'BLACKLIST_ENTRY_NOT_FOUND',
  WrongStatus = 'BLACKLIST_ENTRY_WRONG_STATUS',
  BadPeriod = 'BLACKLIST_BAD_PERIOD',
}

const STATUS: Record<BlacklistErrorCode, HttpStatus> = {
  [BlacklistErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [BlacklistErrorCode.WrongStatus]: HttpStatus.CONFLICT,
  [BlacklistErrorCode.BadPeriod]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of the blacklist (红十条). */
export class BlacklistException extends DomainException {
  constructor(code: BlacklistErrorCode, message: string) {
    super(code, message, STATUS[code]);
  }
}
