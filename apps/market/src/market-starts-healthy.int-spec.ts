import { describeServiceShell } from '@fupin/service-kit/testing';
import { marketService } from './market.service';

describeServiceShell(marketService);
