import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** Read access to the registry's append-only audit log. */
@Module({ controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
