import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum RuleErrorCode {
  NotFound = 'RULE_SET_NOT_FOUND',
  NoneInForce = 'NO_RULE_SET_IN_FORCE',
  EffectiveDateTaken = 'RULE_SET_EFFECTIVE_DATE_TAKEN',
}

const STATUS: Record<RuleErrorCode, HttpStatus> = {
  [RuleErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [RuleErrorCode.NoneInForce]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RuleErrorCode.EffectiveDateTaken]: HttpStatus.CONFLICT,
};

/** An expected failure of the points standards (积分标准). */
export class RuleException extends DomainException {
  constructor(code: RuleErrorCode, message: string) {
    super(code, message, STATUS[code]);
  }
}
