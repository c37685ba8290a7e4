import { Module } from '@nestjs/common';
import { AllowanceAdminController } from './allowance-admin.controller';
import { AllowanceAdminService } from './allowance-admin.service';

/** Work units' yearly allowances and their year-end expiry. */
@Module({ controllers: [AllowanceAdminController], providers: [AllowanceAdminService] })
export class AllowancesModule {}
