import 'reflect-metadata';
import { runServiceMain } from '@fupin/service-kit';
import { ledgerService } from './ledger.service';

runServiceMain(ledgerService);
