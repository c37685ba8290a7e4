import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fupin/auth';
import { NetworkOrganisation, NetworkService } from './network.service';

@ApiTags('network 三级网络')
@ApiBearerAuth()
@Controller('network')
export class NetworkController {
  constructor(private readonly network: NetworkService) {}

  @Get('organisations')
  @Roles('county_admin', 'town_admin', 'village_admin', 'collector', 'supermarket_staff', 'auditor')
  @ApiOperation({ summary: 'Collection points, sorting stations, the county supermarket and work units' })
  list(): Promise<NetworkOrganisation[]> {
    return this.network.list();
  }
}
