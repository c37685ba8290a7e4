import {
  ArgumentsHost,
  ConflictException,
  ForbiddenException,
  HttpStatus,
  NotFoundException,
} from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { z } from 'zod';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainException } from './domain-exception';

/** Runs the filter on one error and returns what the client would receive. */
function answer(error: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(error, host);
  return sent;
}

describe('errors reach the client as {code, message}', () => {
  it('keeps the code and status of an expected business failure', () => {
    const res = answer(
      new DomainException('INSUFFICIENT_POINTS', '积分不足 / Not enough points', HttpStatus.CONFLICT),
    );
    expect(res).toEqual({
      status: 409,
      body: { code: 'INSUFFICIENT_POINTS', message: '积分不足 / Not enough points' },
    });
  });

  it('turns a validation failure into 400 naming the field', () => {
    const parsed = z.object({ points: z.number().int().positive() }).safeParse({ points: -5 });
    const res = answer(parsed.success ? undefined : parsed.error);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/^points: /);
  });

  it('maps Nest HTTP exceptions to their status with a stable code', () => {
    expect(answer(new NotFoundException('no such household')).body).toEqual({
      code: 'NOT_FOUND',
      message: 'no such household',
    });
    expect(answer(new ForbiddenException()).status).toBe(403);
    expect(answer(new ConflictException()).body.code).toBe('CONFLICT');
  });

  it('answers a unique-constraint violation with 409, not 500', () => {
    const error = new QueryFailedError(
      'INSERT …',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    expect(answer(error)).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
  });

  it('answers a saturated connection pool or a lost serialization race with 503 BUSY, safe to retry', () => {
    expect(answer(new Error('timeout exceeded when trying to connect'))).toMatchObject({
      status: 503,
      body: { code: 'BUSY' },
    });
    for (const code of ['40001', '40P01']) {
      const error = new QueryFailedError(
        'UPDATE …',
        [],
        Object.assign(new Error('could not serialize'), { code }),
      );
      expect(answer(error)).toMatchObject({ status: 503, body: { code: 'BUSY' } });
    }
  });

  it('hides the details of an unexpected failure behind a 500', () => {
    const res = answer(new Error('connection string postgres://admin:secret@db leaked'));
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });
});
