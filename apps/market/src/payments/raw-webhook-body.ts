import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';

/** Where Stripe posts; its signature covers the exact bytes, so the body must stay raw. */
export const WEBHOOK_PATH = '/api/market/payments/stripe/webhook';

/**
 * Registers, while the app is being created (before the service kit installs the JSON parser),
 * a middleware that keeps the webhook's body as a Buffer and marks it parsed so that the JSON
 * parser leaves it alone.
 */
@Injectable()
export class RawWebhookBody {
  constructor(adapterHost: HttpAdapterHost) {
    const app = adapterHost.httpAdapter?.getInstance() as
      | { use(path: string, handler: (req: Request, res: Response, next: NextFunction) => void): void }
      | undefined;
    app?.use(WEBHOOK_PATH, (req, _res, next) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        (req as Request & { _body?: boolean }).body = Buffer.concat(chunks);
        (req as Request & { _body?: boolean })._body = true;
        next();
      });
      req.on('error', next);
    });
  }
}
