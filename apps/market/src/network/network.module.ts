import { Global, Module } from '@nestjs/common';
import { NetworkController } from './network.controller';
import { NetworkService } from './network.service';

/** The county–town–village network read model (组织 from registry events). */
@Global()
@Module({ controllers: [NetworkController], providers: [NetworkService], exports: [NetworkService] })
export class NetworkModule {}
