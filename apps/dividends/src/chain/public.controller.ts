import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@fupin/auth';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { maskName } from '../common/masking';
import { UuidPipe } from '../common/params';
import { ZodValidationPipe } from '@fupin/service-kit';
import { DistributionException } from '../distributions/distributions.exception';
import { Clock } from '../common/clock';
import { ChainService } from './chain.service';

const noticeListQuerySchema = z.object({ entityId: z.uuid().optional() });

/** What anyone may read without signing in: notices (names masked) and the chain's integrity. */
@ApiTags('public 公示')
@Controller('public')
export class PublicController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chain: ChainService,
    private readonly clock: Clock,
  ) {}

  @Get('notices')
  @Public()
  @ApiOperation({ summary: 'Published dividend notices (公示), newest first' })
  async list(@Query(new ZodValidationPipe(noticeListQuerySchema)) query: { entityId?: string }) {
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.title, n.published_at, n.ends_at, o.name AS entity_name, d.pool_fen::text AS pool_fen, c.seq, c.hash
       FROM notice n JOIN distribution d ON d.id = n.distribution_id JOIN organisation_rm o ON o.id = n.entity_id
       JOIN chain_record c ON c.ref_id = n.id
       WHERE ($1::uuid IS NULL OR n.entity_id = $1) ORDER BY n.published_at DESC LIMIT 200`,
      [query.entityId ?? null],
    )) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      entityName: r.entity_name,
      poolFen: r.pool_fen,
      publishedAt: new Date(r.published_at as string).toISOString(),
      endsAt: new Date(r.ends_at as string).toISOString(),
      chainSeq: Number(r.seq),
      hash: r.hash,
    }));
  }

  @Get('notices/:id')
  @Public()
  @ApiOperation({
    summary: 'One notice: every household (name masked) and its amount, the retained parts, the chain link',
  })
  async get(@Param('id', UuidPipe) id: string) {
    const [notice] = (await this.dataSource.query(
      `SELECT n.id, n.title, n.published_at, n.ends_at, n.distribution_id, o.name AS entity_name, d.pool_fen::text AS pool_fen,
              d.period_start::text AS period_start, d.period_end::text AS period_end, d.account_parts, d.status,
              d.plan_version, c.seq, c.hash, c.prev_hash
       FROM notice n JOIN distribution d ON d.id = n.distribution_id JOIN organisation_rm o ON o.id = n.entity_id
       JOIN chain_record c ON c.ref_id = n.id WHERE n.id = $1`,
      [id],
    )) as Array<Record<string, unknown>>;
    if (!notice) throw DistributionException.notFound(id);
    const lines = (await this.dataSource.query(
      `SELECT household_number, head_name, village_code, amount_fen::text AS amount_fen
       FROM distribution_line WHERE distribution_id = $1 ORDER BY village_code, household_number`,
      [notice.distribution_id],
    )) as Array<Record<string, string>>;
    const endsAt = new Date(notice.ends_at as string);
    return {
      id: notice.id,
      title: notice.title,
      entityName: notice.entity_name,
      periodStart: notice.period_start,
      periodEnd: notice.period_end,
      poolFen: notice.pool_fen,
      planVersion: notice.plan_version,
      distributionStatus: notice.status,
      publishedAt: new Date(notice.published_at as string).toISOString(),
      endsAt: endsAt.toISOString(),
      objectionsOpen: notice.status === 'noticed' && this.clock.now() < endsAt,
      accountParts: notice.account_parts,
      chain: { seq: Number(notice.seq), hash: notice.hash, prevHash: notice.prev_hash },
      lines: lines.map((l) => ({
        householdName: maskName(l.head_name),
        villageCode: l.village_code,
        amountFen: l.amount_fen,
      })),
    };
  }

  @Get('chain/verify')
  @Public()
  @ApiOperation({
    summary: 'Recomputes the hash chain over notices and payout batches; names the first broken link',
  })
  verify() {
    return this.chain.verify();
  }
}
