import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum ProcurementErrorCode {
  WeighSlipUsed = 'PROCUREMENT_WEIGH_SLIP_USED',
  HouseholdNotInVillage = 'PROCUREMENT_HOUSEHOLD_NOT_IN_VILLAGE',
  LotNotFound = 'PROCUREMENT_LOT_NOT_FOUND',
  LotNotHere = 'PROCUREMENT_LOT_NOT_HERE',
  TransferNotFound = 'PROCUREMENT_TRANSFER_NOT_FOUND',
  TransferDone = 'PROCUREMENT_TRANSFER_DONE',
  WrongDirection = 'PROCUREMENT_WRONG_DIRECTION',
  LossNeedsReason = 'PROCUREMENT_LOSS_NEEDS_REASON',
  MoreThanSent = 'PROCUREMENT_MORE_THAN_SENT',
  PartsDoNotAddUp = 'PROCUREMENT_PARTS_DO_NOT_ADD_UP',
  LotsDiffer = 'PROCUREMENT_LOTS_DIFFER',
  DirectionNeedsOrganisation = 'PROCUREMENT_DIRECTION_NEEDS_ORGANISATION',
}

const STATUS: Record<ProcurementErrorCode, HttpStatus> = {
  [ProcurementErrorCode.WeighSlipUsed]: HttpStatus.CONFLICT,
  [ProcurementErrorCode.HouseholdNotInVillage]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ProcurementErrorCode.LotNotFound]: HttpStatus.NOT_FOUND,
  [ProcurementErrorCode.LotNotHere]: HttpStatus.CONFLICT,
  [ProcurementErrorCode.TransferNotFound]: HttpStatus.NOT_FOUND,
  [ProcurementErrorCode.TransferDone]: HttpStatus.CONFLICT,
  [ProcurementErrorCode.WrongDirection]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ProcurementErrorCode.LossNeedsReason]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ProcurementErrorCode.MoreThanSent]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ProcurementErrorCode.PartsDoNotAddUp]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ProcurementErrorCode.LotsDiffer]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ProcurementErrorCode.DirectionNeedsOrganisation]: HttpStatus.BAD_REQUEST,
};

/** An expected failure of procurement, lots and transfers. */
export class ProcurementException extends DomainException {
  constructor(code: ProcurementErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
