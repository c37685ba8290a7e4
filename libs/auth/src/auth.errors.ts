import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';

/** Codes the auth guard and the scope helpers answer with. */
export enum AuthErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  Unavailable = 'AUTH_UNAVAILABLE',
}

/** 401 `{ code: 'UNAUTHENTICATED', message }`. */
export function unauthenticated(message = '请先登录 / Sign-in required'): UnauthorizedException {
  return new UnauthorizedException({ code: AuthErrorCode.Unauthenticated, message });
}

/** 403 `{ code: 'FORBIDDEN', message }`. */
export function forbidden(message = '无权访问 / Not allowed'): ForbiddenException {
  return new ForbiddenException({ code: AuthErrorCode.Forbidden, message });
}

/** 503: the signing keys cannot be fetched, so no token can be checked right now. */
export function authUnavailable(): ServiceUnavailableException {
  return new ServiceUnavailableException({
    code: AuthErrorCode.Unavailable,
    message: '暂时无法验证登录，请稍后再试 / Cannot verify sign-ins right now, try again shortly',
  });
}
