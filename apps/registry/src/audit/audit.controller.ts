import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fupin/auth';
import {
  auditListQuerySchema,
  type AuditEntryView,
  type AuditListQuery,
  type Paginated,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { AuditService } from './audit.service';

@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('county_admin', 'auditor')
  @ApiOperation({
    summary:
      'The audit log, newest first (filter by actor, action or action prefix "household.", target, time)',
  })
  list(
    @Query(new ZodValidationPipe(auditListQuerySchema)) query: AuditListQuery,
  ): Promise<Paginated<AuditEntryView>> {
    return this.audit.list(query);
  }
}
