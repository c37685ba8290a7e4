import { Module } from '@nestjs/common';
import { ChainService } from './chain.service';
import { PublicController } from './public.controller';

/** The hash chain and the public pages that show it. */
@Module({ controllers: [PublicController], providers: [ChainService], exports: [ChainService] })
export class ChainModule {}
