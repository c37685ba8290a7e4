import 'reflect-metadata';
import { runServiceMain } from '@fupin/service-kit';
import { dividendsService } from './dividends.service';

runServiceMain(dividendsService);
