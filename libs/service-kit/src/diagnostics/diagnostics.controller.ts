import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fupin/auth';
import { MessagingRuntime } from '@fupin/messaging';
import { z } from 'zod';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { DiagnosticsService } from './diagnostics.service';

const sendBody = z.object({
  count: z.int().min(1).max(100).default(1),
  message: z.string().trim().min(1).max(200).default('ping'),
  /** Only this service records them; absent, every service does. */
  target: z.enum(['registry', 'ledger', 'market', 'dividends']).optional(),
});
const receivedQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

/**
 * The operators' end-to-end check of messaging: send pings from this service and see which pings
 * arrived here (from any service) and how long they took.
 */
@ApiTags('diagnostics')
@ApiBearerAuth()
@Controller('diagnostics')
export class DiagnosticsController {
  constructor(
    private readonly diagnostics: DiagnosticsService,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
  ) {}

  @Post('pings')
  @Roles('county_admin')
  @ApiOperation({ summary: 'Publish platform.ping events through the outbox' })
  async send(@Body(new ZodValidationPipe(sendBody)) body: z.infer<typeof sendBody>) {
    return { eventIds: await this.diagnostics.sendPings(body.count, body.message, body.target) };
  }

  @Get('pings')
  @Roles('county_admin', 'auditor')
  @ApiOperation({ summary: 'Pings this service received, newest first, with commit-to-effect latency' })
  async received(@Query(new ZodValidationPipe(receivedQuery)) query: z.infer<typeof receivedQuery>) {
    return { items: await this.diagnostics.received(query.limit) };
  }

  @Get('messaging')
  @Roles('county_admin', 'auditor')
  @ApiOperation({ summary: 'Whether the relay and consumers run' })
  status() {
    return this.messaging.status();
  }
}
