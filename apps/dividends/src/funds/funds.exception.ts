import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum FundErrorCode {
  SourceNotFound = 'FUND_SOURCE_NOT_FOUND',
  FlowNotFound = 'FUND_FLOW_NOT_FOUND',
  Terminal = 'FUND_FLOW_TERMINAL',
  Insufficient = 'FUND_INSUFFICIENT',
  WrongLevel = 'FUND_WRONG_LEVEL',
  OutsideRegion = 'FUND_OUTSIDE_REGION',
}

const STATUS: Record<FundErrorCode, HttpStatus> = {
  [FundErrorCode.SourceNotFound]: HttpStatus.NOT_FOUND,
  [FundErrorCode.FlowNotFound]: HttpStatus.NOT_FOUND,
  [FundErrorCode.Terminal]: HttpStatus.UNPROCESSABLE_ENTITY,
  [FundErrorCode.Insufficient]: HttpStatus.CONFLICT,
  [FundErrorCode.WrongLevel]: HttpStatus.UNPROCESSABLE_ENTITY,
  [FundErrorCode.OutsideRegion]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of the fund-flow ledger (三级三账). */
export class FundException extends DomainException {
  constructor(code: FundErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
