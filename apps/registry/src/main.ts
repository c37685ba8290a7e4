import 'reflect-metadata';
import { runServiceMain } from '@fupin/service-kit';
import { registryService } from './registry.service';

runServiceMain(registryService);
