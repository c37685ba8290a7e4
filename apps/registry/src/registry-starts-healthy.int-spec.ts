import { describeServiceShell } from '@fupin/service-kit/testing';
import { registryService } from './registry.service';

describeServiceShell(registryService);
