import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum RedemptionErrorCode {
  NotFound = 'REDEMPTION_NOT_FOUND',
  AlreadyVoided = 'REDEMPTION_ALREADY_VOIDED',
  NotSameDay = 'REDEMPTION_VOID_NOT_SAME_DAY',
  Blocked = 'REDEMPTION_BLOCKED',
  StoreInactive = 'STORE_INACTIVE',
  PriceChanged = 'REDEMPTION_PRICE_CHANGED',
}

const STATUS: Record<RedemptionErrorCode, HttpStatus> = {
  [RedemptionErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [RedemptionErrorCode.AlreadyVoided]: HttpStatus.CONFLICT,
  [RedemptionErrorCode.NotSameDay]: HttpStatus.CONFLICT,
  [RedemptionErrorCode.Blocked]: HttpStatus.FORBIDDEN,
  [RedemptionErrorCode.StoreInactive]: HttpStatus.CONFLICT,
  [RedemptionErrorCode.PriceChanged]: HttpStatus.CONFLICT,
};

/** An expected failure of a kiosk redemption (兑换) or its void. */
export class RedemptionException extends DomainException {
  constructor(code: RedemptionErrorCode, message: string) {
    super(code, message, STATUS[code]);
  }
}
