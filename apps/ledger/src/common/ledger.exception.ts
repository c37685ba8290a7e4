import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

/** Failures shared by every ledger module: the postings themselves and idempotency. */
export enum LedgerErrorCode {
  HouseholdNotFound = 'HOUSEHOLD_NOT_FOUND',
  StoreNotFound = 'STORE_NOT_FOUND',
  InsufficientPoints = 'INSUFFICIENT_POINTS',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  Blacklisted = 'HOUSEHOLD_BLACKLISTED',
}

const STATUS: Record<LedgerErrorCode, HttpStatus> = {
  [LedgerErrorCode.HouseholdNotFound]: HttpStatus.NOT_FOUND,
  [LedgerErrorCode.StoreNotFound]: HttpStatus.NOT_FOUND,
  [LedgerErrorCode.InsufficientPoints]: HttpStatus.CONFLICT,
  [LedgerErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [LedgerErrorCode.Blacklisted]: HttpStatus.CONFLICT,
};

/** An expected failure of the points ledger. */
export class LedgerException extends DomainException {
  constructor(code: LedgerErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static householdNotFound(id: string): LedgerException {
    return new LedgerException(
      LedgerErrorCode.HouseholdNotFound,
      `农户 ${id} 不存在 / Household ${id} does not exist`,
    );
  }

  static storeNotFound(id: string): LedgerException {
    return new LedgerException(
      LedgerErrorCode.StoreNotFound,
      `爱心超市 ${id} 不存在 / Love supermarket ${id} does not exist`,
    );
  }

  static insufficientPoints(balance: number, needed: number): LedgerException {
    return new LedgerException(
      LedgerErrorCode.InsufficientPoints,
      `积分不足：余额 ${balance}，需要 ${needed} / Not enough points: balance ${balance}, needed ${needed}`,
      { balance, needed },
    );
  }
}
