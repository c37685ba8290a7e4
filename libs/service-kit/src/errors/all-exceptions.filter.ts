import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { IdempotencyKeyReusedError } from '@fupin/persistence';
import { QueryFailedError } from 'typeorm';
import { ZodError } from 'zod';
import { DomainException } from './domain-exception';

/** The one error body every service answers with. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/** PostgreSQL constraint errors that are the caller's fault, not the server's. */
const PG_CONSTRAINT: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'DUPLICATE', message: '记录已存在 / The record already exists' },
  '23503': {
    status: 409,
    code: 'REFERENCE_MISSING',
    message: '引用的记录不存在 / A referenced record does not exist',
  },
  '23514': { status: 409, code: 'RULE_VIOLATED', message: '违反数据规则 / The change breaks a data rule' },
  '22003': { status: 400, code: 'OUT_OF_RANGE', message: '数值超出范围 / A number is out of range' },
  '22P02': { status: 400, code: 'BAD_INPUT', message: '输入格式不正确 / Malformed input' },
};

/**
 * Turns every error into `{code, message}` with the right status. Expected failures keep their
 * code; anything unexpected becomes a 500 whose details stay in the log, never in the answer.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.map(exception);
    if (status >= 500) {
      this.logger.error({ err: exception }, body.message);
    }
    if (!response.headersSent) response.status(status).json(body);
  }

  private map(exception: unknown): [number, ErrorBody] {
    if (exception instanceof DomainException) {
      return [
        exception.status,
        { code: exception.code, message: exception.message, details: exception.details },
      ];
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      return [
        HttpStatus.UNPROCESSABLE_ENTITY,
        {
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: `同一 Idempotency-Key 已用于另一请求 / ${exception.message}`,
        },
      ];
    }
    if (exception instanceof ZodError) {
      return [
        HttpStatus.BAD_REQUEST,
        {
          code: 'VALIDATION_FAILED',
          message: exception.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
          details: exception.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      ];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const raw = typeof res === 'string' ? res : (res as { message?: unknown; code?: unknown });
      const message =
        typeof raw === 'string'
          ? raw
          : Array.isArray(raw.message)
            ? raw.message.join('; ')
            : String(raw.message ?? exception.message);
      const code =
        typeof raw === 'object' && typeof raw.code === 'string'
          ? raw.code
          : (HTTP_CODES[status] ?? `HTTP_${status}`);
      return [status, { code, message }];
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      const known = pgCode ? PG_CONSTRAINT[pgCode] : undefined;
      if (known) return [known.status, { code: known.code, message: known.message }];
    }
    if (isPoolTimeout(exception) || isSerializationFailure(exception)) {
      // The database is saturated (no pooled connection came free in time) or a serializable
      // transaction lost a race: nothing was changed, and the same request may be sent again.
      return [
        HttpStatus.SERVICE_UNAVAILABLE,
        {
          code: 'BUSY',
          message: '系统繁忙，请稍后重试 / The system is busy; please try again in a moment',
        },
      ];
    }
    if (isBodyParserError(exception)) {
      return [
        exception.status,
        { code: HTTP_CODES[exception.status] ?? 'BAD_REQUEST', message: exception.message },
      ];
    }
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { code: 'INTERNAL_ERROR', message: '服务器内部错误 / Internal server error' },
    ];
  }
}

/** pg-pool's answer when no connection came free within `connectionTimeoutMillis`. */
function isPoolTimeout(e: unknown): boolean {
  return e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message);
}

/** 40001 serialization failure / 40P01 deadlock: the transaction was rolled back whole. */
function isSerializationFailure(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const code = (e.driverError as { code?: string } | undefined)?.code;
  return code === '40001' || code === '40P01';
}

function isBodyParserError(e: unknown): e is { status: number; message: string } {
  const s = (e as { status?: unknown; type?: unknown }) ?? {};
  return typeof s.status === 'number' && s.status >= 400 && s.status < 500 && typeof s.type === 'string';
}
