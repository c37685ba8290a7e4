import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fupin/auth';
import { HOUSEHOLD_IMPORT_LIMITS, type ImportResult } from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { HOUSEHOLD_WRITERS } from '../households/households.controller';
import { ImportErrorCode, ImportException } from './household-import.exception';
import { HouseholdImportService, type UploadedSheet } from './household-import.service';
import { importTemplateCsv, importTemplateXlsx } from './import-template';

const importQuerySchema = z.object({
  dryRun: z
    .preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false']).default('false'))
    .transform((v) => v === 'true'),
});
const templateQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

@ApiTags('households 农户')
@ApiBearerAuth()
@Controller('households/import')
export class HouseholdImportController {
  constructor(private readonly imports: HouseholdImportService) {}

  @Post()
  @HttpCode(201)
  @Roles(...HOUSEHOLD_WRITERS)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: HOUSEHOLD_IMPORT_LIMITS.maxBytes, files: 1, fields: 5 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiOperation({
    summary:
      'Import households from CSV or .xlsx (field "file", ≤ 5 MB, ≤ 5000 rows): all or nothing; 422 IMPORT_REJECTED lists every bad row',
  })
  async import(
    @Ctx() ctx: RequestContext,
    @UploadedFile() file: UploadedSheet | undefined,
    @Query(new ZodValidationPipe(importQuerySchema)) query: { dryRun: boolean },
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResult> {
    if (!file?.buffer?.length) {
      throw new ImportException(
        ImportErrorCode.FileMissing,
        '请上传文件（表单字段 file）/ Upload the sheet as form field "file"',
      );
    }
    const result = await this.imports.import(ctx, file, query.dryRun);
    if (query.dryRun) res.status(200);
    return result;
  }

  @Get('template')
  @Roles(...HOUSEHOLD_WRITERS)
  @ApiQuery({ name: 'format', required: false, enum: ['xlsx', 'csv'] })
  @ApiOperation({ summary: 'Download the import template (.xlsx with notes and drop-downs, or CSV)' })
  async template(
    @Query(new ZodValidationPipe(templateQuerySchema)) query: { format: 'xlsx' | 'csv' },
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const xlsx = query.format === 'xlsx';
    const body = xlsx ? await importTemplateXlsx() : importTemplateCsv();
    const name = `农户导入模板.${query.format}`;
    res.set({
      'Content-Type': xlsx
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="household-import-template.${query.format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
    return new StreamableFile(body);
  }
}
