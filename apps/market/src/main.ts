import 'reflect-metadata';
import { runServiceMain } from '@fupin/service-kit';
import { marketService } from './market.service';

runServiceMain(marketService);
