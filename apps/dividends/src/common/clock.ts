import { Injectable } from '@nestjs/common';

/** The service's notion of now; tests move it forward to close a notice period without waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
