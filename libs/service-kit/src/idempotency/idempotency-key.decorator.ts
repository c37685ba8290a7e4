import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { DomainException } from '../errors/domain-exception';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * The `Idempotency-Key` header of a command that moves points, money or stock. Required: a
 * missing or malformed key is a 400, so a client can never send such a command without one.
 * Pair with `runIdempotent` from `@fupin/persistence` inside the command's transaction.
 */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const header = context
    .switchToHttp()
    .getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key) {
    throw new DomainException(
      'IDEMPOTENCY_KEY_REQUIRED',
      '请求缺少 Idempotency-Key 头 / This command needs an Idempotency-Key header',
      HttpStatus.BAD_REQUEST,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw new DomainException(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key 须为 8–200 个字母、数字或 _.:- / Idempotency-Key must be 8–200 letters, digits or _.:-',
      HttpStatus.BAD_REQUEST,
    );
  }
  return key;
});

/** Documents the header in OpenAPI for a command route. */
export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A unique key per command; a repeat returns the first answer',
  });
