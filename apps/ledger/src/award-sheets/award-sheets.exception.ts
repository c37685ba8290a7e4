import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum AwardSheetErrorCode {
  NotFound = 'AWARD_SHEET_NOT_FOUND',
  PeriodTaken = 'AWARD_SHEET_PERIOD_TAKEN',
  WrongStatus = 'AWARD_SHEET_WRONG_STATUS',
  Empty = 'AWARD_SHEET_EMPTY',
  UnknownHousehold = 'AWARD_LINE_UNKNOWN_HOUSEHOLD',
  OtherVillage = 'AWARD_LINE_OTHER_VILLAGE',
  UnknownItem = 'AWARD_LINE_UNKNOWN_ITEM',
  DuplicateLine = 'AWARD_LINE_DUPLICATE',
  MonthlyCapExceeded = 'AWARD_MONTHLY_CAP_EXCEEDED',
  YearlyCapExceeded = 'AWARD_YEARLY_CAP_EXCEEDED',
  Blacklisted = 'HOUSEHOLD_BLACKLISTED',
  NoticeNotOver = 'NOTICE_NOT_OVER',
  NoticeClosed = 'NOTICE_CLOSED',
  ObjectionsOpen = 'OBJECTIONS_OPEN',
  ObjectionNotFound = 'OBJECTION_NOT_FOUND',
  ObjectionResolved = 'OBJECTION_ALREADY_RESOLVED',
  LineNotFound = 'AWARD_LINE_NOT_FOUND',
  BadImport = 'AWARD_IMPORT_INVALID',
}

const S = HttpStatus;
const STATUS: Record<AwardSheetErrorCode, HttpStatus> = {
  [AwardSheetErrorCode.NotFound]: S.NOT_FOUND,
  [AwardSheetErrorCode.PeriodTaken]: S.CONFLICT,
  [AwardSheetErrorCode.WrongStatus]: S.CONFLICT,
  [AwardSheetErrorCode.Empty]: S.UNPROCESSABLE_ENTITY,
  [AwardSheetErrorCode.UnknownHousehold]: S.UNPROCESSABLE_ENTITY,
  [AwardSheetErrorCode.OtherVillage]: S.UNPROCESSABLE_ENTITY,
  [AwardSheetErrorCode.UnknownItem]: S.UNPROCESSABLE_ENTITY,
  [AwardSheetErrorCode.DuplicateLine]: S.UNPROCESSABLE_ENTITY,
  [AwardSheetErrorCode.MonthlyCapExceeded]: S.UNPROCESSABLE_ENTITY,
  [AwardSheetErrorCode.YearlyCapExceeded]: S.UNPROCESSABLE_ENTITY,
  [AwardSheetErrorCode.Blacklisted]: S.CONFLICT,
  [AwardSheetErrorCode.NoticeNotOver]: S.CONFLICT,
  [AwardSheetErrorCode.NoticeClosed]: S.CONFLICT,
  [AwardSheetErrorCode.ObjectionsOpen]: S.CONFLICT,
  [AwardSheetErrorCode.ObjectionNotFound]: S.NOT_FOUND,
  [AwardSheetErrorCode.ObjectionResolved]: S.CONFLICT,
  [AwardSheetErrorCode.LineNotFound]: S.UNPROCESSABLE_ENTITY,
  [AwardSheetErrorCode.BadImport]: S.BAD_REQUEST,
};

/** An expected failure of the monthly award sheets (积分评定, 公示, 审批). */
export class AwardSheetException extends DomainException {
  constructor(code: AwardSheetErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static notFound(id: string): AwardSheetException {
    return new AwardSheetException(
      AwardSheetErrorCode.NotFound,
      `积分评定表 ${id} 不存在 / No award sheet ${id}`,
    );
  }

  static wrongStatus(status: string, wanted: string): AwardSheetException {
    return new AwardSheetException(
      AwardSheetErrorCode.WrongStatus,
      `评定表状态为 ${status}，此操作需要 ${wanted} / The sheet is ${status}; this needs ${wanted}`,
      { status, wanted },
    );
  }
}
