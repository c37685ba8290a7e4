import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@fupin/auth';
import {
  createAwardSheetBodySchema,
  fileObjectionBodySchema,
  putAwardLinesBodySchema,
  resolveObjectionBodySchema,
  submitAwardSheetBodySchema,
  type AwardSheetView,
  type CreateAwardSheetBody,
  type FileObjectionBody,
  type PublicNoticeView,
  type PutAwardLinesBody,
  type ResolveObjectionBody,
  type SubmitAwardSheetBody,
} from '@fupin/contracts';
import { ApiIdempotencyKey, IdempotencyKey, ZodValidationPipe } from '@fupin/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { idempotentCommand } from '../common/idempotent-command';
import { UuidPipe, VillageCodePipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { AWARD_IMPORT_MAX_BYTES, readAwardSheetFile } from './award-sheet-import';
import { loadSheetRow } from './award-sheet-view';
import { AwardSheetErrorCode, AwardSheetException } from './award-sheets.exception';
import { AwardSheetsService } from './award-sheets.service';

const TokenPipe = new ZodValidationPipe(z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'bad notice link'));
const STAFF = ['village_admin', 'town_admin', 'county_admin'] as const;

@ApiTags('award sheets 积分评定')
@ApiBearerAuth()
@Controller()
export class AwardSheetsController {
  constructor(
    private readonly sheets: AwardSheetsService,
    private readonly dataSource: DataSource,
  ) {}

  @Post('award-sheets')
  @Roles('village_admin')
  @ApiOperation({ summary: 'Open a village’s monthly draft under the standard in force on the 1st' })
  create(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createAwardSheetBodySchema)) body: CreateAwardSheetBody,
  ): Promise<AwardSheetView> {
    return this.sheets.create(ctx, body);
  }

  @Get('villages/:code/award-sheets')
  @Roles(...STAFF, 'auditor')
  @ApiOperation({ summary: 'A village’s sheets, newest period first (without lines)' })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('code', VillageCodePipe) code: string,
  ): Promise<AwardSheetView[]> {
    return this.sheets.list(p, code);
  }

  @Get('award-sheets/:id')
  @Roles(...STAFF, 'auditor')
  @ApiOperation({ summary: 'One sheet with lines and objections' })
  get(@CurrentPrincipal() p: Principal, @Param('id', UuidPipe) id: string): Promise<AwardSheetView> {
    return this.sheets.get(p, id);
  }

  @Put('award-sheets/:id/lines')
  @Roles('village_admin')
  @ApiOperation({ summary: 'Replace a draft’s lines (household × item × count); caps checked (422)' })
  putLines(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(putAwardLinesBodySchema)) body: PutAwardLinesBody,
  ): Promise<AwardSheetView> {
    return this.sheets.putLines(ctx, id, body.lines);
  }

  @Post('award-sheets/:id/import')
  @HttpCode(200)
  @Roles('village_admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: AWARD_IMPORT_MAX_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Replace a draft’s lines from an xlsx/CSV file (field "file"; 户编号, 条目代码, 次数, 备注)',
  })
  async import(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @UploadedFile() file: { buffer?: Buffer } | undefined,
  ): Promise<AwardSheetView> {
    if (!file?.buffer?.length) {
      throw new AwardSheetException(
        AwardSheetErrorCode.BadImport,
        '请上传文件（字段 file）/ Upload the file as "file"',
      );
    }
    const sheet = await loadSheetRow(this.dataSource.manager, id);
    if (!sheet) throw AwardSheetException.notFound(id);
    const lines = await readAwardSheetFile(this.dataSource.manager, sheet.villageCode, file.buffer);
    return this.sheets.putLines(ctx, id, lines);
  }

  @Post('award-sheets/:id/submit')
  @HttpCode(200)
  @Roles('village_admin')
  @ApiOperation({ summary: 'Post the sheet for public review (公示); returns the public notice token' })
  submit(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(submitAwardSheetBodySchema)) body: SubmitAwardSheetBody,
  ): Promise<AwardSheetView> {
    return this.sheets.submit(ctx, id, body ?? {});
  }

  @Get('public/notices/:token')
  @Public()
  @ApiOperation({ summary: 'The public notice board of a sheet (no login; names masked)' })
  notice(@Param('token', TokenPipe) token: string): Promise<PublicNoticeView> {
    return this.sheets.publicNotice(token);
  }

  @Post('award-sheets/:id/objections')
  @Roles(...STAFF, 'household')
  @ApiOperation({ summary: 'Object to a sheet (or one line) during its notice; households from their kiosk' })
  object(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(fileObjectionBodySchema)) body: FileObjectionBody,
  ): Promise<AwardSheetView> {
    return this.sheets.fileObjection(ctx, id, body);
  }

  @Post('award-sheets/:id/objections/:objectionId/resolve')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'Resolve an objection: upheld (optionally with the line’s new count) or dismissed, with a reason',
  })
  resolve(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('objectionId', UuidPipe) objectionId: string,
    @Body(new ZodValidationPipe(resolveObjectionBodySchema)) body: ResolveObjectionBody,
  ): Promise<AwardSheetView> {
    return this.sheets.resolveObjection(ctx, id, objectionId, body);
  }

  @Post('award-sheets/:id/approve')
  @HttpCode(200)
  @Roles('town_admin', 'county_admin')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Approve after the notice with no open objection: posts every line at once (lines omitted)',
  })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @IdempotencyKey() key: string,
  ): Promise<AwardSheetView> {
    return idempotentCommand(this.dataSource, ctx, key, `POST /award-sheets/${id}/approve`, {}, (m) =>
      this.sheets.approve(ctx, m, id),
    );
  }
}
