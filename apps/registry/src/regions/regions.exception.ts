import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum RegionErrorCode {
  NotFound = 'REGION_NOT_FOUND',
  ParentMissing = 'REGION_PARENT_MISSING',
  AlreadyExists = 'REGION_EXISTS',
  LevelNotAllowed = 'REGION_LEVEL_NOT_ALLOWED',
}

const STATUS: Record<RegionErrorCode, HttpStatus> = {
  [RegionErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [RegionErrorCode.ParentMissing]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RegionErrorCode.AlreadyExists]: HttpStatus.CONFLICT,
  [RegionErrorCode.LevelNotAllowed]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of the regions module. */
export class RegionException extends DomainException {
  constructor(code: RegionErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static notFound(code: string): RegionException {
    return new RegionException(
      RegionErrorCode.NotFound,
      `区划 ${code} 不存在 / Region ${code} does not exist`,
    );
  }
}
