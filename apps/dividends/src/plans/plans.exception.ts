import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum PlanErrorCode {
  NotFound = 'PLAN_NOT_FOUND',
  VersionNotFound = 'PLAN_VERSION_NOT_FOUND',
}

const STATUS: Record<PlanErrorCode, HttpStatus> = {
  [PlanErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [PlanErrorCode.VersionNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of the plans module. */
export class PlanException extends DomainException {
  constructor(code: PlanErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
