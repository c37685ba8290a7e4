import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@fupin/auth';
import { kioskSignInBodySchema, type KioskSessionResponse, type KioskSignInBody } from '@fupin/contracts';
import { Ctx, ZodValidationPipe, type RequestContext } from '@fupin/service-kit';
import { KioskSessionsService } from './kiosk-sessions.service';
import { SignInBrake } from './sign-in-brake';

/** A household's own web sign-in (我家的分红 and other read-only pages), with its card and PIN. */
@ApiTags('household sign-in 农户登录')
@Controller('auth/household')
export class HouseholdAuthController {
  constructor(
    private readonly sessions: KioskSessionsService,
    private readonly brake: SignInBrake,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Household sign-in on the web with points card + PIN: a 15-minute read-only token (role villager); 5 wrong PINs lock the card, 10 tries per address per 10 minutes',
  })
  signIn(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(kioskSignInBodySchema)) body: KioskSignInBody,
  ): Promise<KioskSessionResponse> {
    this.brake.take(ctx.ip ?? 'unknown');
    return this.sessions.signInOnline(ctx, body);
  }
}
