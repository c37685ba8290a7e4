import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum OrganisationErrorCode {
  NotFound = 'ORGANISATION_NOT_FOUND',
  RegionNotFound = 'ORGANISATION_REGION_NOT_FOUND',
  WrongRegionLevel = 'ORGANISATION_REGION_LEVEL',
  AlreadyExists = 'ORGANISATION_EXISTS',
  Inactive = 'ORGANISATION_INACTIVE',
  WrongType = 'ORGANISATION_WRONG_TYPE',
}

const STATUS: Record<OrganisationErrorCode, HttpStatus> = {
  [OrganisationErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [OrganisationErrorCode.RegionNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [OrganisationErrorCode.WrongRegionLevel]: HttpStatus.UNPROCESSABLE_ENTITY,
  [OrganisationErrorCode.AlreadyExists]: HttpStatus.CONFLICT,
  [OrganisationErrorCode.Inactive]: HttpStatus.CONFLICT,
  [OrganisationErrorCode.WrongType]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of the organisations module. */
export class OrganisationException extends DomainException {
  constructor(code: OrganisationErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static notFound(id: string): OrganisationException {
    return new OrganisationException(
      OrganisationErrorCode.NotFound,
      `机构 ${id} 不存在 / Organisation ${id} does not exist`,
    );
  }
}
