import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum HouseholdErrorCode {
  NotFound = 'HOUSEHOLD_NOT_FOUND',
  VillageNotFound = 'HOUSEHOLD_VILLAGE_NOT_FOUND',
  GroupNotFound = 'HOUSEHOLD_GROUP_NOT_FOUND',
  NumberTaken = 'HOUSEHOLD_NUMBER_TAKEN',
  CardTaken = 'POINTS_CARD_TAKEN',
  IdNumberRegistered = 'ID_NUMBER_REGISTERED',
  IdNumberRepeated = 'ID_NUMBER_REPEATED',
  VersionConflict = 'VERSION_CONFLICT',
  NoBankAccount = 'NO_BANK_ACCOUNT',
  MemberUnknown = 'HOUSEHOLD_MEMBER_UNKNOWN',
}

const STATUS: Record<HouseholdErrorCode, HttpStatus> = {
  [HouseholdErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [HouseholdErrorCode.VillageNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [HouseholdErrorCode.GroupNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [HouseholdErrorCode.NumberTaken]: HttpStatus.CONFLICT,
  [HouseholdErrorCode.CardTaken]: HttpStatus.CONFLICT,
  [HouseholdErrorCode.IdNumberRegistered]: HttpStatus.CONFLICT,
  [HouseholdErrorCode.IdNumberRepeated]: HttpStatus.UNPROCESSABLE_ENTITY,
  [HouseholdErrorCode.VersionConflict]: HttpStatus.CONFLICT,
  [HouseholdErrorCode.NoBankAccount]: HttpStatus.NOT_FOUND,
  [HouseholdErrorCode.MemberUnknown]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of the households module. */
export class HouseholdException extends DomainException {
  constructor(code: HouseholdErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static notFound(id: string): HouseholdException {
    return new HouseholdException(
      HouseholdErrorCode.NotFound,
      `农户 ${id} 不存在 / Household ${id} does not exist`,
    );
  }
}
