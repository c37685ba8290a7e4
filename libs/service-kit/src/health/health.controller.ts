import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@fupin/auth';
import { DatabaseHealthIndicator } from './database.health';

/** `GET /api/<service>/health` (readiness, checks the database) and `/health/live` (liveness). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the service and its database answer' })
  readiness() {
    return this.health.check([() => this.database.check()]);
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  liveness() {
    return { status: 'ok' };
  }
}
