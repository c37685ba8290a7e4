import { sendJson } from '@fupin/api-client/testing';
import { POVERTY_STATUS_LABELS } from '@fupin/contracts';
import type { ServerResponse } from 'node:http';
import type { FakeHousehold } from './fake-registry-data';

/** The file part of a multipart body (the stub server reads bodies as UTF-8 text). */
function uploadedText(body: string): string {
  const start = body.indexOf('\r\n\r\n');
  const end = body.lastIndexOf('\r\n--');
  return start < 0 || end < start ? '' : body.slice(start + 4, end);
}

const STATUS_BY_NAME = new Map(
  Object.entries(POVERTY_STATUS_LABELS).map(([key, labels]) => [labels['zh-CN'], key]),
);

/**
 * `POST /households/import`: a CSV whose 贫困状态 cannot be read is refused whole (422 with every
 * bad row); a good one is counted (dry run) or added.
 */
export function answerImport(
  households: FakeHousehold[],
  body: string,
  dryRun: boolean,
  response: ServerResponse,
): void {
  const text = uploadedText(body);
  const [header = '', ...rows] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim());
  const columns = header.split(',');
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  const rejected = rows.flatMap((line, index) => {
    const status = at(line.split(','), '贫困状态');
    return STATUS_BY_NAME.has(status)
      ? []
      : [
          {
            row: index + 2,
            column: '贫困状态',
            reason: {
              'zh-CN': `贫困状态“${status}”无法识别`,
              en: `Poverty status "${status}" is not recognised`,
            },
          },
        ];
  });
  const numbers = [...new Set(rows.map((line) => at(line.split(','), '户编号')))];
  if (rejected.length > 0) {
    return sendJson(response, 422, {
      code: 'IMPORT_REJECTED',
      message: `导入被拒绝：${rejected.length} 处错误，未导入任何数据 / Import rejected: ${rejected.length} problem(s), nothing was imported`,
      details: { rowCount: rows.length, householdCount: numbers.length, rejected },
    });
  }
  if (!dryRun) {
    for (const number of numbers) {
      const template = households[0]!;
      households.push({
        ...template,
        id: `dddddddd-0000-4000-8000-${String(households.length).padStart(12, '0')}`,
        householdNumber: number,
        history: [],
      });
    }
  }
  sendJson(response, dryRun ? 200 : 201, {
    dryRun,
    rowCount: rows.length,
    householdCount: numbers.length,
    memberCount: rows.length,
    imported: dryRun ? 0 : numbers.length,
    households: numbers.map((number, index) => ({ row: index + 2, householdNumber: number, id: null })),
  });
}
