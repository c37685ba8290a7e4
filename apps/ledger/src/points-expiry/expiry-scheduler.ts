import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { systemContext } from '@fupin/service-kit';
import { DataSource } from 'typeorm';
import { chinaDay } from '../common/sql';
import { LEDGER_CONFIG, type LedgerConfig } from '../ledger-config';
import { PointsExpiryService } from './points-expiry.service';

/** The actor of scheduled runs, as the journal and the audit log show it. */
export const SCHEDULER_ACTOR = 'system:expiry-scheduler';

/**
 * Runs each county's expiry once a China day, in-process. Every instance of the service checks
 * on a timer (so a restart or a missed tick only delays the run); one at a time holds the
 * session advisory lock and does the work, the others skip that tick. Each county is then run
 * in its own transaction, and a run already made for the day is never made again.
 */
@Injectable()
export class ExpiryScheduler implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ExpiryScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly expiry: PointsExpiryService,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  onModuleInit(): void {
    const every = this.config.LEDGER_EXPIRY_CHECK_INTERVAL_MS;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.logger.warn(`points expiry run failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * One check: the counties due on `day` (default today in China) are run, unless another
   * instance is at it. Answers the counties run by this call, or null when the lock was taken.
   */
  async tick(day = chinaDay(new Date())): Promise<string[] | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ ok }] = await runner.query(
        `SELECT pg_try_advisory_lock(hashtext('ledger.expiry-scheduler')) AS ok`,
      );
      if (!ok) return null;
      try {
        const done: string[] = [];
        for (const county of await this.expiry.countiesDue(day)) {
          try {
            await this.dataSource.transaction((m) =>
              this.expiry.run(systemContext(SCHEDULER_ACTOR), m, county, day),
            );
            done.push(county);
          } catch (error) {
            this.logger.warn(`points expiry of county ${county} on ${day} failed: ${String(error)}`);
          }
        }
        if (done.length) this.logger.log(`points expiry run for ${done.join(', ')} on ${day}`);
        return done;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('ledger.expiry-scheduler'))`);
      }
    } finally {
      await runner.release();
    }
  }
}
