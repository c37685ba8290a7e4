import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum CatalogueErrorCode {
  ProductNotFound = 'CATALOGUE_PRODUCT_NOT_FOUND',
  SkuTaken = 'CATALOGUE_SKU_TAKEN',
  LotNotAtSupermarket = 'CATALOGUE_LOT_NOT_AT_SUPERMARKET',
  LotAlreadyStocked = 'CATALOGUE_LOT_ALREADY_STOCKED',
  TraceNotFound = 'CATALOGUE_TRACE_NOT_FOUND',
}

const STATUS: Record<CatalogueErrorCode, HttpStatus> = {
  [CatalogueErrorCode.ProductNotFound]: HttpStatus.NOT_FOUND,
  [CatalogueErrorCode.SkuTaken]: HttpStatus.CONFLICT,
  [CatalogueErrorCode.LotNotAtSupermarket]: HttpStatus.CONFLICT,
  [CatalogueErrorCode.LotAlreadyStocked]: HttpStatus.CONFLICT,
  [CatalogueErrorCode.TraceNotFound]: HttpStatus.NOT_FOUND,
};

/** An expected failure of the catalogue (四统一 products, stock by lot, trace pages). */
export class CatalogueException extends DomainException {
  constructor(code: CatalogueErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
