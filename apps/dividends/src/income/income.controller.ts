import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import { declareIncomeBodySchema, type DeclareIncomeBody } from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { KEEPERS, READERS } from '../entities/entities.controller';
import { IncomeService } from './income.service';

@ApiTags('income 可分配收益')
@ApiBearerAuth()
@Controller('entities/:id/income-declarations')
export class IncomeController {
  constructor(private readonly income: IncomeService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Income declared by the entity' })
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.income.list(principal, id);
  }

  @Post()
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'Declare distributable income for a period, with evidence (amount in fen)' })
  declare(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(declareIncomeBodySchema)) body: DeclareIncomeBody,
  ) {
    return this.income.declare(ctx, id, body);
  }
}
