import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum KioskErrorCode {
  NotFound = 'KIOSK_NOT_FOUND',
  NotALoveSupermarket = 'KIOSK_STORE_NOT_LOVE_SUPERMARKET',
  StoreInactive = 'KIOSK_STORE_INACTIVE',
  NameTaken = 'KIOSK_NAME_TAKEN',
  CredentialInvalid = 'KIOSK_CREDENTIAL_INVALID',
  KioskInactive = 'KIOSK_INACTIVE',
  SignInFailed = 'KIOSK_SIGN_IN_FAILED',
  CardLocked = 'CARD_LOCKED',
  PinNotSet = 'PIN_NOT_SET',
  NotInKioskVillage = 'HOUSEHOLD_NOT_IN_KIOSK_VILLAGE',
  SessionEnded = 'KIOSK_SESSION_ENDED',
  WrongKiosk = 'KIOSK_MISMATCH',
}

const STATUS: Record<KioskErrorCode, HttpStatus> = {
  [KioskErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [KioskErrorCode.NotALoveSupermarket]: HttpStatus.UNPROCESSABLE_ENTITY,
  [KioskErrorCode.StoreInactive]: HttpStatus.CONFLICT,
  [KioskErrorCode.NameTaken]: HttpStatus.CONFLICT,
  [KioskErrorCode.CredentialInvalid]: HttpStatus.UNAUTHORIZED,
  [KioskErrorCode.KioskInactive]: HttpStatus.FORBIDDEN,
  [KioskErrorCode.SignInFailed]: HttpStatus.UNAUTHORIZED,
  [KioskErrorCode.CardLocked]: HttpStatus.LOCKED,
  [KioskErrorCode.PinNotSet]: HttpStatus.CONFLICT,
  [KioskErrorCode.NotInKioskVillage]: HttpStatus.FORBIDDEN,
  [KioskErrorCode.SessionEnded]: HttpStatus.UNAUTHORIZED,
  [KioskErrorCode.WrongKiosk]: HttpStatus.FORBIDDEN,
};

/** An expected failure of kiosk registration and villager sign-in. */
export class KioskException extends DomainException {
  constructor(code: KioskErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }
}
