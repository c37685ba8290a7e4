import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  addMemberBodySchema,
  addShareholdingBodySchema,
  attendanceQuerySchema,
  recordAttendanceBodySchema,
  type AddMemberBody,
  type AddShareholdingBody,
  type AttendanceQuery,
  type RecordAttendanceBody,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { ReadModelsService } from '../read-models/read-models.service';
import { EntitiesService } from './entities.service';
import { EntityErrorCode, EntityException } from './entities.exception';
import { MemberImportService } from './member-import.service';

export const READERS = ['coop_accountant', 'village_admin', 'town_admin', 'county_admin', 'auditor'] as const;
export const KEEPERS = ['coop_accountant', 'village_admin', 'town_admin', 'county_admin'] as const;

@ApiTags('entities 分红主体')
@ApiBearerAuth()
@Controller('entities')
export class EntitiesController {
  constructor(
    private readonly entities: EntitiesService,
    private readonly readModels: ReadModelsService,
    private readonly imports: MemberImportService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Distributing entities (cooperatives, collectives, enterprises, PV stations) in your scope',
  })
  list(@CurrentPrincipal() principal: Principal) {
    return this.entities.list(principal);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One distributing entity' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.readModels.entityInScope(principal, id);
  }

  @Get(':id/members')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Member households with their shareholdings' })
  members(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.entities.members(principal, id);
  }

  @Post(':id/members')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'Add a member household (from the registry read model)' })
  addMember(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(addMemberBodySchema)) body: AddMemberBody,
  ) {
    return this.entities.addMember(ctx, id, body);
  }

  @Post(':id/members/import')
  @Roles(...KEEPERS)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiOperation({
    summary:
      'Import members and shareholdings from CSV or .xlsx (户编号, 入社日期, 股份类型, 股数, 起始日期, 截止日期): all or nothing; 422 lists every bad row',
  })
  importMembers(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @UploadedFile() file: { buffer?: Buffer } | undefined,
  ) {
    if (!file?.buffer?.length)
      throw new EntityException(
        EntityErrorCode.FileMissing,
        '请上传文件（表单字段 file）/ Upload the sheet as form field "file"',
      );
    return this.imports.import(ctx, id, file.buffer);
  }

  @Post(':id/shareholdings')
  @Roles(...KEEPERS)
  @ApiOperation({
    summary: 'Record a shareholding (ordinary / preferred / quantified from poverty funds) with dates',
  })
  addShareholding(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(addShareholdingBodySchema)) body: AddShareholdingBody,
  ) {
    return this.entities.addShareholding(ctx, id, body);
  }

  @Get(':id/attendance')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Days worked on public-welfare jobs (公益岗位) recorded in periods lying within periodStart..periodEnd, by household number (paged)',
  })
  attendance(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(attendanceQuerySchema)) query: AttendanceQuery,
  ) {
    return this.entities.attendance(principal, id, query);
  }

  @Post(':id/attendance')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'Record days worked on public-welfare jobs (公益岗位) for a period' })
  recordAttendance(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(recordAttendanceBodySchema)) body: RecordAttendanceBody,
  ) {
    return this.entities.recordAttendance(ctx, id, body);
  }
}
