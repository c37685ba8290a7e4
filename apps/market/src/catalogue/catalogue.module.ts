import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';

/** 四统一 catalogue, stock by lot, public trace data. */
@Module({ controllers: [CatalogueController], providers: [CatalogueService] })
export class CatalogueModule {}
