import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ReadModelsService } from '../read-models/read-models.service';
import { EntitiesController } from './entities.controller';
import { EntitiesService } from './entities.service';
import { MemberImportService } from './member-import.service';

/** Distributing entities, members, shareholdings and attendance; provides the read models to the others. */
@Global()
@Module({
  controllers: [EntitiesController],
  providers: [EntitiesService, MemberImportService, ReadModelsService, Clock],
  exports: [ReadModelsService, Clock],
})
export class EntitiesModule {}
