import type { ApiClient } from '@fupin/api-client';
import type {
  AttendanceList,
  AttendanceRecord,
  IncomeSource,
  LabourClass,
  OrganisationType,
  PayoutStatus,
  PlanDocument,
  PovertyStatus,
  ShareKind,
} from '@fupin/contracts';
import { MAX_PAGE_SIZE } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { useApiQuery } from '../common/use-api-query';

/** Every dividends endpoint lives under this prefix. */
export const DIVIDENDS = '/api/dividends';

/** A distributing entity (分红主体): a registry organisation of a distributing type. */
export interface DividendEntity {
  id: string;
  type: OrganisationType;
  name: string;
  regionCode: string;
  countyCode: string;
  villageCode: string | null;
  active: boolean;
}

export interface Shareholding {
  id: string;
  kind: ShareKind;
  shares: string;
  validFrom: string;
  validTo: string | null;
}

export interface EntityMember {
  householdId: string;
  householdNumber: string;
  headName: string;
  villageCode: string;
  labourClass: LabourClass | null;
  povertyStatus: PovertyStatus;
  joinedOn: string;
  shareholdings: Shareholding[];
}

export interface IncomeDeclaration {
  id: string;
  entityId: string;
  source: IncomeSource;
  periodStart: string;
  periodEnd: string;
  amountFen: string;
  evidence: { description: string; reference: string };
  distributionId: string | null;
  declaredBy: string;
  declaredAt: string;
}

export interface PlanVersion {
  version: number;
  document: PlanDocument;
  createdBy: string;
  createdAt: string;
}

export interface Plan {
  id: string;
  entityId: string;
  name: string;
  currentVersion: number;
  versions: PlanVersion[];
}

export type DistributionStatus = 'dry_run' | 'noticed' | 'approved' | 'posted';

export interface Distribution {
  id: string;
  entityId: string;
  title: string;
  planId: string;
  planVersion: number;
  periodStart: string;
  periodEnd: string;
  poolFen: string;
  householdTotalFen: string;
  householdCount: number;
  accountParts: Array<{ account: string; amountFen: string }>;
  status: DistributionStatus;
  createdAt: string;
  postedAt: string | null;
  notice: null | { id: string; publishedAt: string; endsAt: string };
  approval: null | {
    id: string;
    meetingDate: string;
    attendeesCount: number;
    minutesReference: string;
    approvedAt: string;
  };
  objections: Array<{
    id: string;
    raisedBy: string;
    text: string;
    recordedAt: string;
    resolution: string | null;
    resolvedAt: string | null;
  }>;
}

/** One line of a household's explanation, as the engine wrote it. */
export interface ExplanationLine {
  step: string;
  label: string;
  basis: string;
  weight: string;
  stepAmountFen: string;
  amountFen: string;
  note?: string;
}

export interface DistributionLine {
  householdId: string;
  householdNumber: string;
  headName: string;
  villageCode: string;
  amountFen: string;
  explanation: ExplanationLine[];
}

export interface PagedLines {
  items: DistributionLine[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PayoutBatch {
  id: string;
  lineCount: number;
  totalFen: string;
  createdAt: string;
}

export interface Payout {
  id: string;
  batchId: string | null;
  householdId: string;
  householdNumber: string;
  bankName: string | null;
  bankAccountMasked: string | null;
  amountFen: string;
  attempt: number;
  retryOf: string | null;
  retryReason: string | null;
  status: PayoutStatus;
  bankReference: string | null;
  failureReason: string | null;
}

export interface PayoutsView {
  batches: PayoutBatch[];
  payouts: Payout[];
}

/** Amounts arrive as strings of fen (bigint columns); a county's sums stay far below 2^53. */
export function yuan(fen: string | number | bigint): string {
  return formatFen(Number(fen));
}

/** Sums strings of fen exactly. */
export function sumFen(values: Iterable<string>): bigint {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total;
}

export function useEntity(id: string) {
  return useApiQuery(
    (client, signal) => client.get<DividendEntity>(`${DIVIDENDS}/entities/${id}`, { signal }),
    [id],
  );
}

export function useMembers(entityId: string) {
  return useApiQuery(
    (client, signal) => client.get<EntityMember[]>(`${DIVIDENDS}/entities/${entityId}/members`, { signal }),
    [entityId],
  );
}

/** Saves a downloaded file through a temporary link, the way a browser saves an attachment. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A CSV file with a BOM, so Excel on a county office PC opens the Chinese columns correctly. */
export function csvBlob(rows: ReadonlyArray<readonly string[]>): Blob {
  const text = rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n');
  return new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' });
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks); a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
}

/** Reads a chosen file as text: UTF-8, or GB18030 as county office PCs save CSV. */
export async function readText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** First and last day of a month given as YYYY-MM. */
export function monthRange(month: string): { periodStart: string; periodEnd: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { periodStart: `${month}-01`, periodEnd: `${month}-${String(last).padStart(2, '0')}` };
}

/** Today in the reader's time zone, as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Rows of recorded attendance on one page of the attendance table. */
export const ATTENDANCE_PAGE_SIZE = 20;

const attendanceUrl = (entityId: string) => `${DIVIDENDS}/entities/${entityId}/attendance`;

/** A month as the month field gives it (YYYY-MM); the field is empty while being cleared. */
export function isMonth(month: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
}

/** One page of the attendance recorded within a month (YYYY-MM), by household number. */
export function useRecordedAttendance(entityId: string, month: string, page: number) {
  return useApiQuery(
    (client, signal) =>
      client.get<AttendanceList>(attendanceUrl(entityId), {
        query: { ...monthRange(month), page, pageSize: ATTENDANCE_PAGE_SIZE },
        signal,
      }),
    [entityId, month, page],
    isMonth(month),
  );
}

/** Every attendance row recorded within a month, read page by page (for a download). */
export async function loadAllAttendance(
  client: ApiClient,
  entityId: string,
  month: string,
): Promise<AttendanceRecord[]> {
  const all: AttendanceRecord[] = [];
  for (let page = 1; ; page++) {
    const chunk = await client.get<AttendanceList>(attendanceUrl(entityId), {
      query: { ...monthRange(month), page, pageSize: MAX_PAGE_SIZE },
    });
    all.push(...chunk.items);
    if (all.length >= chunk.total || chunk.items.length === 0) return all;
  }
}
