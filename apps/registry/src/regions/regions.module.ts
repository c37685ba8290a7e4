import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

/** Regions: county → town → village → villager group. */
@Module({ controllers: [RegionsController], providers: [RegionsService], exports: [RegionsService] })
export class RegionsModule {}
