import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum DistributionErrorCode {
  NotFound = 'DISTRIBUTION_NOT_FOUND',
  WrongStatus = 'DISTRIBUTION_WRONG_STATUS',
  IncomeUnavailable = 'DISTRIBUTION_INCOME_UNAVAILABLE',
  PlanOfAnotherEntity = 'DISTRIBUTION_PLAN_OF_ANOTHER_ENTITY',
  PlanCannotPlace = 'DISTRIBUTION_PLAN_CANNOT_PLACE',
  NoticePeriodRunning = 'DISTRIBUTION_NOTICE_PERIOD_RUNNING',
  ObjectionsOpen = 'DISTRIBUTION_OBJECTIONS_OPEN',
  ObjectionNotFound = 'DISTRIBUTION_OBJECTION_NOT_FOUND',
  MeetingBeforeNotice = 'DISTRIBUTION_MEETING_BEFORE_NOTICE',
}

const STATUS: Record<DistributionErrorCode, HttpStatus> = {
  [DistributionErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DistributionErrorCode.WrongStatus]: HttpStatus.CONFLICT,
  [DistributionErrorCode.IncomeUnavailable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DistributionErrorCode.PlanOfAnotherEntity]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DistributionErrorCode.PlanCannotPlace]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DistributionErrorCode.NoticePeriodRunning]: HttpStatus.CONFLICT,
  [DistributionErrorCode.ObjectionsOpen]: HttpStatus.CONFLICT,
  [DistributionErrorCode.ObjectionNotFound]: HttpStatus.NOT_FOUND,
  [DistributionErrorCode.MeetingBeforeNotice]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of the distributions module (dry run → notice → approval → posting). */
export class DistributionException extends DomainException {
  constructor(code: DistributionErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static notFound(id: string): DistributionException {
    return new DistributionException(
      DistributionErrorCode.NotFound,
      `分配 ${id} 不存在 / Distribution ${id} does not exist`,
    );
  }

  static wrongStatus(status: string, expected: string): DistributionException {
    return new DistributionException(
      DistributionErrorCode.WrongStatus,
      `分配当前状态为 ${status}，此操作需要 ${expected} / The distribution is ${status}; this needs ${expected}`,
      { status, expected },
    );
  }
}
