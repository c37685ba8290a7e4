import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum IncomeErrorCode {
  NotFound = 'INCOME_NOT_FOUND',
}

const STATUS: Record<IncomeErrorCode, HttpStatus> = {
  [IncomeErrorCode.NotFound]: HttpStatus.NOT_FOUND,
};

/** An expected failure of the income-declarations module. */
export class IncomeException extends DomainException {
  constructor(code: IncomeErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
