import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@fupin/auth';
import { Registry } from 'prom-client';

/** Injection token for the service's Prometheus registry. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/**
 * `GET /api/<service>/metrics` in the Prometheus text format: process figures and messaging
 * (events published/consumed, dead letters, outbox lag). Open like health: it carries counts,
 * never personal data, and scrapers hold no user token.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  async metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
