import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum EntityErrorCode {
  NotFound = 'ENTITY_NOT_FOUND',
  Inactive = 'ENTITY_INACTIVE',
  HouseholdUnknown = 'ENTITY_HOUSEHOLD_UNKNOWN',
  HouseholdOutsideCounty = 'ENTITY_HOUSEHOLD_OUTSIDE_COUNTY',
  AlreadyMember = 'ENTITY_ALREADY_MEMBER',
  NotMember = 'ENTITY_NOT_MEMBER',
  ImportRejected = 'ENTITY_IMPORT_REJECTED',
  ImportUnreadable = 'ENTITY_IMPORT_UNREADABLE',
  FileMissing = 'ENTITY_IMPORT_FILE_MISSING',
}

const STATUS: Record<EntityErrorCode, HttpStatus> = {
  [EntityErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [EntityErrorCode.Inactive]: HttpStatus.CONFLICT,
  [EntityErrorCode.HouseholdUnknown]: HttpStatus.UNPROCESSABLE_ENTITY,
  [EntityErrorCode.HouseholdOutsideCounty]: HttpStatus.UNPROCESSABLE_ENTITY,
  [EntityErrorCode.AlreadyMember]: HttpStatus.CONFLICT,
  [EntityErrorCode.NotMember]: HttpStatus.UNPROCESSABLE_ENTITY,
  [EntityErrorCode.ImportRejected]: HttpStatus.UNPROCESSABLE_ENTITY,
  [EntityErrorCode.ImportUnreadable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [EntityErrorCode.FileMissing]: HttpStatus.BAD_REQUEST,
};

/** An expected failure of the entities module (members, shares, attendance). */
export class EntityException extends DomainException {
  constructor(code: EntityErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static notFound(id: string): EntityException {
    return new EntityException(
      EntityErrorCode.NotFound,
      `分红主体 ${id} 不存在 / Distributing entity ${id} does not exist`,
    );
  }
}
