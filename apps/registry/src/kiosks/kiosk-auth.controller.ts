import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@fupin/auth';
import {
  KIOSK_CREDENTIAL_HEADER,
  kioskSignInBodySchema,
  type KioskDeviceView,
  type KioskSessionResponse,
  type KioskSignInBody,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { KioskSessionsService } from './kiosk-sessions.service';
import { KiosksService } from './kiosks.service';

const CREDENTIAL_HEADER_DOC = {
  name: 'X-Kiosk-Credential',
  description: 'The kiosk device credential `<kioskId>.<secret>`',
  required: true,
};

/** The kiosk device's own endpoints: who am I, villager sign-in, keep-alive, sign-out. */
@ApiTags('kiosk sign-in 终端登录')
@Controller('auth/kiosk')
export class KioskAuthController {
  constructor(
    private readonly kiosks: KiosksService,
    private readonly sessions: KioskSessionsService,
  ) {}

  @Get('device')
  @Public()
  @ApiHeader(CREDENTIAL_HEADER_DOC)
  @ApiOperation({ summary: 'The kiosk, store and village behind a device credential' })
  async device(@Headers(KIOSK_CREDENTIAL_HEADER) credential: unknown): Promise<KioskDeviceView> {
    return this.kiosks.deviceView(await this.kiosks.authenticateDevice(credential));
  }

  @Post('sign-in')
  @HttpCode(200)
  @Public()
  @ApiHeader(CREDENTIAL_HEADER_DOC)
  @ApiOperation({
    summary: 'Villager sign-in with points card + PIN (own village only; 5 wrong PINs lock the card)',
  })
  signIn(
    @Ctx() ctx: RequestContext,
    @Headers(KIOSK_CREDENTIAL_HEADER) credential: unknown,
    @Body(new ZodValidationPipe(kioskSignInBodySchema)) body: KioskSignInBody,
  ): Promise<KioskSessionResponse> {
    return this.sessions.signIn(ctx, credential, body);
  }

  @Post('session/refresh')
  @HttpCode(200)
  @Roles('household')
  @ApiBearerAuth()
  @ApiHeader(CREDENTIAL_HEADER_DOC)
  @ApiOperation({ summary: 'Renew the 2-minute session token on activity; an idle session simply expires' })
  refresh(
    @CurrentPrincipal() principal: Principal,
    @Headers(KIOSK_CREDENTIAL_HEADER) credential: unknown,
  ): Promise<KioskSessionResponse> {
    return this.sessions.refresh(principal, credential);
  }

  @Post('session/end')
  @HttpCode(204)
  @Roles('household')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign the villager out' })
  async end(@Ctx() ctx: RequestContext): Promise<void> {
    await this.sessions.end(ctx);
  }
}
