import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { SessionsService } from './sessions.service';

/** Staff login, token refresh and logout, password change, JWKS and key rotation. */
@Module({ controllers: [AuthController], providers: [SessionsService] })
export class RegistryAuthModule {}
