import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum PayoutErrorCode {
  BatchNotFound = 'PAYOUT_BATCH_NOT_FOUND',
  NotFound = 'PAYOUT_NOT_FOUND',
  NotInBatch = 'PAYOUT_NOT_IN_BATCH',
  AlreadyConfirmed = 'PAYOUT_ALREADY_CONFIRMED',
  NotFailed = 'PAYOUT_NOT_FAILED',
  NothingToBatch = 'PAYOUT_NOTHING_TO_BATCH',
}

const STATUS: Record<PayoutErrorCode, HttpStatus> = {
  [PayoutErrorCode.BatchNotFound]: HttpStatus.NOT_FOUND,
  [PayoutErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [PayoutErrorCode.NotInBatch]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PayoutErrorCode.AlreadyConfirmed]: HttpStatus.CONFLICT,
  [PayoutErrorCode.NotFailed]: HttpStatus.CONFLICT,
  [PayoutErrorCode.NothingToBatch]: HttpStatus.CONFLICT,
};

/** An expected failure of the payouts module (batches, bank files, confirmations, retries). */
export class PayoutException extends DomainException {
  constructor(code: PayoutErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
