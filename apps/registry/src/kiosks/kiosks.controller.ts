import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  kioskListQuerySchema,
  registerKioskBodySchema,
  type KioskCredentialResponse,
  type KioskListQuery,
  type KioskView,
  type Paginated,
  type RegisterKioskBody,
  type Role,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { KiosksService } from './kiosks.service';

/** Who registers and manages kiosks: administrators over the village, and its store keeper. */
const KIOSK_MANAGERS: [Role, ...Role[]] = ['county_admin', 'town_admin', 'village_admin', 'store_keeper'];

@ApiTags('kiosks 自助终端')
@ApiBearerAuth()
@Controller('kiosks')
export class KiosksController {
  constructor(private readonly kiosks: KiosksService) {}

  @Get()
  @Roles(...KIOSK_MANAGERS, 'auditor')
  @ApiOperation({ summary: 'Kiosks in your region or at your store' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(kioskListQuerySchema)) query: KioskListQuery,
  ): Promise<Paginated<KioskView>> {
    return this.kiosks.list(principal, query);
  }

  @Get(':id')
  @Roles(...KIOSK_MANAGERS, 'auditor')
  @ApiOperation({ summary: 'One kiosk' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<KioskView> {
    return this.kiosks.get(principal, id);
  }

  @Post()
  @Roles(...KIOSK_MANAGERS)
  @ApiOperation({ summary: 'Register a kiosk at a love supermarket; the credential is shown once' })
  register(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(registerKioskBodySchema)) body: RegisterKioskBody,
  ): Promise<KioskCredentialResponse> {
    return this.kiosks.register(ctx, body);
  }

  @Post(':id/credential')
  @HttpCode(200)
  @Roles(...KIOSK_MANAGERS)
  @ApiOperation({ summary: 'Issue a new credential (the old one stops working); shown once' })
  rotate(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<KioskCredentialResponse> {
    return this.kiosks.rotateCredential(ctx, id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles(...KIOSK_MANAGERS)
  @ApiOperation({ summary: 'Switch a kiosk off (lost or broken); its sessions end' })
  deactivate(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<KioskView> {
    return this.kiosks.setActive(ctx, id, false);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(...KIOSK_MANAGERS)
  @ApiOperation({ summary: 'Switch a kiosk back on' })
  activate(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<KioskView> {
    return this.kiosks.setActive(ctx, id, true);
  }
}
