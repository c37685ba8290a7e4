import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@fupin/auth';
import { paginationQuerySchema } from '@fupin/contracts';
import { MessagingRuntime } from '@fupin/messaging';
import { z } from 'zod';
import { DomainException } from '../errors/domain-exception';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';

const listQuery = paginationQuerySchema.extend({
  status: z.enum(['open', 'replayed', 'discarded']).optional(),
  consumer: z.string().max(200).optional(),
});
const idParam = z.string().regex(/^\d{1,18}$/, 'must be a dead letter id');
const discardBody = z.object({ reason: z.string().trim().min(2).max(500) });

function notFound(id: string): DomainException {
  return new DomainException(
    'DEAD_LETTER_NOT_FOUND',
    `找不到死信 ${id} / No dead letter ${id}`,
    HttpStatus.NOT_FOUND,
  );
}

/**
 * Events this service could not apply: listed for the county's operators, replayed once the cause
 * is fixed (through the inbox, so never twice), or discarded with a reason.
 */
@ApiTags('messaging')
@ApiBearerAuth()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(@Inject(MessagingRuntime) private readonly messaging: MessagingRuntime) {}

  @Get()
  @Roles('county_admin', 'auditor')
  @ApiOperation({ summary: 'Dead letters, newest first' })
  list(@Query(new ZodValidationPipe(listQuery)) query: z.infer<typeof listQuery>) {
    return this.messaging.deadLetters.list(query);
  }

  @Get(':id')
  @Roles('county_admin', 'auditor')
  async get(@Param('id', new ZodValidationPipe(idParam)) id: string) {
    const letter = await this.messaging.deadLetters.get(id);
    if (!letter) throw notFound(id);
    return letter;
  }

  @Post(':id/replay')
  @HttpCode(HttpStatus.OK)
  @Roles('county_admin')
  @ApiOperation({ summary: 'Offer the message to its consumer again' })
  async replay(
    @Param('id', new ZodValidationPipe(idParam)) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const result = await this.messaging.deadLetters.replay(id, principal.id);
    if (!result) throw notFound(id);
    if (result.outcome === 'still-failing') {
      throw new DomainException(
        'REPLAY_FAILED',
        `重放失败 / Replay failed: ${result.error}`,
        HttpStatus.CONFLICT,
        {
          deadLetter: result.deadLetter,
        },
      );
    }
    return result;
  }

  @Post(':id/discard')
  @HttpCode(HttpStatus.OK)
  @Roles('county_admin')
  @ApiOperation({ summary: 'Close without applying, with a reason' })
  async discard(
    @Param('id', new ZodValidationPipe(idParam)) id: string,
    @Body(new ZodValidationPipe(discardBody)) body: z.infer<typeof discardBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const letter = await this.messaging.deadLetters.discard(id, principal.id, body.reason);
    if (!letter) throw notFound(id);
    if (letter.resolvedBy !== principal.id || letter.status !== 'discarded') {
      throw new DomainException(
        'DEAD_LETTER_CLOSED',
        `死信已处理 / Already ${letter.status}`,
        HttpStatus.CONFLICT,
      );
    }
    return letter;
  }
}
