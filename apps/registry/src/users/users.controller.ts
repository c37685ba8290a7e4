import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  createUserBodySchema,
  resetUserPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  type CreateUserBody,
  type Paginated,
  type ResetUserPasswordBody,
  type UpdateUserBody,
  type UserListQuery,
  type UserView,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { UsersService } from './users.service';

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('county_admin', 'town_admin', 'auditor')
  @ApiOperation({
    summary: 'List staff users in your region (filter by role, region, organisation, active, name)',
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(userListQuerySchema)) query: UserListQuery,
  ): Promise<Paginated<UserView>> {
    return this.users.list(principal, query);
  }

  @Get(':id')
  @Roles('county_admin', 'town_admin', 'auditor')
  @ApiOperation({ summary: 'One user' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<UserView> {
    return this.users.get(principal, id);
  }

  @Post()
  @Roles('county_admin', 'town_admin')
  @ApiOperation({
    summary:
      'Create a user with a role and scope (town administrators: village admins, store keepers, collectors)',
  })
  create(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createUserBodySchema)) body: CreateUserBody,
  ): Promise<UserView> {
    return this.users.create(ctx, body);
  }

  @Patch(':id')
  @Roles('county_admin', 'town_admin')
  @ApiOperation({ summary: 'Change name, phone, role or scope (a role or scope change signs the user out)' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(updateUserBodySchema)) body: UpdateUserBody,
  ): Promise<UserView> {
    return this.users.update(ctx, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('county_admin', 'town_admin')
  @ApiOperation({ summary: 'Disable a user and end their sessions' })
  disable(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<UserView> {
    return this.users.setActive(ctx, id, false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('county_admin', 'town_admin')
  @ApiOperation({ summary: 'Enable a disabled user' })
  enable(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<UserView> {
    return this.users.setActive(ctx, id, true);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @Roles('county_admin', 'town_admin')
  @ApiOperation({ summary: 'Lift a lockout after 5 wrong passwords' })
  unlock(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<UserView> {
    return this.users.unlock(ctx, id);
  }

  @Post(':id/password')
  @HttpCode(200)
  @Roles('county_admin', 'town_admin')
  @ApiOperation({ summary: 'Set a temporary password (the user must change it at next login)' })
  resetPassword(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(resetUserPasswordBodySchema)) body: ResetUserPasswordBody,
  ): Promise<UserView> {
    return this.users.resetPassword(ctx, id, body.newPassword);
  }
}
