import { Module } from '@nestjs/common';
import { BlacklistController } from './blacklist.controller';
import { BlacklistService } from './blacklist.service';

/** The blacklist (黑名单, 红十条). */
@Module({ controllers: [BlacklistController], providers: [BlacklistService] })
export class BlacklistModule {}
