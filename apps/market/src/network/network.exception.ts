import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum NetworkErrorCode {
  OrganisationNotFound = 'NETWORK_ORGANISATION_NOT_FOUND',
  WrongType = 'NETWORK_WRONG_TYPE',
  HouseholdNotFound = 'NETWORK_HOUSEHOLD_NOT_FOUND',
  Inactive = 'NETWORK_ORGANISATION_INACTIVE',
}

const STATUS: Record<NetworkErrorCode, HttpStatus> = {
  [NetworkErrorCode.OrganisationNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NetworkErrorCode.WrongType]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NetworkErrorCode.HouseholdNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NetworkErrorCode.Inactive]: HttpStatus.CONFLICT,
};

/** An expected failure about the network read model (organisations and households from the registry). */
export class NetworkException extends DomainException {
  constructor(code: NetworkErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
