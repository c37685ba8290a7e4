import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum StoreErrorCode {
  GoodsNotFound = 'GOODS_NOT_FOUND',
  GoodsNameTaken = 'GOODS_NAME_TAKEN',
  OutOfStock = 'OUT_OF_STOCK',
  StoreInactive = 'STORE_INACTIVE',
}

const STATUS: Record<StoreErrorCode, HttpStatus> = {
  [StoreErrorCode.GoodsNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [StoreErrorCode.GoodsNameTaken]: HttpStatus.CONFLICT,
  [StoreErrorCode.OutOfStock]: HttpStatus.CONFLICT,
  [StoreErrorCode.StoreInactive]: HttpStatus.CONFLICT,
};

/** An expected failure of love-supermarket goods and stock. */
export class StoreException extends DomainException {
  constructor(code: StoreErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
