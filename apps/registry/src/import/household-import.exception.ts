import { HttpStatus } from '@nestjs/common';
import type { ImportRejectedDetails } from '@fupin/contracts';
import { DomainException } from '@fupin/service-kit';

export enum ImportErrorCode {
  FileMissing = 'IMPORT_FILE_MISSING',
  Unreadable = 'IMPORT_FILE_UNREADABLE',
  UnsupportedFormat = 'IMPORT_FORMAT_UNSUPPORTED',
  TooManyRows = 'IMPORT_TOO_MANY_ROWS',
  Empty = 'IMPORT_EMPTY',
  Rejected = 'IMPORT_REJECTED',
}

const STATUS: Record<ImportErrorCode, HttpStatus> = {
  [ImportErrorCode.FileMissing]: HttpStatus.BAD_REQUEST,
  [ImportErrorCode.Unreadable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ImportErrorCode.UnsupportedFormat]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ImportErrorCode.TooManyRows]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ImportErrorCode.Empty]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ImportErrorCode.Rejected]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of a household import; nothing of the file has been imported. */
export class ImportException extends DomainException {
  constructor(code: ImportErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static rejected(details: ImportRejectedDetails): ImportException {
    return new ImportException(
      ImportErrorCode.Rejected,
      `导入被拒绝：${details.rejected.length} 处错误，未导入任何数据 / Import rejected: ${details.rejected.length} problem(s), nothing was imported`,
      details,
    );
  }
}
