import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditorMayWrite, Authenticated, CurrentPrincipal, Public, Roles, type Principal } from '@fupin/auth';
import {
  changePasswordBodySchema,
  loginBodySchema,
  refreshBodySchema,
  STAFF_ROLES,
  type ChangePasswordBody,
  type JwksResponse,
  type LoginBody,
  type MeResponse,
  type RefreshBody,
  type TokenPairResponse,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { SessionsService } from './sessions.service';
import { SigningKeyStore } from './signing-key-store';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly keys: SigningKeyStore,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Staff login: 15-minute access token + rotating refresh token; 5 wrong passwords lock for 15 minutes',
  })
  login(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(loginBodySchema)) body: LoginBody,
  ): Promise<TokenPairResponse> {
    return this.sessions.login(ctx, body);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'New token pair for a refresh token (each refresh token works once)' })
  refresh(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(refreshBodySchema)) body: RefreshBody,
  ): Promise<TokenPairResponse> {
    return this.sessions.refresh(ctx, body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'End the session of a refresh token' })
  async logout(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(refreshBodySchema)) body: RefreshBody,
  ): Promise<void> {
    await this.sessions.logout(ctx, body.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The verified principal behind the bearer token' })
  me(@CurrentPrincipal() principal: Principal): MeResponse {
    return {
      id: principal.id,
      name: principal.name,
      role: principal.role,
      scope: principal.scope,
      expiresAt: principal.expiresAt.toISOString(),
    };
  }

  @Post('password')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @AuditorMayWrite()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your own password (current one required); other sessions end' })
  changePassword(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(changePasswordBodySchema)) body: ChangePasswordBody,
  ): Promise<TokenPairResponse> {
    return this.sessions.changePassword(ctx, body);
  }

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Public keys (JWKS) that verify access tokens; other services fetch and cache this',
  })
  jwks(): Promise<JwksResponse> {
    return this.keys.jwks();
  }

  @Post('keys/rotate')
  @HttpCode(200)
  @Roles('county_admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start signing with a new key; the old one stays published for a day' })
  rotate(@Ctx() ctx: RequestContext): Promise<{ kid: string; retired: string[] }> {
    return this.keys.rotate(ctx);
  }
}
