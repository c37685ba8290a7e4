import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@fupin/auth';
import {
  publicObjectionBodySchema,
  type PublicObjectionBody,
  type PublicObjectionReceipt,
} from '@fupin/contracts';
import { audit, Ctx, ZodValidationPipe, type RequestContext } from '@fupin/service-kit';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { UuidPipe } from '../common/params';
import { DistributionException } from '../distributions/distributions.exception';
import { ObjectionLimiter } from './objection-limiter';
import { PublicErrorCode, PublicException } from './public.exception';

/** Who recorded an objection filed from the public notice page (not a staff account). */
export const PUBLIC_RECORDER = 'public-notice-page';

/**
 * 公示期内的异议: while a notice runs, anyone holding its link (a household) may object. The
 * objection joins the same list the administrators resolve before they may approve.
 */
@ApiTags('public 公示')
@Controller('public')
export class PublicObjectionsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly limiter: ObjectionLimiter,
  ) {}

  @Post('notices/:id/objections')
  @Public()
  @ApiOperation({
    summary: 'File an objection to a notice while it runs (no sign-in; limited per address)',
  })
  async file(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(publicObjectionBodySchema)) body: PublicObjectionBody,
  ): Promise<PublicObjectionReceipt> {
    return this.dataSource.transaction(async (manager) => {
      const [notice] = (await manager.query(
        `SELECT n.id, n.distribution_id, n.published_at, n.ends_at, d.status
         FROM notice n JOIN distribution d ON d.id = n.distribution_id WHERE n.id = $1 FOR SHARE OF d`,
        [id],
      )) as Array<{ id: string; distribution_id: string; published_at: Date; ends_at: Date; status: string }>;
      if (!notice) throw DistributionException.notFound(id);
      const now = this.clock.now();
      if (
        notice.status !== 'noticed' ||
        now < new Date(notice.published_at) ||
        now >= new Date(notice.ends_at)
      )
        throw new PublicException(
          PublicErrorCode.NoticeClosed,
          '公示期已结束，不能再提出异议；如有问题请联系村委会 / The notice period is over; please contact the village committee',
          { endsAt: new Date(notice.ends_at).toISOString() },
        );
      if (!this.limiter.take(ctx.ip ?? 'unknown', id))
        throw new PublicException(
          PublicErrorCode.ObjectionRateLimited,
          '提交次数过多，请一小时后再试 / Too many objections from here; try again in an hour',
        );
      const objectionId = randomUUID();
      const [{ recorded_at }] = (await manager.query(
        `INSERT INTO objection (id, distribution_id, raised_by, text, recorded_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING recorded_at`,
        [objectionId, notice.distribution_id, body.raisedBy, body.text, PUBLIC_RECORDER],
      )) as Array<{ recorded_at: Date }>;
      await audit(
        manager,
        ctx,
        'distribution.objection_filed_publicly',
        { type: 'distribution', id: notice.distribution_id },
        { objectionId, noticeId: id, ...body },
      );
      return { id: objectionId, noticeId: id, recordedAt: new Date(recorded_at).toISOString() };
    });
  }
}
