import { describeServiceShell } from '@fupin/service-kit/testing';
import { dividendsService } from './dividends.service';

describeServiceShell(dividendsService);
